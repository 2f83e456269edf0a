// The spellings of one verification answer. A creditor stores "03/11/1979" and a debtor types
// "3 novembre 1979", "3/11/1979" or "c'est le 3/11/79": the same answer. Only the answer is read
// (greetings and "my postcode is" around it are dropped) and only ONE answer per message, written
// in its usual forms: listing several postcodes in a message does not try each of them.

import { EN_MONTHS, EN_SHORT_MONTHS, FR_MONTHS } from "./month-names.js";

/** Words around an answer that are not the answer: "bonjour, c'est 75011", "my postcode is SW1A 1AA". */
const FILLER = new Set(
  (
    "bonjour bonsoir salut hello hi hey oui yes ok okay alors euh ben bah voila voici merci thanks thank you please stp svp " +
    "c cest est ce ca it its is s my mon ma mes notre our the le la les l de du d of a au " +
    "code postal postcode post zip nom name surname famille family date naissance birth birthday born ne nee on " +
    "numero number facture invoice reference ref answer reponse je suis i am m"
  ).split(" "),
);

/** Lower case, accents off, punctuation to spaces: the words of a message. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    .split(/[^\p{L}\p{N}/.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ""))
    .filter(Boolean);
}

/** The same normalisation the stored answer went through (letters and digits only). */
export function compact(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function valid({ y, m, d }: Ymd): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 2999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A two-digit year is read as the most recent past one ("79" is 1979, "05" is 2005). */
function fullYear(y: string, thisYear: number): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return 2000 + n > thisYear ? 1900 + n : 2000 + n;
}

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, "");
  const fr = FR_MONTHS.indexOf(w);
  if (fr >= 0) return fr + 1;
  const en = EN_MONTHS.indexOf(w);
  if (en >= 0) return en + 1;
  const short = EN_SHORT_MONTHS.indexOf(w.slice(0, 3));
  return w.length >= 3 && short >= 0 && (EN_MONTHS[short] as string).startsWith(w) ? short + 1 : 0;
}

/**
 * The one full date in the answer, if any: "03/11/1979", "3-11-79", "1979-11-03", "3 novembre 1979",
 * "1er novembre 1979", "November 3rd, 1979", "3 Nov 1979". Numeric dates are day first, except in
 * the US (month first) unless the first number cannot be a month.
 */
export function readDate(
  text: string,
  monthFirst = false,
  thisYear = new Date().getUTCFullYear(),
): Ymd | null {
  const found: Ymd[] = [];
  const w = words(text);
  for (const token of w) {
    const iso = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(token);
    if (iso) found.push({ y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) });
    const num = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(token);
    if (num) {
      const [a, b] = [Number(num[1]), Number(num[2])];
      const y = fullYear(num[3] as string, thisYear);
      const mFirst = monthFirst ? a <= 12 : b > 12 && a <= 12;
      found.push(mFirst ? { y, m: a, d: b } : { y, m: b, d: a });
    }
  }
  for (let i = 0; i < w.length; i++) {
    const m = monthIndex(w[i] as string);
    if (!m) continue;
    const before = /^(\d{1,2})(er|st|nd|rd|th)?$/.exec(w[i - 1] ?? "") ?? /^(\d{1,2})$/.exec(w[i - 2] ?? "");
    const after = /^(\d{1,2})(st|nd|rd|th)?$/.exec(w[i + 1] ?? "");
    const yearAt = (j: number) => (/^\d{4}$/.test(w[j] ?? "") ? Number(w[j]) : null);
    if (before && w[i - 1] !== undefined) {
      const y = yearAt(i + 1);
      if (y) found.push({ y, m, d: Number(before[1]) });
    } else if (after) {
      const y = yearAt(i + 2);
      if (y) found.push({ y, m, d: Number(after[1]) });
    }
  }
  const dates = found.filter(valid);
  const distinct = new Set(dates.map((d) => `${d.y}-${d.m}-${d.d}`));
  return distinct.size === 1 ? (dates[0] as Ymd) : null;
}

/**
 * The usual spellings of a date, most common first (each is one scrypt check on a wrong answer, so
 * the list stays short). Numeric forms keep the stored answer's convention: day first, or month
 * first in the US.
 */
function dateForms({ y, m, d }: Ymd, monthFirst: boolean): string[] {
  const p = (n: number) => String(n).padStart(2, "0");
  const yy = String(y).slice(2);
  const numeric = monthFirst
    ? [`${p(m)}${p(d)}${y}`, `${m}${d}${y}`, `${p(m)}${p(d)}${yy}`]
    : [`${p(d)}${p(m)}${y}`, `${d}${m}${y}`, `${p(d)}${p(m)}${yy}`];
  const fr = FR_MONTHS[m - 1] as string;
  const en = EN_MONTHS[m - 1] as string;
  return [
    ...numeric,
    `${y}${p(m)}${p(d)}`,
    `${d}${fr}${y}`,
    ...(d === 1 ? [`1er${fr}${y}`] : []),
    `${d}${en}${y}`,
    `${en}${d}${y}`,
  ];
}

/**
 * The forms to compare with the stored answer, most likely first: the message as typed, the
 * answer without the words around it, and, when it holds one full date, that date's usual spellings.
 */
export function answerForms(
  answer: string,
  opts: { monthFirst?: boolean; thisYear?: number } = {},
): string[] {
  const all = words(answer);
  let start = 0;
  let end = all.length;
  while (start < end && FILLER.has(all[start] as string)) start++;
  while (end > start && FILLER.has(all[end - 1] as string)) end--;
  const core = all.slice(start, end).join(" ");
  const monthFirst = opts.monthFirst ?? false;
  const date = readDate(answer, monthFirst, opts.thisYear);
  const forms = [compact(answer), compact(core), ...(date ? dateForms(date, monthFirst) : [])];
  return [...new Set(forms.filter((f) => f.length > 0))];
}
