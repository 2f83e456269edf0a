// System prompts are data (prompts/llm/<name>.<locale>.md): a front matter with id and version, a
// main template, and named partials after "=== name ===" lines. This module loads and fills them;
// which partials and values a turn uses is decided in prompt-context.ts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Locale } from "../../domain/case-facts.js";

export const DEFAULT_PROMPTS_DIR = "prompts/llm";
export const PROMPT_NAME = "negotiator";

export interface PromptTemplate {
  /** "<front-matter id>@<version>", written on every turn's meta. */
  readonly id: string;
  /** sha256 of the file as read: two deployments with the same hash ran the same prompt. */
  readonly hash: string;
  readonly locale: Locale;
  readonly main: string;
  readonly partials: ReadonlyMap<string, string>;
}

/** A filled prompt, ready to send. */
export interface SystemPrompt {
  readonly id: string;
  readonly hash: string;
  readonly text: string;
}

const frontMatterSchema = z.object({
  id: z.string().min(1),
  version: z.union([z.number(), z.string().min(1)]),
  locale: z.enum(["fr", "en"]),
});

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const PARTIAL_HEADER = /^=== ([a-z0-9_.-]+) ===\r?$/gm;

export function parsePromptTemplate(source: string, file: string): PromptTemplate {
  const fm = FRONT_MATTER.exec(source);
  if (!fm) throw new Error(`${file}: missing front matter (--- id / version / locale ---)`);
  const meta = frontMatterSchema.safeParse(parseYaml(fm[1] ?? ""));
  if (!meta.success)
    throw new Error(`${file}: bad front matter: ${meta.error.issues.map((i) => i.message).join("; ")}`);
  const body = source.slice(fm[0].length);
  const headers = [...body.matchAll(PARTIAL_HEADER)];
  const main = body.slice(0, headers[0]?.index ?? body.length).trim();
  const partials = new Map<string, string>();
  headers.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = headers[i + 1]?.index ?? body.length;
    const name = h[1] ?? "";
    if (partials.has(name)) throw new Error(`${file}: partial "${name}" defined twice`);
    partials.set(name, body.slice(start, end).trim());
  });
  return {
    id: `${meta.data.id}@${meta.data.version}`,
    hash: createHash("sha256").update(source).digest("hex"),
    locale: meta.data.locale,
    main,
    partials,
  };
}

const cache = new Map<string, PromptTemplate>();

/** Reads prompts/llm/negotiator.<locale>.md once per process (prompts change with a deploy). */
export function loadPromptTemplate(locale: Locale, dir = DEFAULT_PROMPTS_DIR): PromptTemplate {
  const file = join(dir, `${PROMPT_NAME}.${locale}.md`);
  const cached = cache.get(file);
  if (cached) return cached;
  const template = parsePromptTemplate(readFileSync(file, "utf8"), file);
  if (template.locale !== locale) throw new Error(`${file}: front matter says locale ${template.locale}`);
  cache.set(file, template);
  return template;
}

/**
 * Replaces every {{name}} in one pass, so a value that itself contains "{{...}}" (a debtor name, a
 * blocked draft) is never expanded again. An unknown name is a bug in the prompt file: throw.
 */
export function fill(text: string, values: Readonly<Record<string, string>>, where: string): string {
  return text.replace(/\{\{([a-zA-Z0-9_]+)\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`prompt ${where}: no value for {{${name}}}`);
    return v;
  });
}

export function partial(
  t: PromptTemplate,
  name: string,
  values: Readonly<Record<string, string>> = {},
): string {
  const text = t.partials.get(name);
  if (text === undefined) throw new Error(`prompt ${t.id}: missing partial "${name}"`);
  return fill(text, values, `${t.id}#${name}`);
}
