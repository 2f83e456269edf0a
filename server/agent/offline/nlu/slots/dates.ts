// Dates, French and English, resolved against `today`: "le 15", "15/12", "15 décembre",
// "Dec 15th", "2026-12-15", "demain", "fin du mois", "vendredi prochain", "next Friday",
// "dans deux semaines", "in 10 days". Each reader looks at one position and returns the
// date and where it ends; the first reader that matches wins.

import type { Token } from "../text/lexer.js";
import {
  addDays,
  addMonths,
  endOfMonth,
  isValid,
  MONTHS,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
  parseIso,
  prevDayOfMonth,
  prevMonthDay,
  prevWeekday,
  toIso,
  WEEKDAYS,
  type Ymd,
} from "./calendar.js";
import { readOrdinalDay, readWordNumber } from "./number-words.js";
import { intAt, matchPhrase, phraseAt, phraseBefore, wordAt } from "./words.js";

export interface DateContext {
  today: Ymd;
  /** Month before day in "12/15" when the day cannot tell (US cases). */
  monthFirst: boolean;
  /** The message reports something done ("paid on the 3rd"): dates without a year lie behind. */
  past: boolean;
}

const dayOfMonthFrom = (c: DateContext, day: number) =>
  (c.past ? prevDayOfMonth : nextDayOfMonth)(c.today, day);
const monthDayFrom = (c: DateContext, m: number, d: number) =>
  (c.past ? prevMonthDay : nextMonthDay)(c.today, m, d);

interface Found {
  date: Ymd;
  end: number;
}

type Reader = (t: readonly Token[], i: number, c: DateContext) => Found | null;

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
function dayAt(t: readonly Token[], i: number): { day: number; end: number; marked: boolean } | null {
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
const iso: Reader = (t, i) => {
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
const numeric: Reader = (t, i, c) => {
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
const named: Reader = (t, i, c) => {
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
const partOfNamedMonth: Reader = (t, i, c) => {
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

/** "le 15", "le 15 du mois prochain", "the 15th", "on the 1st", "by the 20th", "au 30". */
const dayOfMonth: Reader = (t, i, c) => {
  const w = wordAt(t, i);
  const lead =
    w === "le" || w === "au" || w === "the" || w === "on" || w === "by" || w === "until" || w === "before";
  const k = lead && wordAt(t, i + 1) === "the" ? i + 2 : lead ? i + 1 : i;
  const precise = named(t, k, c) ?? numeric(t, k, c);
  if (precise) return precise;
  const day = dayAt(t, k);
  if (!day) return null;
  const word = t[k]?.kind === "word";
  // A bare number needs "le"/"the" in front or an ordinal mark ("15th", "1er").
  if (!lead && !day.marked) return null;
  if (word && !day.marked && w !== "le" && w !== "au") return null;
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
function tokenAfterIsNoun(t: readonly Token[], i: number): boolean {
  return NOT_DATE_AFTER.has(t[i]?.text ?? "");
}

// biome-ignore format: a table reads better in rows
const RELATIVE: ReadonlyArray<readonly [string, (d: Ymd) => Ymd]> = [
  ["apres demain", (d) => addDays(d, 2)], ["day after tomorrow", (d) => addDays(d, 2)],
  ["avant hier", (d) => addDays(d, -2)], ["day before yesterday", (d) => addDays(d, -2)],
  ["aujourdhui", (d) => d], ["today", (d) => d], ["ce soir", (d) => d], ["tonight", (d) => d],
  ["demain", (d) => addDays(d, 1)], ["tomorrow", (d) => addDays(d, 1)],
  ["hier", (d) => addDays(d, -1)], ["yesterday", (d) => addDays(d, -1)],
  ["fin du mois prochain", (d) => endOfMonth(addMonths(d, 1))], ["fin de mois prochain", (d) => endOfMonth(addMonths(d, 1))],
  ["end of next month", (d) => endOfMonth(addMonths(d, 1))],
  ["fin du mois", (d) => endOfMonth(d)], ["fin de mois", (d) => endOfMonth(d)], ["fin de ce mois", (d) => endOfMonth(d)],
  ["end of the month", (d) => endOfMonth(d)], ["end of this month", (d) => endOfMonth(d)],
  ["end of month", (d) => endOfMonth(d)], ["month end", (d) => endOfMonth(d)],
  ["debut du mois prochain", (d) => ({ ...addMonths(d, 1), d: 1 })], ["debut de mois prochain", (d) => ({ ...addMonths(d, 1), d: 1 })],
  ["beginning of next month", (d) => ({ ...addMonths(d, 1), d: 1 })], ["start of next month", (d) => ({ ...addMonths(d, 1), d: 1 })],
  ["early next month", (d) => ({ ...addMonths(d, 1), d: 1 })],
  ["le mois prochain", (d) => ({ ...addMonths(d, 1), d: 1 })], ["au mois prochain", (d) => ({ ...addMonths(d, 1), d: 1 })],
  ["next month", (d) => ({ ...addMonths(d, 1), d: 1 })],
  ["la semaine prochaine", (d) => addDays(d, 7)], ["next week", (d) => addDays(d, 7)],
  ["fin de la semaine", (d) => nextWeekday(d, 5)], ["fin de semaine", (d) => nextWeekday(d, 5)],
  ["end of the week", (d) => nextWeekday(d, 5)], ["end of this week", (d) => nextWeekday(d, 5)],
  ["this weekend", (d) => nextWeekday(d, 6)], ["ce week end", (d) => nextWeekday(d, 6)],
  ["sous huitaine", (d) => addDays(d, 8)], ["sous quinzaine", (d) => addDays(d, 15)],
];

const relative: Reader = (t, i, c) => {
  const first = t[i]?.text;
  for (const [phrase, f] of RELATIVE) {
    if (!phrase.startsWith(first ?? "\u0000") || !phraseAt(t, i, phrase)) continue;
    return { date: f(c.today), end: i + phrase.split(" ").length };
  }
  return null;
};

/** "vendredi (prochain)", "next Friday", "this Monday", "lundi 15" (the 15 wins). */
const weekdayReader: Reader = (t, i, c) => {
  const lead =
    wordAt(t, i) === "next" || wordAt(t, i) === "this" || wordAt(t, i) === "ce" || wordAt(t, i) === "on";
  const k = lead ? i + 1 : i;
  const dow = WEEKDAYS[wordAt(t, k) ?? ""];
  if (dow === undefined) return null;
  // "lundi 15 décembre", "Monday the 15th", "vendredi 4": the date itself is more precise.
  const precise = named(t, k + 1, c) ?? dayOfMonth(t, k + 1, c);
  if (precise) return precise;
  const day = t[k + 1]?.kind === "num" ? dayAt(t, k + 1) : null;
  if (day && !tokenAfterIsNoun(t, day.end)) {
    const date = dayOfMonthFrom(c, day.day);
    if (date) return { date, end: day.end };
  }
  const end = ["prochain", "prochaine", "qui vient"].includes(wordAt(t, k + 1) ?? "") ? k + 2 : k + 1;
  return { date: (c.past ? prevWeekday : nextWeekday)(c.today, dow), end };
};

const UNITS: ReadonlyArray<readonly [readonly string[], (d: Ymd, n: number) => Ymd]> = [
  [["jour", "jours", "day", "days", "j"], (d, n) => addDays(d, n)],
  [["semaine", "semaines", "week", "weeks", "sem"], (d, n) => addDays(d, 7 * n)],
  [["mois", "month", "months"], (d, n) => addMonths(d, n)],
];

/** "dans 2 semaines", "in two weeks", "d'ici 10 jours", "within 7 days", "dans un mois", "in 3 months time". */
const inDuration: Reader = (t, i, c) => {
  const lead = matchPhrase(t, i, DURATION_LEADS);
  const at = lead ? lead.end : i;
  let n: number | undefined;
  let k = at;
  if (wordAt(t, k) === "a" || wordAt(t, k) === "an") {
    n = 1;
    k++;
  } else if (intAt(t, k) !== undefined) {
    n = intAt(t, k);
    k++;
  } else {
    const w = readWordNumber(t, k);
    if (w) {
      n = w.value;
      k = w.end;
    }
  }
  if (n === undefined || n < 0 || n > 366) return null;
  const unit = UNITS.find(([words]) => words.includes(wordAt(t, k) ?? ""));
  if (!unit) return null;
  const isMonth = unit[0].includes("mois");
  const tail = matchPhrase(t, k + 1, DURATION_TAILS);
  // Without "dans"/"in": only "two weeks from now", "10 days time". "in 6 months" is a plan length.
  if (!lead && !tail) return null;
  if (lead && isMonth && lead.phrase === "in" && n > 1 && !tail) return null;
  return { date: unit[1](c.today, n), end: tail ? tail.end : k + 1 };
};

const DURATION_LEADS = ["dans", "d ici", "in", "within", "sous", "d ici a"];
const DURATION_TAILS = ["time", "from now", "from today", "d ici", "plus tard", "later"];
const PAST_LEADS = ["il y a", "depuis"];

/** Words a date can begin with; anything else skips the readers (they are many). */
const DATE_STARTS: ReadonlySet<string> = new Set([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...RELATIVE.map(([p]) => p.split(
  ...(
    "  le au the on by until before next this ce fin debut mi end beginning start mid a an premier " +
    "premiere first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth " +
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty " +
    "thirtieth thirty un une deux trois quatre cinq six sept huit neuf dix onze douze treize " +
    "quatorze quinze seize vingt trente one two three four five seven eight nine ten eleven twelve " +
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
  ).split(" "),
]);
function mayStartDate(t: Token): boolean {
  return t.kind === "num" || DATE_STARTS.has(t.text);
}

const READERS: readonly Reader[] = [
  iso,
  numeric,
  weekdayReader,
  named,
  partOfNamedMonth,
  relative,
  inDuration,
  dayOfMonth,
];

/** Dates in text order; `consumed` receives the token indices they used. */
export function readDates(
  tokens: readonly Token[],
  today: string,
  options: { monthFirst: boolean; past: boolean },
  consumed: Set<number>,
): string[] {
  const c: DateContext = { today: parseIso(today), ...options };
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    // "il y a 3 jours" is a past duration, not a date; "dans 3 mois" keeps its meaning.
    if (!mayStartDate(tokens[i] as Token) || phraseBefore(tokens, i, PAST_LEADS)) continue;
    for (const read of READERS) {
      const found = read(tokens, i, c);
      if (!found || found.end <= i) continue;
      out.push(toIso(found.date));
      for (let k = i; k < found.end; k++) consumed.add(k);
      i = found.end - 1;
      break;
    }
  }
  return out;
}
