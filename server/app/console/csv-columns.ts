// The CSV case format shared by import and export (documented in docs/console.md): one row per
// invoice, rows of the same case share creditor_name and reference (a one-invoice case is one row).
// Amounts are decimals in the currency's major unit ("1200.50" EUR); dates are YYYY-MM-DD.
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

/** "1200.5" EUR -> 120050; null when not a plain decimal with at most the currency's decimals. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const m = /^(\d{1,15})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  let digits: number;
  try {
    digits = minorUnitDigits(currency);
  } catch {
    digits = 2;
  }
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
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
 * prefixes them with an apostrophe (OWASP "CSV injection"), and the import strips it again.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
