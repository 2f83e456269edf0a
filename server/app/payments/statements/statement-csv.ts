// Bank statement lines from CSV: a header row naming the columns date, amount, currency, text
// (or reference/description), and optionally counterparty and bank_ref. Amounts in major units with
// a dot or comma ("1234.56", "-20,00"); dates as YYYY-MM-DD or DD/MM/YYYY. Debits are left out.

import { parse } from "csv-parse/sync";
import { isIsoCurrency } from "../../../domain/money.js";
import { parseMajorAmount } from "../../console/csv-columns.js";
import { detectDelimiter } from "../../console/csv-import.js";
import { type EntryError, MAX_STATEMENT_LINES, type ReadEntries, type StatementEntry } from "./entries.js";

const ALIASES: Record<string, string> = {
  date: "date",
  booking_date: "date",
  booked_at: "date",
  amount: "amount",
  currency: "currency",
  text: "text",
  reference: "text",
  description: "text",
  remittance: "text",
  counterparty: "counterparty",
  payer: "counterparty",
  name: "counterparty",
  bank_ref: "bank_ref",
  id: "bank_ref",
  transaction_id: "bank_ref",
};

function isoDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const eu = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (eu) [y, m, d] = [Number(eu[3]), Number(eu[2]), Number(eu[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function readStatementCsv(source: string): ReadEntries {
  let records: string[][];
  try {
    records = parse(source.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      // One separator per file, found in the header: with both, a decimal comma ("250,00" in a
      // French Excel file separated by semicolons) would split the amount in two.
      delimiter: detectDelimiter(source),
    });
  } catch (error) {
    return {
      entries: [],
      errors: [{ lineNo: 0, message: `not a readable CSV file: ${(error as Error).message}` }],
      skipped: 0,
    };
  }
  const [header, ...rows] = records;
  if (!header) return { entries: [], errors: [{ lineNo: 1, message: "the file is empty" }], skipped: 0 };
  const columns = header.map((h) => ALIASES[h.toLowerCase().replace(/[\s-]+/g, "_")] ?? null);
  const missing = ["date", "amount", "currency", "text"].filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      entries: [],
      errors: [{ lineNo: 1, message: `missing column(s): ${missing.join(", ")}` }],
      skipped: 0,
    };
  if (rows.length > MAX_STATEMENT_LINES)
    return {
      entries: [],
      errors: [{ lineNo: 0, message: `at most ${MAX_STATEMENT_LINES} lines per file` }],
      skipped: 0,
    };
  const entries: StatementEntry[] = [];
  const errors: EntryError[] = [];
  let skipped = 0;
  rows.forEach((cells, i) => {
    const lineNo = i + 2;
    const cell = (name: string) => {
      const at = columns.indexOf(name);
      return at >= 0 ? (cells[at] ?? "").trim() : "";
    };
    const currency = cell("currency").toUpperCase();
    const bookedAt = isoDate(cell("date"));
    const raw = cell("amount").replace(/\s/g, "");
    const debit = raw.startsWith("-");
    const problems: string[] = [];
    if (!bookedAt) problems.push("date: must be YYYY-MM-DD or DD/MM/YYYY");
    if (!isIsoCurrency(currency)) problems.push("currency: must be an ISO-4217 code such as EUR");
    const amount = isIsoCurrency(currency) ? parseMajorAmount(raw.replace(/^[+-]/, ""), currency) : null;
    if (amount === null && isIsoCurrency(currency)) problems.push("amount: must be a number such as 1234.56");
    if (problems.length) {
      errors.push({ lineNo, message: problems.join("; ") });
      return;
    }
    if (debit || amount === 0) {
      skipped++;
      return;
    }
    entries.push({
      lineNo,
      bookedAt: bookedAt as string,
      amount: amount as number,
      currency,
      text: cell("text").slice(0, 500),
      counterparty: cell("counterparty").slice(0, 200) || null,
      bankRef: cell("bank_ref").slice(0, 100) || null,
    });
  });
  return { entries, errors, skipped };
}
