// How the offline engine writes amounts and dates for people, per locale. The output guard parses
// the same notations back, so these formats are part of its contract (see policy/text-check).

import { frenchFirstOfMonth } from "../../domain/calendar-text.js";
import type { Locale } from "../../domain/case-facts.js";
import { dateTimeFormat, listFormat } from "../../domain/intl.js";
import { formatMoney } from "../../domain/money.js";
import type { Instalment, OfferTerms } from "../../policy/index.js";

const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function money(amount: number, currency: string, locale: Locale): string {
  // Intl uses narrow no-break spaces in French; plain spaces read the same and copy cleanly.
  return formatMoney({ amount, currency }, INTL_LOCALE[locale]).replace(/[\u202f\u00a0]/g, " ");
}

// One formatter per locale, held here so that each date does not rebuild dateTimeFormat's options key.
const longDates: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

/** A calendar date "YYYY-MM-DD" as "15 décembre 2026", "1er mars 2027" / "15 December 2026". */
export function date(iso: string, locale: Locale): string {
  let format = longDates[locale];
  if (!format) {
    format = dateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" });
    longDates[locale] = format;
  }
  return frenchFirstOfMonth(format.format(new Date(`${iso}T12:00:00Z`)), INTL_LOCALE[locale]);
}

export function list(items: readonly string[], locale: Locale): string {
  return listFormat(INTL_LOCALE[locale], { style: "long", type: "conjunction" }).format(items);
}

export function scheduleText(instalments: readonly Instalment[], currency: string, locale: Locale): string {
  const parts = instalments.map(
    (i) => `${money(i.amount, currency, locale)} ${locale === "fr" ? "le" : "on"} ${date(i.dueDate, locale)}`,
  );
  return list(parts, locale);
}

export function offerDate(offer: OfferTerms): string {
  return offer.instalments[0]?.dueDate ?? offer.expiresAt ?? "";
}

/**
 * A plan in one sentence, for a phone: how many payments, of how much, how often, first and last
 * date ("10 monthly payments of €300.00, from 5 October 2025 to 5 July 2026"). A different first or
 * last payment is named; the full schedule stays in the offer card.
 */
export function scheduleSummary(
  instalments: readonly Instalment[],
  currency: string,
  locale: Locale,
): string {
  const fr = locale === "fr";
  const m = (v: number) => money(v, currency, locale);
  const first = instalments[0];
  const last = instalments.at(-1);
  if (!first || !last) return "";
  if (instalments.length === 1)
    return `${m(first.amount)} ${fr ? "le" : "on"} ${date(first.dueDate, locale)}`;
  const days = (Date.parse(instalments[1]?.dueDate ?? "") - Date.parse(first.dueDate)) / 86_400_000;
  const cadence =
    days === 7
      ? fr
        ? "hebdomadaires"
        : "weekly"
      : days === 14
        ? fr
          ? "bimensuels"
          : "fortnightly"
        : days >= 28 && days <= 31
          ? fr
            ? "mensuels"
            : "monthly"
          : // A rest on a day of its own ("500 now and the rest in March") keeps no cadence.
            fr
            ? "versements"
            : "payments";
  const amounts = instalments.map((i) => i.amount);
  const middle = amounts.length > 2 ? amounts.slice(1, -1) : amounts;
  const common = middle[0] as number;
  const firstDiffers = amounts.length > 2 && first.amount !== common;
  const lastDiffers = last.amount !== common;
  const n = amounts.length - (firstDiffers ? 1 : 0) - (lastDiffers ? 1 : 0);
  const span = fr
    ? `du ${date(first.dueDate, locale)} au ${date(last.dueDate, locale)}`
    : `from ${date(first.dueDate, locale)} to ${date(last.dueDate, locale)}`;
  const parts: string[] = [];
  if (firstDiffers) parts.push(fr ? `un premier de ${m(first.amount)}` : `a first one of ${m(first.amount)}`);
  // A lone instalment of the common amount is named by its place ("un premier de 500,00 € et un
  // dernier de 790,33 €"), not counted ("1 mensuels").
  if (n === 1 && firstDiffers)
    parts.push(fr ? `un deuxième de ${m(common)}` : `a second one of ${m(common)}`);
  else if (n === 1) parts.push(fr ? `un premier de ${m(common)}` : `a first one of ${m(common)}`);
  else parts.push(fr ? `${n} ${cadence} de ${m(common)}` : `${n} ${cadence} of ${m(common)}`);
  if (lastDiffers) parts.push(fr ? `un dernier de ${m(last.amount)}` : `a last one of ${m(last.amount)}`);
  return `${list(parts, locale)}, ${span}`;
}
