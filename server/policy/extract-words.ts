// Figures written in words, French and English: "ten euros", "two hundred and fifty pounds",
// "quatre-vingt-dix pour cent", "ninety percent", "la moitié", "half of what you owe", "a quarter".
// The guard checks them like digits (FR-1, US-12, UK-3: no false amounts). Numbers are read by the
// offline NLU's number-words reader, so both language layers agree on what a number word means.
import { readWordNumber } from "../agent/offline/nlu/slots/number-words.js";
import type { Token } from "../agent/offline/nlu/text/lexer.js";
import { normalizeText } from "../agent/offline/nlu/text/normalize.js";
import { prepare } from "../agent/offline/nlu/text/prepare.js";
import { shortFormsOf } from "../agent/offline/nlu/text/sms.js";
import { minorUnitDigits } from "../domain/money.js";
import type { FoundAmount, FoundPercent } from "./extract.js";

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  euro: "EUR",
  euros: "EUR",
  "€": "EUR",
  dollar: "USD",
  dollars: "USD",
  bucks: "USD",
  $: "USD",
  pound: "GBP",
  pounds: "GBP",
  quid: "GBP",
  "£": "GBP",
};
const MINOR_WORDS = new Set(["centime", "centimes", "cent", "cents", "pence", "penny"]);
const PERCENT_PHRASES = [
  ["pour", "cent"],
  ["pour", "cents"],
  ["pourcent"],
  ["percent"],
  ["per", "cent"],
  ["%"],
];

/** Fractions said instead of a percentage, with what must follow (or not) to make them one. */
// biome-ignore format: a table reads better in rows
const FRACTIONS: ReadonlyArray<{ words: readonly string[]; bps: number; before?: readonly string[] }> = [
  { words: ["trois", "quarts"], bps: 7500 }, { words: ["three", "quarters"], bps: 7500 },
  { words: ["deux", "tiers"], bps: 6667 }, { words: ["two", "thirds"], bps: 6667 },
  { words: ["moitie"], bps: 5000 }, { words: ["half"], bps: 5000 },
  { words: ["tiers"], bps: 3333, before: ["un", "le", "du", "au"] },
  { words: ["third"], bps: 3333, before: ["a", "one"] },
  { words: ["quart"], bps: 2500, before: ["un", "le", "du", "au"] },
  { words: ["quarter"], bps: 2500, before: ["a", "one"] },
];
/** What turns a fraction into time or a person: "half past", "a quarter of an hour", "un tiers" (a third party). */
const NOT_A_SHARE_AFTER = new Set([
  "past",
  "an",
  "hour",
  "hours",
  "heure",
  "heures",
  "to",
  "d",
  "time",
  "term",
  "year",
  "party",
  "parties",
  "payeur",
  "personne",
  "saisi",
  "temps",
  "day",
  "days",
  "journee",
]);
/** "the first half of the month", "la moitié du mois": a time, not a share. */
const NOT_A_SHARE_BEFORE = new Set(["first", "second", "premiere", "seconde", "deuxieme", "other"]);
const TIME_NOUNS = new Set([
  "month",
  "months",
  "year",
  "week",
  "day",
  "mois",
  "annee",
  "semaine",
  "jour",
  "journee",
  "hour",
  "heure",
]);

/** "Un tiers" alone is a third party in French: it is a share only when "de/du/des/of" follows. */
const SHARE_OF = new Set(["de", "du", "des", "of", "off", "d"]);

const word = (tokens: readonly Token[], i: number) => tokens[i]?.text;

// Loops rather than every/find with closures: this runs for each word of every reply the guard
// checks, and a closure per word and per phrase was a seventh of the service's garbage under load.
function phraseAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.text !== words[k]) return false;
  return true;
}

function firstPhraseAt<T>(
  tokens: readonly Token[],
  i: number,
  candidates: readonly T[],
  words: (c: T) => readonly string[],
): T | undefined {
  for (const c of candidates) if (phraseAt(tokens, i, words(c))) return c;
  return undefined;
}

/** Fractions by their first word: most words start none. */
const FRACTIONS_BY_FIRST = new Map<string, (typeof FRACTIONS)[number][]>();
for (const f of FRACTIONS) {
  const first = f.words[0] as string;
  FRACTIONS_BY_FIRST.set(first, [...(FRACTIONS_BY_FIRST.get(first) ?? []), f]);
}
const PERCENT_FIRST = new Set(PERCENT_PHRASES.map((p) => p[0] as string));
const phraseWords = (p: readonly string[]) => p;
const fractionWords = (f: (typeof FRACTIONS)[number]) => f.words;

function spanText(text: string, tokens: readonly Token[], start: number, end: number): string {
  const a = tokens[start] as Token;
  const b = tokens[end - 1] as Token;
  return text.slice(a.start, b.end);
}

export interface WordFigures {
  readonly amounts: FoundAmount[];
  readonly percents: (FoundPercent & { readonly approximate: boolean })[];
}

// A figure in words needs a currency or percent word right after a number word (whose last letter
// is a-z, words being split from digits and symbols), or a fraction word. A text with neither, most of
// the replies the guard reads, cannot hold one: it is not lexed. The test is generous (a currency
// word after any letter, "cent" anywhere, and the SMS short forms of all these words) so that it
// never skips a text the full reading would flag; extract-words.test.ts holds it to that.
const wordsOf = (list: Iterable<string>) =>
  [...new Set([...list].flatMap((w) => [w, ...shortFormsOf(w)]))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
const UNIT_WORDS = wordsOf([
  ...Object.keys(CURRENCY_WORDS).filter((w) => /^[a-z]+$/.test(w)),
  "livre",
  "livres",
]);
const PERCENT_WORDS = wordsOf(
  PERCENT_PHRASES.flat().filter((w) => /^[a-z]+$/.test(w) && w !== "pour" && w !== "per"),
);
const FRACTION_WORDS = wordsOf(FRACTIONS.flatMap((f) => f.words));
const MAY_HOLD_WORD_FIGURES = new RegExp(
  `[a-z][^a-z0-9]*(?:[€$£%]|\\b(?:${UNIT_WORDS})\\b)|\\b(?:${PERCENT_WORDS}|${FRACTION_WORDS})\\b`,
);

/** Whether the text may hold a figure in words: false means readWordFigures would find none. */
export function mayHoldWordFigures(input: string): boolean {
  return MAY_HOLD_WORD_FIGURES.test(normalizeText(input));
}

/** Amounts and percentages written in words (digits are read by extract.ts). */
export function findWordFigures(input: string): WordFigures {
  return mayHoldWordFigures(input) ? readWordFigures(input) : { amounts: [], percents: [] };
}

/** findWordFigures without the quick test: every text lexed and read. */
export function readWordFigures(input: string): WordFigures {
  const { text, tokens } = prepare(input);
  const amounts: FoundAmount[] = [];
  const percents: (FoundPercent & { approximate: boolean })[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind !== "word") {
      i++;
      continue;
    }
    const n = readWordNumber(tokens, i);
    if (n) {
      let end = n.end;
      const unit = word(tokens, end);
      // "livre" alone is a book in French: only "livre(s) sterling" is money.
      const sterling = (unit === "livre" || unit === "livres") && word(tokens, end + 1) === "sterling";
      const currency = sterling ? "GBP" : unit ? CURRENCY_WORDS[unit] : undefined;
      const pct = PERCENT_FIRST.has(unit ?? "")
        ? firstPhraseAt(tokens, end, PERCENT_PHRASES, phraseWords)
        : undefined;
      if (currency) {
        end++;
        if (currency === "GBP" && word(tokens, end) === "sterling") end++;
        const digits = minorUnitDigits(currency);
        let minor = n.value * 10 ** digits;
        // "ten euros and fifty cents", "dix euros et cinquante centimes".
        const joiner = word(tokens, end);
        if (joiner === "and" || joiner === "et") {
          const cents = readWordNumber(tokens, end + 1);
          if (cents && MINOR_WORDS.has(word(tokens, cents.end) ?? "") && cents.value < 10 ** digits) {
            minor += cents.value;
            end = cents.end + 1;
          }
        }
        amounts.push({ match: spanText(text, tokens, i, end), currency, minor });
      } else if (pct) {
        end += pct.length;
        percents.push({ match: spanText(text, tokens, i, end), bps: n.value * 100, approximate: false });
      }
      i = Math.max(end, i + 1);
      continue;
    }
    const fractions = FRACTIONS_BY_FIRST.get(t.text);
    const f = fractions && firstPhraseAt(tokens, i, fractions, fractionWords);
    if (f) {
      const end = i + f.words.length;
      const prev = word(tokens, i - 1) ?? "";
      const next = word(tokens, end) ?? "";
      const ahead = [1, 2, 3].map((k) => word(tokens, end + k) ?? "");
      const share =
        (!f.before || f.before.includes(prev)) &&
        !NOT_A_SHARE_AFTER.has(next) &&
        !NOT_A_SHARE_BEFORE.has(prev) &&
        !(SHARE_OF.has(next) && ahead.some((w) => TIME_NOUNS.has(w))) &&
        // "un tiers", "a third", "un quart" alone name a person or a time more often than a share.
        (!f.before || SHARE_OF.has(next));
      if (share)
        percents.push({
          match: spanText(text, tokens, f.before ? i - 1 : i, end),
          bps: f.bps,
          approximate: true,
        });
      i = end;
      continue;
    }
    i++;
  }
  return { amounts, percents };
}
