// What a French reader would still read in English on a console page: the visible text (and the
// placeholders and accessible names of fields and buttons) checked against the English keys of the
// console's dictionary, and against English words that a French sentence never contains (a sentence
// forgotten outside the dictionary is caught too). Codes in <code>, texts as sent in <pre>, what was
// typed or pasted (<textarea>) and whatever the caller names as data (names, references) are left out.
import type { Locator } from "playwright-core";
import { CODES_DESK_TOOLS } from "../../../console/words/fr-desk-tools.js";
import { PAGE_WORDS_FR } from "../../../console/words-fr.js";

/** Words of English sentences that do not occur in French ones (no "on", "page", "note", "action"…). */
const ENGLISH_WORDS = new Set(
  (
    "the of and to by is are no yet with for from your this not these only can when what which who " +
    "case cases line lines amount due paid status send sent save log password choose view close any all none " +
    "step channel matched unmatched booked settings creditor creditors debtor debtors invoice invoices add " +
    "remove create new loading failed queued partial reminder reminders outbox statement statements bank " +
    "show waiting person dismiss assign account holder display name phone shown how change issued " +
    "number answer expected stored hashed currency state kind business consumer identity check link links " +
    "letter task skipped done attempts download composed per overdue fixed rounded half days past " +
    "interest fees years welcome least characters repeat set enter please correct highlighted"
  ).split(" "),
);

const KEYS = Object.entries(PAGE_WORDS_FR)
  .filter(([en, fr]) => en !== fr)
  .map(([en]) => en);
/** Words that are the same in both languages ("Active", "Note") are French where French is expected. */
const FRENCH = new Set<string>([...Object.values(PAGE_WORDS_FR), ...Object.values(CODES_DESK_TOOLS.fr)]);
const EXACT = new Set(KEYS.filter((k) => !k.includes("{") && !FRENCH.has(k)));
const PATTERNS = KEYS.filter((k) => k.includes("{")).map(
  (k) =>
    new RegExp(
      `^${k
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".+")}$`,
    ),
);

/** The texts a person reads inside `scope`: visible text nodes, placeholders, accessible names. */
export async function readableTexts(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest("code, pre, textarea, .lang-switch, .visually-hidden, .sr-only"))
        continue;
      const visible = el.closest("select") ? true : el.checkVisibility();
      if (visible) out.push(text);
    }
    for (const el of root.querySelectorAll<HTMLElement>("[placeholder], [aria-label]")) {
      if (el.closest(".lang-switch")) continue;
      for (const attr of ["placeholder", "aria-label"]) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** The texts inside `scope` still in English; `data` are the test's own names, left out. */
export async function englishLeft(scope: Locator, data: readonly string[] = []): Promise<string[]> {
  const found = new Set<string>();
  for (const raw of await readableTexts(scope)) {
    let text = raw;
    for (const d of data) text = text.split(d).join(" ");
    text = text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    if (EXACT.has(text) || PATTERNS.some((p) => p.test(text))) found.add(raw);
    const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
    if (words.some((w) => ENGLISH_WORDS.has(w))) found.add(raw);
  }
  return [...found];
}
