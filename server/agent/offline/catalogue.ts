// Message catalogues for the offline engine: prompts/offline/<locale>.yaml, data not code. Each key
// holds one or more variants; the variant is picked deterministically from the conversation and
// turn, so replies vary between conversations yet a replay gives the same words.
import { createHash, hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { fromRoot } from "../../config/paths.js";
import type { Locale } from "../../domain/case-facts.js";
import { elideBeforePlaceholders } from "../../domain/french-elision.js";

const catalogueSchema = z.strictObject({
  locale: z.enum(["fr", "en"]),
  version: z.string().min(1),
  messages: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  quickReplies: z.record(z.string(), z.array(z.string().min(1).max(40)).max(4)),
});

export type CatalogueData = z.infer<typeof catalogueSchema>;

export class Catalogue {
  readonly id: string;
  readonly hash: string;

  constructor(
    private readonly data: CatalogueData,
    source: string,
  ) {
    this.id = `offline-${data.locale}@${data.version}`;
    this.hash = createHash("sha256").update(source).digest("hex");
  }

  get locale(): Locale {
    return this.data.locale;
  }

  has(key: string): boolean {
    return key in this.data.messages;
  }

  private readonly placeholders = new Map<string, ReadonlySet<string>>();

  /** True when some variant of the message has this {placeholder} (false for an unknown key). */
  uses(key: string, placeholder: string): boolean {
    let names = this.placeholders.get(key);
    if (!names) {
      const variants = Object.hasOwn(this.data.messages, key) ? (this.data.messages[key] ?? []) : [];
      names = new Set(variants.flatMap((v) => [...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)));
      this.placeholders.set(key, names);
    }
    return names.has(placeholder);
  }

  /** Renders a message; every {placeholder} must be given (a missing one is a bug, so it throws). */
  render(key: string, params: Record<string, string | number>, seed: string): string {
    const variants = this.data.messages[key];
    if (!variants) throw new Error(`catalogue ${this.id} has no message "${key}"`);
    // The first four bytes of the SHA-1, big-endian (one-shot hash: no Hash object per message).
    const pick = Number.parseInt(hash("sha1", `${seed}:${key}`, "hex").slice(0, 8), 16) % variants.length;
    const chosen = variants[pick] as string;
    const template = elideBeforePlaceholders(chosen, this.data.locale, (name) => params[name]);
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`message "${key}" needs {${name}}`);
      return String(value);
    });
  }

  quickReplies(key: string): string[] {
    return [...(this.data.quickReplies[key] ?? [])];
  }

  allKeys(): string[] {
    return Object.keys(this.data.messages);
  }
}

const cache = new Map<Locale, Catalogue>();

export function loadCatalogue(locale: Locale, dir = fromRoot("prompts", "offline")): Catalogue {
  const cached = cache.get(locale);
  if (cached) return cached;
  const file = resolve(dir, `${locale}.yaml`);
  const source = readFileSync(file, "utf8");
  const parsed = catalogueSchema.safeParse(parse(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`${file}: ${problems}`);
  }
  const catalogue = new Catalogue(parsed.data, source);
  cache.set(locale, catalogue);
  return catalogue;
}
