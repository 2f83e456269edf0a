// Date readers for dates written out: "2026-12-15", "15/12", "15 décembre", "Dec 15th",
// "fin décembre", "le 15", "the 1st of next month". Each reader looks at one position and
// returns the date and where it ends. Relative dates live in dates.ts.

import type { Token } from "../text/lexer.js";
import { CURRENCIES } from "./amount-words.js";
import {
  addMonths,
  endOfMonth,
  isValid,
  MONTHS,
  nextDayOfMonth,
  nextMonthDay,
  prevDayOfMonth,
  prevMonthDay,
  type Ymd,
} from "./calendar.js";
import { readOrdinalDay, readWordNumber } from "./number-words.js";
import { intAt, matchPhrase, wordAt } from "./words.js";

export interface DateContext {
  today: Ymd;
  /** Month before day in "12/15" when the day cannot tell (US cases). */
  monthFirst: boolean;
  /** The message reports something done ("paid on the 3rd"): dates without a year lie behind. */
  past: boolean;
}

export const dayOfMonthFrom = (c: DateContext, day: number) =>
  (c.past ? prevDayOfMonth : nextDayOfMonth)(c.today, day);
const monthDayFrom = (c: DateContext, m: number, d: number) =>
  (c.past ? prevMonthDay : nextMonthDay)(c.today, m, d);

export interface Found {
  date: Ymd;
  end: number;
}

export type Reader = (t: readonly Token[], i: number, c: DateContext) => Found | null;

const DAY_SUFFIXES = new Set(["er", "ere", "re", "e", "eme", "st", "nd", "rd", "th"]);
const NEXT_MONTH = [
  "du mois prochain",
  "of next month",
  "next month",
  "du mois suivant",
  "of the following month",
];
const THIS_MONTH = [
  "du mois",
  "of the month",
  "of this month",
  "de ce mois",
  "du mois en cours",
  "this month",
];

function year(v: number): number {
  return v < 100 ? 2000 + v : v;
}

/** A day of month at i: "15", "15th", "1er", "first", "quinze". */
export function dayAt(t: readonly Token[], i: number): { day: number; end: number; marked: boolean } | null {
  const tok = t[i];
  if (tok?.kind === "num" && !tok.frac) {
    if (tok.suffix && !DAY_SUFFIXES.has(tok.suffix)) return null;
    const v = Number(tok.int);
    return v >= 1 && v <= 31 ? { day: v, end: i + 1, marked: tok.suffix !== undefined } : null;
  }
  const ord = readOrdinalDay(t, i);
  if (ord) return { day: ord.day, end: ord.end, marked: true };
  const w = readWordNumber(t, i);
  return w && w.value >= 1 && w.value <= 31 && w.end > i ? { day: w.value, end: w.end, marked: false } : null;
}

function monthAt(t: readonly Token[], i: number): number | undefined {
  const w = wordAt(t, i);
  return w === undefined ? undefined : MONTHS[w];
}

function yearAt(t: readonly Token[], i: number): { y: number; end: number } | null {
  const k = t[i]?.text === "," ? i + 1 : i;
  const v = intAt(t, k);
  const tok = t[k];
  if (v === undefined || !tok || (tok.int?.length !== 4 && tok.int?.length !== 2)) return null;
  const y = year(v);
  return y >= 1900 && y <= 2200 ? { y, end: k + 1 } : null;
}

/** "2026-12-15". */
export const iso: Reader = (t, i) => {
  const y = intAt(t, i);
  if (y === undefined || t[i]?.int?.length !== 4 || t[i + 1]?.text !== "-" || t[i + 3]?.text !== "-")
    return null;
  const m = intAt(t, i + 2);
  const d = intAt(t, i + 4);
  if (m === undefined || d === undefined) return null;
  const date = { y, m, d };
  return isValid(date) ? { date, end: i + 5 } : null;
};

/** "15/12", "15/12/2026", "15-12-26", "15.12.2026", "12/15" for US cases. */
export const numeric: Reader = (t, i, c) => {
  const a = intAt(t, i);
  const sep = t[i + 1]?.text;
  const b = intAt(t, i + 2);
  if (a === undefined || b === undefined || (sep !== "/" && sep !== "-" && sep !== ".")) return null;
  let y: number | undefined;
  let end = i + 3;
  if (t[i + 3]?.text === sep && intAt(t, i + 4) !== undefined) {
    const len = t[i + 4]?.int?.length;
    if (len === 2 || len === 4) {
      y = year(intAt(t, i + 4) as number);
      end = i + 5;
    }
  }
  if (sep === "." && y === undefined) return null;
  const dayFirst = a > 12 || (b <= 12 && !c.monthFirst);
  const [d, m] = dayFirst ? [a, b] : [b, a];
  if (m < 1 || m > 12) return null;
  const date = y !== undefined ? { y, m, d } : monthDayFrom(c, m, d);
  return date && isValid(date) ? { date, end } : null;
};

/** "15 décembre (2026)", "le 1er janvier", "15th of December", "December 15th, 2026", "Dec the 15th". */
export const named: Reader = (t, i, c) => {
  const make = (d: number, m: number, after: number): Found | null => {
    const yr = yearAt(t, after);
    const date = yr ? { y: yr.y, m, d } : monthDayFrom(c, m, d);
    return date && isValid(date) ? { date, end: yr ? yr.end : after } : null;
  };
  const day = dayAt(t, i);
  if (day) {
    let k = day.end;
    if (wordAt(t, k) === "of" || wordAt(t, k) === "de") k++;
    const m = monthAt(t, k);
    if (m !== undefined) return make(day.day, m, k + 1);
  }
  const m = monthAt(t, i);
  if (m !== undefined) {
    const k = wordAt(t, i + 1) === "the" ? i + 2 : i + 1;
    const d = dayAt(t, k);
    if (d) return make(d.day, m, d.end);
  }
  return null;
};

/** "fin décembre", "début janvier", "mi-décembre". */
export const partOfNamedMonth: Reader = (t, i, c) => {
  const w = wordAt(t, i);
  const at =
    w === "fin" ||
    w === "debut" ||
    w === "mi" ||
    w === "end" ||
    w === "beginning" ||
    w === "start" ||
    w === "mid";
  if (!at) return null;
  let k = i + 1;
  if (["de", "d", "of"].includes(wordAt(t, k) ?? "")) k++;
  const m = monthAt(t, k);
  if (m === undefined) return null;
  const first = nextMonthDay(c.today, m, 1);
  if (!first) return null;
  const d = w === "fin" || w === "end" ? endOfMonth(first).d : w === "mi" || w === "mid" ? 15 : 1;
  const date = { ...first, d };
  return { date, end: k + 1 };
};

/**
 * What introduces a whole month: "en janvier", "au mois de mars", "courant février", "in January",
 * and a start: "à partir de janvier", "dès février", "à compter de mars", "from January".
 */
export const MONTH_LEADS = [
  "au mois de",
  "au mois d",
  "a partir du mois de",
  "a partir de",
  "a partir d",
  "a compter de",
  "a compter d",
  "des",
  "courant",
  "en",
  "in the month of",
  "in",
  "during",
  "from",
  "starting",
];

/**
 * "le reste en janvier", "in March", "au mois de mai 2027": a month named without a day. As "le
 * mois prochain" does, a month to come reads as its first day (the earliest date the words allow);
 * the month under way as its last ("en décembre" said on the 3rd is not the 1st, gone already); a
 * payment reported done ("payé en octobre") as the first of the last such month. The lead word is
 * required: "may" alone is a verb, "mars" a planet.
 */
export const wholeNamedMonth: Reader = (t, i, c) => {
  const lead = matchPhrase(t, i, MONTH_LEADS);
  if (!lead) return null;
  const m = monthAt(t, lead.end);
  if (m === undefined) return null;
  const year = yearAt(t, lead.end + 1);
  const end = year ? year.end : lead.end + 1;
  if (year) {
    const date = { y: year.y, m, d: 1 };
    const current = year.y === c.today.y && m === c.today.m;
    return { date: current && !c.past ? endOfMonth(date) : date, end };
  }
  if (m === c.today.m) return { date: c.past ? { ...c.today, d: 1 } : endOfMonth(c.today), end };
  const date = monthDayFrom(c, m, 1);
  return date ? { date, end } : null;
};

/** "à partir de l'an 2030", "in the year 2029": words between the lead and the year. */
const YEAR_WORDS = ["l an", "l annee", "the year"];

/**
 * "en 2030", "à partir de 2028", "in 2029": a year named alone (four digits, after a month lead).
 * As for a month: a year to come reads as its first day, the year under way as its last, a payment
 * reported done as the first day of that year. A month after the year is the named-month reader's.
 */
export const wholeYear: Reader = (t, i, c) => {
  const lead = matchPhrase(t, i, MONTH_LEADS);
  if (!lead) return null;
  const at = matchPhrase(t, lead.end, YEAR_WORDS)?.end ?? lead.end;
  if (t[at]?.int?.length !== 4) return null;
  const year = yearAt(t, at);
  // "en 2000 €" is money, and a month after the year is the named-month reader's.
  if (!year || monthAt(t, year.end) !== undefined || Object.hasOwn(CURRENCIES, t[year.end]?.text ?? ""))
    return null;
  if (year.y === c.today.y)
    return { date: c.past ? { y: year.y, m: 1, d: 1 } : { y: year.y, m: 12, d: 31 }, end: year.end };
  if (year.y < c.today.y && !c.past) return null;
  return { date: { y: year.y, m: 1, d: 1 }, end: year.end };
};

/** Words that introduce a day of month: "le 15", "au 30", "à partir du 15", "by the 20th". */
const DAY_LEADS = new Set(["le", "au", "du", "the", "on", "by", "until", "before", "from"]);
const FRENCH_LEADS = new Set(["le", "au", "du"]);

/** "le 15", "le 15 du mois prochain", "the 15th", "on the 1st", "by the 20th", "au 30", "à partir du 15". */
export const dayOfMonth: Reader = (t, i, c) => {
  const w = wordAt(t, i);
  const lead = w !== undefined && DAY_LEADS.has(w);
  const k = lead && wordAt(t, i + 1) === "the" ? i + 2 : lead ? i + 1 : i;
  const precise = named(t, k, c) ?? numeric(t, k, c);
  if (precise) return precise;
  const day = dayAt(t, k);
  if (!day) return null;
  const word = t[k]?.kind === "word";
  // A bare number needs "le"/"the" in front or an ordinal mark ("15th", "1er").
  if (!lead && !day.marked) return null;
  if (word && !day.marked && !FRENCH_LEADS.has(w ?? "")) return null;
  const after = matchPhrase(t, day.end, NEXT_MONTH);
  if (after) {
    const base = addMonths({ ...c.today, d: 1 }, 1);
    const date = { ...base, d: day.day };
    return isValid(date) ? { date, end: after.end } : null;
  }
  const thisMonth = matchPhrase(t, day.end, THIS_MONTH);
  // "le premier" alone is "the first one", not a date.
  if (
    word &&
    !thisMonth &&
    (tokenAfterIsNoun(t, day.end) || t[k]?.text === "premier" || t[k]?.text === "first")
  )
    return null;
  if (!word && tokenAfterIsNoun(t, day.end)) return null;
  const date = dayOfMonthFrom(c, day.day);
  return date ? { date, end: thisMonth ? thisMonth.end : day.end } : null;
};

/** Words after "le 15" that make it something else than a date ("le 15 mois", "the 3 invoices"). */
const NOT_DATE_AFTER: ReadonlySet<string> = new Set(
  (
    "mois jours jour ans fois euros euro eur dollars pounds % pour percent months days years times " +
    "invoices factures payments paiements mensualites semaines weeks heures hours minutes premiers " +
    "derniers k \u20ac $ \u00a3"
  ).split(" "),
);
export function tokenAfterIsNoun(t: readonly Token[], i: number): boolean {
  return NOT_DATE_AFTER.has(t[i]?.text ?? "");
}
