// How the offline engine writes amounts and dates for people, per locale. The output guard parses
// the same notations back, so these formats are part of its contract (see policy/text-check).
import type { Locale } from "../../domain/case-facts.js";
import { formatMoney } from "../../domain/money.js";
import type { Instalment, OfferTerms } from "../../policy/index.js";

const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function money(amount: number, currency: string, locale: Locale): string {
  // Intl uses narrow no-break spaces in French; plain spaces read the same and copy cleanly.
  return formatMoney({ amount, currency }, INTL_LOCALE[locale]).replace(/[\u202f\u00a0]/g, " ");
}

/** A calendar date "YYYY-MM-DD" as "15 décembre 2026" / "15 December 2026". */
export function date(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

export function list(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: "long", type: "conjunction" }).format(items);
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
