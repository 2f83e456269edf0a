// Calendar dates as people read them. French writes the first day of a month as an ordinal,
// "1er mars 2027", where Intl writes "1 mars 2027"; every other day is a plain number.
import { dateTimeFormat } from "./intl.js";

const FIRST_OF_MONTH = /(^|[^\d])1(?=[\s\u00a0\u202f]+\p{L})/u;

/** "1 mars 2027" → "1er mars 2027" in French text from Intl; other locales and days unchanged. */
export function frenchFirstOfMonth(text: string, intlLocale: string): string {
  return intlLocale.startsWith("fr") ? text.replace(FIRST_OF_MONTH, "$11er") : text;
}

/** A calendar date "YYYY-MM-DD" in words ("15 décembre 2026", "1er mars 2027", "1 March 2027"). */
export function longDateText(iso: string, intlLocale: string): string {
  const text = dateTimeFormat(intlLocale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
  return frenchFirstOfMonth(text, intlLocale);
}
