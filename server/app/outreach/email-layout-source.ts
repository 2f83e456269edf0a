// The e-mail layout as MJML compiles it: email-layout.mjml, whose `{{slot}}` placeholders MJML passes
// through untouched, turned into the responsive HTML (tables, inline styles, Outlook conditionals)
// that the service fills (email-layout.ts). Used by `npm run email:layout` and its test only: MJML
// and its HTML tool chain weigh about 70 MB of memory, which the service no longer loads to send an
// e-mail (decision 0123).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const LAYOUT_SOURCE_PATH = fileURLToPath(new URL("./email-layout.mjml", import.meta.url));

/** The installed MJML's version, recorded with the compiled layout. */
export function mjmlVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("mjml/package.json") as { version: string }).version;
}

/** Compiles MJML source with the strict validation the layout must pass; throws on any error. */
export async function compileMjml(source: string): Promise<string> {
  const { default: mjml2html } = await import("mjml");
  const out = await mjml2html(source, { validationLevel: "strict" });
  if (out.errors.length > 0) throw new Error(`MJML: ${out.errors.map((e) => e.formattedMessage).join("; ")}`);
  return out.html;
}

/** The layout's MJML source, as written in email-layout.mjml. */
export const layoutSource = (): string => readFileSync(LAYOUT_SOURCE_PATH, "utf8");

/** What email-layout.json holds: the compiled layout and the MJML that compiled it. */
export async function compileEmailLayout(): Promise<{ mjml: string; html: string }> {
  return { mjml: mjmlVersion(), html: await compileMjml(layoutSource()) };
}
