// Dates, French and English, resolved against `today`: "le 15", "15/12", "15 décembre",
// "Dec 15th", "2026-12-15", "demain", "fin du mois", "vendredi prochain", "next Friday",
// "dans deux semaines", "in 10 days". The first reader that matches at a position wins.

import type { Token } from "../text/lexer.js";
import {
  addDays,
  addMonths,
  endOfMonth,
  MONTHS,
  nextWeekday,
  parseIso,
  prevWeekday,
  toIso,
  WEEKDAYS,
  type Ymd,
} from "./calendar.js";
import {
  type DateContext,
  dayAt,
  dayOfMonth,
  dayOfMonthFrom,
  iso,
  MONTH_LEADS,
  named,
  numeric,
  partOfNamedMonth,
  type Reader,
  tokenAfterIsNoun,
  wholeNamedMonth,
  wholeYear,
} from "./date-readers.js";
import { readWordNumber } from "./number-words.js";
import { intAt, matchPhrase, phraseAt, phraseBefore, wordAt } from "./words.js";

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
  ["l annee prochaine", (d) => ({ y: d.y + 1, m: 1, d: 1 })], ["annee prochaine", (d) => ({ y: d.y + 1, m: 1, d: 1 })],
  ["l an prochain", (d) => ({ y: d.y + 1, m: 1, d: 1 })], ["next year", (d) => ({ y: d.y + 1, m: 1, d: 1 })],
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
  ...RELATIVE.map(([p]) => p.split(" ")[0] as string),
  ...DURATION_LEADS.map((p) => p.split(" ")[0] as string),
  ...MONTH_LEADS.map((p) => p.split(" ")[0] as string),
  ...(
    "le au du from the on by until before next this ce fin debut mi end beginning start mid a an premier " +
    "en courant during " +
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
  wholeNamedMonth,
  wholeYear,
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
