// The service fills an e-mail layout compiled once from MJML instead of running MJML for every
// e-mail (decision 0123). These tests hold the compiled layout to what the installed MJML makes of
// email-layout.mjml, and filling it to compiling the filled source, so that the shortcut can never
// send a different e-mail than MJML would.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../config/paths.js";
import { emailLayoutHtml, fillLayout, LAYOUT_SLOTS, type LayoutSlots } from "./email-layout.js";
import layout from "./email-layout.json" with { type: "json" };
import { compileEmailLayout, compileMjml, layoutSource } from "./email-layout-source.js";
import { escapeHtml, htmlText } from "./render.js";

const STALE =
  "email-layout.json is not what MJML compiles from email-layout.mjml: run `npm run email:layout`";

/** Text as a debtor's or creditor's name may hold it: markup, quotes, braces, accents, new lines. */
const text = fc.string({
  unit: fc.constantFrom(..."ab Zé€'\"<>&/{}\n;:=#%".split(""), "{{x}}", "</mj-text>", "<script>"),
  maxLength: 40,
});
// MJML trims the text of an element: the service trims what it puts in a slot (renderOutreach).
const escaped = text.map((t) => htmlText(t.trim()));
/** The subject and the preview are never empty (renderOutreach refuses an empty subject): MJML leaves
 * out an empty title's aria-label and an empty preview's block. */
const words = text.filter((t) => t.trim().length > 0).map((t) => htmlText(t.trim()));
const paragraphs = fc
  .array(escaped, { minLength: 1, maxLength: 4 })
  .map((ps) => ps.map((p) => `<p style="margin:0">${p}</p>`).join(""));
const slots: fc.Arbitrary<LayoutSlots> = fc.record({
  lang: fc.constantFrom("fr", "en"),
  subject: words,
  preview: words,
  creditorName: escaped,
  paragraphs,
  link: text.map((s) => `https://amiable.example/c/${escapeHtml(s.replace(/\s/g, ""))}`),
  action: escaped,
  footer: paragraphs,
});

describe("the e-mail layout compiled from MJML", () => {
  it("is what the installed MJML compiles from email-layout.mjml", async () => {
    const fresh = await compileEmailLayout();
    expect(layout.mjml, STALE).toBe(fresh.mjml);
    expect(layout.html, STALE).toBe(fresh.html);
  });

  it("has every slot and no other placeholder", () => {
    const found = new Set([...layout.html.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
    expect([...found].sort()).toEqual([...LAYOUT_SLOTS].sort());
  });

  it("filled, is the HTML MJML compiles from the filled source, for any escaped message", async () => {
    const source = layoutSource();
    await fc.assert(
      fc.asyncProperty(slots, async (s) => {
        expect(emailLayoutHtml(s)).toBe(await compileMjml(fillLayout(source, s)));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("fills each placeholder once and refuses a placeholder it has no value for", () => {
    const s = Object.fromEntries(LAYOUT_SLOTS.map((k) => [k, k])) as LayoutSlots;
    expect(fillLayout("{{subject}}|{{footer}}", { ...s, subject: "{{footer}}" })).toBe("{{footer}}|footer");
    expect(() => fillLayout("a {{unknown}} b", s)).toThrow("{{unknown}}");
    expect(() => fillLayout("{{toString}}", s)).toThrow("{{toString}}");
  });

  it("is the only way the service makes e-mail HTML: no service file loads MJML", () => {
    const offenders: string[] = [];
    const scan = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === "node_modules" || name === "generated") continue;
        if (statSync(path).isDirectory()) scan(path);
        else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name) && name !== "email-layout-source.ts") {
          const source = readFileSync(path, "utf8");
          if (/["']mjml["']|email-layout-source/.test(source)) offenders.push(path);
        }
      }
    };
    scan(fromRoot("server"));
    expect(offenders).toEqual([]);
  });
});
