// Display helpers for staff: money from minor units, dates and instants, labels.
import { codeLabel, currentLang, t } from "./i18n.js";

const digits = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

// Dates, times and figures in the console's language (English: as British staff write them).
const locale = () => (currentLang() === "fr" ? "fr-FR" : "en-GB");
/** A decimal figure with the language's separator: "1.5" in English, "1,5" in French. */
const decimal = (value: number, digits: number) =>
  currentLang() === "fr" ? value.toFixed(digits).replace(".", ",") : value.toFixed(digits);

export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(locale(), {
    style: "currency",
    currency,
  }).format(amount / 10 ** digits(currency));
}

/** "1200.50" for the payment form from minor units, and back (null when not an amount). */
export function toMajor(amount: number, currency: string): string {
  const d = digits(currency);
  return (amount / 10 ** d).toFixed(d);
}

export function fromMajor(text: string, currency: string): number | null {
  const m = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  const d = digits(currency);
  if (!m || (m[2]?.length ?? 0) > d) return null;
  return Number(m[1]) * 10 ** d + Number((m[2] ?? "").padEnd(d, "0") || "0");
}

export function day(iso: string | null | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
}

export function instant(iso: string | null | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function time(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: "short" }).format(new Date(iso));
}

/** A code the server sends, in plain words of the console's language (i18n.tsx). */
export function label(code: string): string {
  return codeLabel(code);
}

export function percent(value: number | null | undefined, digits?: number): string {
  return value === null || value === undefined
    ? "–"
    : `${decimal(value * 100, digits ?? (value < 0.1 && value > 0 ? 1 : 0))} %`;
}

export function duration(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${decimal(seconds / 3600, 1)} h`;
  return `${decimal(seconds / 86_400, 1)} ${currentLang() === "fr" ? "jours" : "days"}`;
}

const ACTIONS = {
  request_human: "The debtor asked for a person",
  accept_offer: "The debtor accepted the offer",
  decline_offer: "The debtor declined the offer",
} as const;

/** A debtor's button press is stored as "[request_human]" or "[accept_offer:<id>]": say it in words. */
export function messageText(role: string, text: string): string {
  const action =
    role === "system"
      ? /^\[(request_human|accept_offer|decline_offer)(?::[\w-]*)?\]$/.exec(text)?.[1]
      : undefined;
  return action ? t(ACTIONS[action as keyof typeof ACTIONS]) : text;
}
