// Money is an integer count of minor units plus an ISO-4217 currency code: never a float.
// Every arithmetic helper here works on integers and refuses mixed currencies.
import { numberFormat } from "./intl.js";

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const SUPPORTED_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** True for a currency code that Intl knows (ISO-4217, upper case). */
export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && SUPPORTED_CURRENCIES.has(code);
}

// Asked for every amount read or written (several per reply); the answer per code never changes.
const minorDigits = new Map<string, number>();

/** Number of decimals of the currency's minor unit (EUR 2, JPY 0, BHD 3). */
export function minorUnitDigits(currency: string): number {
  const known = minorDigits.get(currency);
  if (known !== undefined) return known;
  const digits = numberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits as number;
  // Intl throws on anything but a three-letter code, so the table stays bounded (26³ at most).
  minorDigits.set(currency, digits);
  return digits;
}

/** "4000" EUR -> "40.00 EUR": minor units written in major units with the currency (for explanations). */
export function majorText(amount: number | bigint, currency: string): string {
  const digits = minorUnitDigits(currency);
  const n = BigInt(amount);
  const sign = n < 0n ? "-" : "";
  const abs = n < 0n ? -n : n;
  if (digits === 0) return `${sign}${abs} ${currency}`;
  const unit = 10n ** BigInt(digits);
  return `${sign}${abs / unit}.${String(abs % unit).padStart(digits, "0")} ${currency}`;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), money(0, currency));
}

/**
 * Multiplies by a rational number given in basis points (1/10000), rounding half away from zero.
 * Used for discounts and rates so that no float ever holds a money amount.
 */
export function applyBasisPoints(m: Money, basisPoints: number): Money {
  if (!Number.isInteger(basisPoints)) throw new RangeError("basis points must be an integer");
  const product = BigInt(m.amount) * BigInt(basisPoints);
  const sign = product < 0n ? -1n : 1n;
  const abs = product < 0n ? -product : product;
  const rounded = (abs + 5000n) / 10000n;
  return money(Number(sign * rounded), m.currency);
}

/**
 * Splits a total into `count` parts that sum exactly to it: equal parts, rounded down,
 * with the remainder on the last part (the convention the plan schedule uses).
 */
export function splitEvenly(total: Money, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError("count must be a positive integer");
  const base = Math.floor(total.amount / count);
  const parts = Array.from({ length: count }, () => money(base, total.currency));
  const last = parts.length - 1;
  parts[last] = money(total.amount - base * last, total.currency);
  return parts;
}

// The formatter per locale and currency, looked up without building numberFormat's options key
// (a JSON string per call): replies format a dozen amounts each.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats for people ("1 234,56 €", "$1,234.56"); never parse this back. */
export function formatMoney(m: Money, locale: string): string {
  const digits = minorUnitDigits(m.currency);
  const key = `${locale}|${m.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = numberFormat(locale, { style: "currency", currency: m.currency });
    moneyFormats.set(key, format);
  }
  return format.format(m.amount / 10 ** digits);
}
