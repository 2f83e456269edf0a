// Finds the figures in a message: amounts with a currency, percentages, and calendar dates.
// Written for the number formats a French or English message uses: "1 234,56 €", "€1,234.56",
// "1234.56 EUR", "300 euros", "12,5 %", "15/03/2025", "15 mars 2025", "March 15th, 2025".
import type { Locale } from "../domain/case-facts.js";
import { minorUnitDigits } from "../domain/money.js";
import { EN_MONTHS, EN_SHORT_MONTHS, FR_MONTHS } from "../domain/month-names.js";
import { isIsoDate } from "./dates.js";

export interface FoundAmount {
  readonly match: string;
  readonly currency: string;
  readonly minor: number;
}

export interface FoundPercent {
  readonly match: string;
  /** Basis points (12,5 % = 1250). */
  readonly bps: number;
  /** A fraction said in words ("a third" = 3333): matches a percentage within one point. */
  readonly approximate?: boolean;
}

export interface FoundDate {
  readonly match: string;
  /** Every reading of the text as a date: "03/04/2025" is 3 April or, in US English, 4 March. */
  readonly readings: readonly { readonly year?: number; readonly month: number; readonly day: number }[];
}

const SEP = "[ \\u00a0\\u202f.,'’]";
const NUM = `\\d{1,3}(?:${SEP}\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,3})?`;
const PREFIX = "US\\$|€|\\$|£|\\b(?:EUR|USD|GBP)\\b";
const SUFFIX = "€|\\$|£|(?:EUR|USD|GBP|euros?|dollars?|pounds?(?: sterling)?|livres?(?: sterling)?)\\b";
const AMOUNT = new RegExp(
  `(?:(${PREFIX})[ \\u00a0\\u202f]?(${NUM}))|(?:(?<![\\d.,])(${NUM})[ \\u00a0\\u202f]?(${SUFFIX}))`,
  "giu",
);
const PERCENT = new RegExp(
  `(?<![\\d.,])(${NUM})[ \\u00a0\\u202f]?(%|pour ?cents?\\b|per ?cent\\b|percent\\b)`,
  "giu",
);

function currencyOf(symbol: string): string {
  const s = symbol.toLowerCase();
  if (s === "€" || s === "eur" || s.startsWith("euro")) return "EUR";
  if (s === "$" || s === "us$" || s === "usd" || s.startsWith("dollar")) return "USD";
  return "GBP";
}

/**
 * Reads a number in minor units. A separator followed by one or two digits (or, in a number with
 * both "." and ",", the last separator) is the decimal mark; any other separator groups thousands.
 */
export function parseNumber(raw: string, decimals: number): number | undefined {
  const compact = raw.replace(/[ \u00a0\u202f'’]/g, "");
  const lastSep = Math.max(compact.lastIndexOf("."), compact.lastIndexOf(","));
  let intPart = compact;
  let frac = "";
  if (lastSep >= 0) {
    const after = compact.slice(lastSep + 1);
    const sepChar = compact[lastSep] as string;
    const mixed = compact.includes(".") && compact.includes(",");
    const single = compact.split(sepChar).length === 2;
    if ((mixed || single) && after.length <= 2) {
      intPart = compact.slice(0, lastSep);
      frac = after;
    }
  }
  intPart = intPart.replace(/[.,]/g, "");
  if (!/^\d+$/.test(intPart) || frac.length > decimals) return undefined;
  const value = Number(intPart) * 10 ** decimals + Number(frac.padEnd(decimals, "0") || "0");
  return Number.isSafeInteger(value) ? value : undefined;
}

export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const symbol = (m[1] ?? m[4]) as string;
    const raw = (m[2] ?? m[3]) as string;
    const currency = currencyOf(symbol);
    const minor = parseNumber(raw, minorUnitDigits(currency));
    // An unreadable figure is still a figure: report it with an impossible value so it is flagged.
    out.push({ match: m[0].trim(), currency, minor: minor ?? -1 });
  }
  return out;
}

export function findPercents(text: string): FoundPercent[] {
  return [...text.matchAll(PERCENT)].map((m) => ({
    match: m[0].trim(),
    bps: parseNumber(m[1] as string, 2) ?? -1,
  }));
}

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/\.$/, "");
  const i = [FR_MONTHS, EN_MONTHS, EN_SHORT_MONTHS].map((list) => list.indexOf(w)).find((x) => x >= 0);
  if (i !== undefined) return i + 1;
  return w === "sept" ? 9 : undefined;
}

const MONTH_WORD = `(?:${[...FR_MONTHS, "février", "août", "décembre", ...EN_MONTHS, ...EN_SHORT_MONTHS, "sept"].join("|")})\\.?`;
const YEAR = "(\\d{4})";
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g;
const DAY_MONTH = new RegExp(
  `\\b(1er|\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_WORD})(?:,?\\s+${YEAR})?(?![\\p{L}])`,
  "giu",
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}])(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR})?`,
  "giu",
);

function valid(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const y = year ?? 2000; // a leap year, so "29 February" without a year stays possible
  return isIsoDate(
    `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}

export function findDates(text: string, locale: Locale): FoundDate[] {
  const out: (FoundDate & { start: number })[] = [];
  const taken: [number, number][] = [];
  // Patterns run from the most specific; a span already read as a date is not read again.
  const add = (m: RegExpMatchArray, readings: FoundDate["readings"]) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([s, e]) => start < e && s < end)) return;
    taken.push([start, end]);
    out.push({ start, match: m[0].trim(), readings: readings.filter((r) => valid(r.year, r.month, r.day)) });
  };
  for (const m of text.matchAll(ISO))
    add(m, [{ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }]);
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    // Day first in French and British English; month first also accepted in English (US cases).
    add(
      m,
      locale === "fr"
        ? [{ year: y, month: b, day: a }]
        : [
            { year: y, month: b, day: a },
            { year: y, month: a, day: b },
          ],
    );
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const day = m[1]?.toLowerCase() === "1er" ? 1 : Number(m[1]);
    const month = monthIndex(m[2] as string);
    if (month) add(m, [{ ...(m[3] ? { year: Number(m[3]) } : {}), month, day }]);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = monthIndex(m[1] as string);
    if (month) add(m, [{ ...(m[3] ? { year: Number(m[3]) } : {}), month, day: Number(m[2]) }]);
  }
  return out.sort((a, b) => a.start - b.start).map(({ match, readings }) => ({ match, readings }));
}
