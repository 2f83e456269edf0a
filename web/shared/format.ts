// Money, dates and lists for people, per locale, shared by every web page. Money arrives as an
// integer of minor units plus an ISO-4217 code (the public contract); it is never a float here
// except at the last step, where Intl divides for display.

export type Locale = "fr" | "en";

export const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function formatMoney(amount: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency }).format(
    amount / 10 ** minorDigits(currency),
  );
}

/**
 * A calendar date "YYYY-MM-DD" as "15 décembre 2026" / "15 December 2026" (no time zone shift). French
 * writes the first of a month as an ordinal, "1er mars 2027", where Intl writes "1 mars 2027" (the
 * server's words do the same: server/domain/calendar-text.ts).
 */
export function formatDay(iso: string, locale: Locale, style: "long" | "medium" = "long"): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: style, timeZone: "UTC" }).format(
    date,
  );
  return locale === "fr" ? text.replace(/^1(?=[\s\u00a0\u202f])/u, "1er") : text;
}

/** The calendar day of an instant in a time zone ("YYYY-MM-DD"). */
export function dayIn(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  return parts;
}

export function formatTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "short" }).format(date);
}

export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: "long", type: "conjunction" }).format(items);
}
