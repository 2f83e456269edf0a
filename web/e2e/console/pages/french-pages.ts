// Checks for the console in French, as a French collections team reads it: the visible words of a
// region (text, accessible names, placeholders) that are still English, either a sentence of the
// dictionary left untranslated or one of the little English words French never uses. Codes, hashes,
// YAML and data (inside code, pre, textarea) are not words people read.
import type { Locator, Page } from "playwright-core";
import { PAGE_WORDS_FR } from "../../../console/words-fr.js";

/** English words no French sentence of the console contains. */
// Whole words only, accented letters included ("Représenté" holds no "sent").
const ENGLISH_WORDS = new RegExp(
  `(?<![\\p{L}\\d_])(${[
    "the",
    "and",
    "with",
    "from",
    "for",
    "of",
    "by",
    "is",
    "are",
    "not",
    "none",
    "yet",
    "this",
    "per",
    "save",
    "draft",
    "publish",
    "published",
    "policies",
    "changes",
    "limits",
    "steps",
    "remove",
    "kept",
    "rate",
    "fees",
    "tier",
    "quiet",
    "hours",
    "working",
    "who",
    "when",
    "entity",
    "filter",
    "awaiting",
    "approval",
    "agreements?",
    "offers",
    "promised",
    "collected",
    "opened",
    "sent",
    "links",
    "days",
    "instalments?",
    "reminders?",
    "step",
    "channel",
    "template",
    "tone",
    "kind",
    "escalations",
  ].join("|")})(?![\\p{L}\\d_])`,
  "iu",
);

/** The English sentences of the dictionary whose French differs ("Total" is both). */
const ENGLISH_KEYS = new Set(
  Object.entries(PAGE_WORDS_FR)
    .filter(([en, fr]) => en !== fr && !en.includes("{"))
    .map(([en]) => en),
);

export interface Leftover {
  readonly text: string;
  readonly where: string;
}

/**
 * The visible texts and accessible names inside `scope` that are still English. `data` lists texts
 * that are data rather than the console's words (a pack's name as its authors wrote it).
 */
export async function englishLeft(scope: Locator, data: readonly string[] = []): Promise<Leftover[]> {
  const texts = await scope.evaluate((root) => {
    const out: { text: string; where: string }[] = [];
    const skip = (el: Element | null) => el?.closest("code, pre, textarea, script, style, [data-no-words]");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim() ?? "";
      if (!text || skip(parent)) continue;
      out.push({ text, where: parent?.tagName.toLowerCase() ?? "" });
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder]")) {
      if (skip(el)) continue;
      for (const name of ["aria-label", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value) out.push({ text: value, where: `${el.tagName.toLowerCase()}[${name}]` });
      }
    }
    return out;
  });
  return texts.filter(
    ({ text }) =>
      !data.includes(text) &&
      (ENGLISH_KEYS.has(text) ||
        // Words outside pack ids, e-mail addresses and folders ("fr-business", "admin@test.local", "policies/").
        ENGLISH_WORDS.test(text.replace(/[\w.-]+@[\w.-]+|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|[\w.-]+\//g, ""))),
  );
}

/** The policy studio in French: the list and the editor's regions by their French names. */
export class PolicyStudioFr {
  readonly changes: Locator;
  readonly simulation: Locator;
  readonly publishing: Locator;
  readonly versions: Locator;
  constructor(readonly page: Page) {
    this.changes = page.getByRole("region", { name: "Changements" });
    this.simulation = page.getByRole("region", { name: "Simulation" });
    this.publishing = page.getByRole("region", { name: "Publier" });
    this.versions = page.getByRole("region", { name: "Versions" });
  }

  async openPack(name: string): Promise<void> {
    await this.page.getByRole("link", { name }).click();
    await this.page.getByRole("heading", { name: "Limites" }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error shown on a field (its aria-describedby), once the server has checked it. */
  async fieldError(label: string): Promise<string> {
    const input = this.field(label);
    await this.page.waitForFunction(
      (el) => el?.getAttribute("aria-invalid") === "true",
      await input.elementHandle(),
    );
    const id = await input.getAttribute("aria-describedby");
    return (await this.page.locator(`[id="${id}"]`).textContent()) ?? "";
  }

  async saveDraft(): Promise<void> {
    await this.page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await this.page.getByRole("status").filter({ hasText: "Brouillon enregistré." }).waitFor();
  }

  async runSimulation(filter: string, timeoutMs: number): Promise<string> {
    await this.simulation.getByLabel(/Scénarios/).fill(filter);
    await this.simulation.getByRole("button", { name: "Lancer la simulation" }).click();
    const status = this.simulation.getByTestId("simulation-status");
    await status.filter({ hasText: /Terminée|Échec/ }).waitFor({ timeout: timeoutMs });
    return (await status.textContent()) ?? "";
  }
}
