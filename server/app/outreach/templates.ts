// Outreach templates (prompts/outreach/<locale>/<id>.yaml): read once, validated with zod so that a
// missing field is reported with the file and the field, not as a blank e-mail.
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { fromRoot } from "../../config/paths.js";
import type { Locale } from "../../domain/case-facts.js";
import type { ReminderChannel } from "../../policy/schema-reminders.js";

const text = z.string().trim().min(1, { error: "must not be empty" });

export const outreachTemplateSchema = z
  .object({
    subject: text.optional(),
    body: text.optional(),
    action: text.optional(),
    sms: text.max(300, { error: "an SMS text must stay under 300 characters before the link" }).optional(),
    task: text.optional(),
  })
  .strict();
export type OutreachTemplate = z.infer<typeof outreachTemplateSchema>;

/** Templates the product sends outside the packs' sequences (confirmations, promise reminders, links). */
export const SYSTEM_TEMPLATES = {
  instalmentDue: "instalment-due",
  instalmentMissed: "instalment-missed",
  accepted: "confirmation-accepted",
  cancelled: "confirmation-cancelled",
  sendLink: "send-link",
} as const;

export class TemplateError extends Error {}

const cache = new Map<string, OutreachTemplate>();

export function templatePath(locale: Locale, id: string, dir = fromRoot("prompts", "outreach")): string {
  return `${dir}/${locale}/${id}.yaml`;
}

export function loadTemplate(locale: Locale, id: string, dir?: string): OutreachTemplate {
  const file = templatePath(locale, id, dir);
  const hit = cache.get(file);
  if (hit) return hit;
  if (!existsSync(file)) throw new TemplateError(`${file}: no such template`);
  const parsed = outreachTemplateSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new TemplateError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  cache.set(file, parsed.data);
  return parsed.data;
}

/** The fields a channel needs; a template missing one cannot serve that channel. */
export function missingFields(t: OutreachTemplate, channel: ReminderChannel): string[] {
  const need: (keyof OutreachTemplate)[] =
    channel === "sms" ? ["sms"] : channel === "task" ? ["task"] : ["subject", "body", "action"];
  return need.filter((k) => t[k] === undefined);
}
