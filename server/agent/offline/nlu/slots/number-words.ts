// Numbers written in words, French and English: "trois cents", "deux mille cinq cents",
// "quatre-vingt-dix-neuf", "soixante et onze", "two hundred and fifty", "a thousand",
// "five grand". Reads the longest well-formed number starting at a token.

import type { Token } from "../text/lexer.js";
import { wordTable } from "../text/word-table.js";

type Lang = "fr" | "en";

// biome-ignore format: a table reads better in rows
const SMALL_FR = wordTable<number>({
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  septante: 70, huitante: 80, octante: 80, nonante: 90,
});
// biome-ignore format: a table reads better in rows
const SMALL_EN = wordTable<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const HUNDRED: Readonly<Record<Lang, ReadonlySet<string>>> = {
  fr: new Set(["cent", "cents"]),
  en: new Set(["hundred", "hundreds"]),
};
const THOUSAND: Readonly<Record<Lang, ReadonlySet<string>>> = {
  fr: new Set(["mille", "mil", "milles"]),
  en: new Set(["thousand", "thousands", "grand", "k"]),
};
const MILLION = new Set(["million", "millions"]);
const CONNECTOR: Readonly<Record<Lang, string>> = { fr: "et", en: "and" };

export interface WordNumber {
  value: number;
  /** Token index range [start, end). */
  start: number;
  end: number;
  lang: Lang;
}

function small(lang: Lang, w: string): number | undefined {
  return lang === "fr" ? SMALL_FR[w] : SMALL_EN[w];
}

function isNumberWord(lang: Lang, w: string | undefined): boolean {
  if (w === undefined) return false;
  return small(lang, w) !== undefined || HUNDRED[lang].has(w) || THOUSAND[lang].has(w) || MILLION.has(w);
}

/** Can `v` be appended to `current` ("vingt" + "trois", "soixante" + "dix", not "deux" + "trois")? */
function addable(lang: Lang, current: number, v: number): boolean {
  const rest = current % 100;
  if (v >= 1 && v <= 9) return current % 10 === 0 && !(lang === "en" && rest === 10);
  if (v >= 10 && v <= 19) return rest === 0 || (lang === "fr" && (rest === 60 || rest === 80));
  if (v >= 20) return rest === 0;
  return false;
}

function readIn(lang: Lang, tokens: readonly Token[], i: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  while (j < tokens.length) {
    const t = tokens[j] as Token;
    if (t.kind !== "word") break;
    const w = t.text;
    const next = tokens[j + 1]?.text;
    // "a hundred", "a thousand", "a grand".
    if (
      lang === "en" &&
      !any &&
      w === "a" &&
      next !== undefined &&
      (HUNDRED.en.has(next) || THOUSAND.en.has(next))
    ) {
      current = 1;
      any = true;
      j++;
      continue;
    }
    // "vingt et un", "soixante et onze", "two hundred and fifty".
    if (any && w === CONNECTOR[lang] && isNumberWord(lang, next)) {
      const nv = small(lang, next as string);
      const okFr = lang === "fr" && (next === "un" || next === "une" || next === "onze");
      const okEn = lang === "en" && nv !== undefined && nv < 100 && (current % 100 === 0 || total > 0);
      if (!okFr && !okEn) break;
      j++;
      continue;
    }
    const v = small(lang, w);
    if (v !== undefined) {
      if (lang === "fr" && (w === "vingt" || w === "vingts") && current % 100 === 4) current += 76;
      else if (!any) current = v;
      else if (addable(lang, current, v)) current += v;
      else break;
    } else if (HUNDRED[lang].has(w)) {
      if (current % 100 !== current) break;
      current = (current || 1) * 100;
    } else if (THOUSAND[lang].has(w)) {
      // "k" and "grand" multiply a number before them; alone they are letters or an adjective.
      if (!any && (w === "k" || w === "grand")) break;
      total += (current || 1) * 1000;
      current = 0;
    } else if (MILLION.has(w)) {
      total += (current || 1) * 1_000_000;
      current = 0;
    } else break;
    any = true;
    j++;
  }
  if (!any) return null;
  return { value: total + current, start: i, end: j, lang };
}

/** Every word on which readIn's first step goes on, in either language: the number words and "a" ("a hundred"). */
const STARTS: ReadonlySet<string> = new Set([
  "a",
  ...Object.keys(SMALL_FR),
  ...Object.keys(SMALL_EN),
  ...HUNDRED.fr,
  ...HUNDRED.en,
  ...THOUSAND.fr,
  ...THOUSAND.en,
  ...MILLION,
]);

/** The number written in words starting at token i, if any (French tried first). */
export function readWordNumber(tokens: readonly Token[], i: number): WordNumber | null {
  // Most words start no number: readIn's first step would stop at once in both languages. The
  // guard reads every word of every reply, so that answer is given here without the two passes.
  const t = tokens[i];
  if (t === undefined || t.kind !== "word" || !STARTS.has(t.text)) return null;
  const fr = readIn("fr", tokens, i);
  const en = readIn("en", tokens, i);
  if (fr && en) return fr.end >= en.end ? fr : en;
  return fr ?? en;
}

/** Multiplier words that may follow digits: "5 mille", "2 thousand", "3 grand", "1,5 million". */
export function multiplierAfterDigits(word: string | undefined): number {
  if (word === undefined) return 1;
  if (THOUSAND.fr.has(word) || THOUSAND.en.has(word)) return 1000;
  if (MILLION.has(word)) return 1_000_000;
  return 1;
}

// biome-ignore format: a table reads better in rows
const ORDINALS = wordTable<number>({
  premier: 1, premiere: 1, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
  eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14,
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  thirtieth: 30,
});

/** Day of month written as an ordinal word ("first", "twenty fifth", "premier"). */
export function readOrdinalDay(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const w = tokens[i]?.text;
  if (w === undefined) return null;
  const direct = ORDINALS[w];
  if (direct !== undefined) return { day: direct, end: i + 1 };
  const tens = w === "twenty" ? 20 : w === "thirty" ? 30 : 0;
  const unit = ORDINALS[tokens[i + 1]?.text ?? ""];
  if (tens && unit !== undefined && unit < 10 && tens + unit <= 31) return { day: tens + unit, end: i + 2 };
  return null;
}
