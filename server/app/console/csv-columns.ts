// The CSV case format shared by import and export (documented in docs/console.md): one row per
// invoice, rows of the same case share creditor_name and reference (a one-invoice case is one row).
// Amounts are decimals in the currency's major unit ("1200.50" EUR; the import also reads "1 250,00");
// dates are YYYY-MM-DD (the import also reads DD/MM/YYYY). Comma, semicolon or tab separated.
import { minorUnitDigits } from "../../domain/money.js";

export const CASE_COLUMNS = [
  "reference",
  "creditor_name",
  "debtor_name",
  "debtor_kind",
  "debtor_email",
  "debtor_phone",
  "debtor_locale",
  "debtor_time_zone",
  "jurisdiction",
  "us_state",
  "currency",
  "verification_question",
  "verification_answer",
] as const;

export const INVOICE_COLUMNS = [
  "invoice_number",
  "invoice_issued_at",
  "invoice_due_at",
  "invoice_amount",
] as const;

export const IMPORT_COLUMNS = [...CASE_COLUMNS, ...INVOICE_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  "reference",
  "creditor_name",
  "debtor_name",
  "debtor_kind",
  "debtor_locale",
  "jurisdiction",
  "currency",
  "invoice_number",
  "invoice_issued_at",
  "invoice_due_at",
  "invoice_amount",
];

/** Columns the export adds; the importer ignores them, so an exported file reads back. */
export const EXPORT_ONLY_COLUMNS = [
  "case_id",
  "status",
  "escalated",
  "promise_status",
  "promise_total",
  "paid_amount",
  "created_at",
] as const;

export const EXPORT_COLUMNS = [
  ...IMPORT_COLUMNS.filter((c) => c !== "verification_answer"),
  ...EXPORT_ONLY_COLUMNS,
];

/** Where each createCaseInput field comes from, to report zod errors by column. */
export const FIELD_COLUMN: Record<string, ImportColumn> = {
  reference: "reference",
  "creditor.name": "creditor_name",
  "debtor.name": "debtor_name",
  "debtor.kind": "debtor_kind",
  "debtor.email": "debtor_email",
  "debtor.phone": "debtor_phone",
  "debtor.locale": "debtor_locale",
  "debtor.timeZone": "debtor_time_zone",
  jurisdiction: "jurisdiction",
  usState: "us_state",
  currency: "currency",
  "verification.question": "verification_question",
  "verification.answer": "verification_answer",
  number: "invoice_number",
  issuedAt: "invoice_issued_at",
  dueAt: "invoice_due_at",
  amount: "invoice_amount",
};

/**
 * An amount as spreadsheets write it, in major units, to minor units: "1200.5", "1250,00" (decimal
 * comma), "1 250,00" (spaces or no-break spaces between thousands), "1.250,00" and "1,250.00" (the
 * last separator is the decimal one). Null when it is not such an amount or has too many decimals.
 */
export function parseMajorAmount(text: string, currency: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  let whole: string;
  let fraction = "";
  const both = /^(\d{1,3}(?:([.,])\d{3})*)([.,])(\d+)$/.exec(compact);
  if (both && both[2] !== undefined && both[2] !== both[3]) {
    // Thousands with one separator, decimals with the other: 1.250,00 or 1,250.00.
    whole = (both[1] ?? "").replace(/[.,]/g, "");
    fraction = both[4] ?? "";
  } else {
    const m = /^(\d{1,15})(?:[.,](\d+))?$/.exec(compact);
    if (!m) return null;
    whole = m[1] ?? "";
    fraction = m[2] ?? "";
  }
  let digits: number;
  try {
    digits = minorUnitDigits(currency);
  } catch {
    digits = 2;
  }
  if (fraction.length > digits || whole.length > 15) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** "2026-07-31", "31/07/2026", "31.07.2026", "31-07-2026" or an ISO instant -> "2026-07-31" (null if none). */
export function parseCsvDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

export function formatMajorAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/**
 * Spreadsheets run cells that start with = + - @ (and tab or carriage return) as formulas: an export
 * prefixes them with an apostrophe (OWASP "CSV injection"), and the import strips it again. A phone
 * number or a signed number ("+33 6 12 34 56 78", "-12.50") holds no formula: it is left as it is.
 */
export function neutraliseCell(value: string): string {
  if (/^[+-][\d\s().-]*\d[\d\s().-]*$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
