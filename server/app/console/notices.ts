// The system messages a debtor reads when a person acts (joins, leaves, resolves, offers), per locale,
// from prompts/console/<locale>.yaml: data, not code.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { fromRoot } from "../../config/paths.js";

export const NOTICE_KEYS = [
  "takeover",
  "handback",
  "resolved_dispute_upheld",
  "resolved_dispute_rejected",
  "resolved_payment_found",
  "resolved_plan_agreed",
  "resolved_no_action",
  "resolved_other",
  "collector_offer",
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

const schema = z.strictObject({
  locale: z.enum(["fr", "en"]),
  version: z.string().min(1),
  messages: z.strictObject(
    Object.fromEntries(NOTICE_KEYS.map((k) => [k, z.string().min(1)])) as Record<NoticeKey, z.ZodString>,
  ),
});

interface Notices {
  readonly id: string;
  readonly hash: string;
  readonly messages: Record<NoticeKey, string>;
}

const cache = new Map<string, Notices>();

function load(locale: "fr" | "en"): Notices {
  const cached = cache.get(locale);
  if (cached) return cached;
  const file = fromRoot("prompts", "console", `${locale}.yaml`);
  const source = readFileSync(file, "utf8");
  const parsed = schema.safeParse(parse(source));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const notices = {
    id: `console-${locale}@${parsed.data.version}`,
    hash: createHash("sha256").update(source).digest("hex"),
    messages: parsed.data.messages,
  };
  cache.set(locale, notices);
  return notices;
}

/** The text and the message meta (catalogue id and hash, like every system-written message). */
export function notice(locale: "fr" | "en", key: NoticeKey): { text: string; meta: Record<string, unknown> } {
  const n = load(locale);
  return {
    text: n.messages[key],
    meta: { layer: "system", notice: key, promptId: n.id, promptHash: n.hash },
  };
}
