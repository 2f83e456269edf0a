// The e-mail's HTML: the layout compiled once from MJML (email-layout.json, written by
// `npm run email:layout` from email-layout.mjml) with its `{{slot}}` placeholders filled here. MJML
// passes placeholders and content through untouched, so filling the compiled layout gives the same
// HTML as compiling the filled source (email-layout.test.ts holds it to that), without loading MJML
// in the service (decision 0123).
import { fileURLToPath } from "node:url";
import layout from "./email-layout.json" with { type: "json" };

export const LAYOUT_TABLE_PATH = fileURLToPath(new URL("./email-layout.json", import.meta.url));

/** The layout's slots. Each value is HTML: the caller escapes text (escapeHtml) before it goes in. */
export const LAYOUT_SLOTS = [
  "lang",
  "subject",
  "preview",
  "creditorName",
  "paragraphs",
  "link",
  "action",
  "footer",
] as const;
export type LayoutSlots = Readonly<Record<(typeof LAYOUT_SLOTS)[number], string>>;

/**
 * Replaces every `{{slot}}` of `template` in one pass, so that a value that itself reads "{{x}}" is
 * not filled again. A placeholder with no slot of that name is an error (a layout and code that
 * disagree), never left in an e-mail.
 */
export function fillLayout(template: string, slots: LayoutSlots): string {
  const values: Readonly<Record<string, string>> = slots;
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new Error(`the e-mail layout has a slot {{${name}}} with no value`);
    return value;
  });
}

/** The e-mail's HTML for these slots. */
export const emailLayoutHtml = (slots: LayoutSlots): string => fillLayout(layout.html, slots);
