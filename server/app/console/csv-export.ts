// CSV export of the cases a search selects: one row per invoice in the import format (so a file
// reads back), plus status, escalation and promise columns on the case's first row only (a sum over
// the rows then counts each case once). A UTF-8 BOM so Excel reads the accents; dialect "excel-fr"
// separates with ";" and writes a decimal comma. Cells a spreadsheet would run as a formula are
// neutralised. Streams: the caller pipes the generator to the response.
import { stringify } from "csv-stringify/sync";
import { caseExportQuery } from "../../../contract/console-inputs.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { AppContext } from "../context.js";
import type { CaseExportRow } from "../ports/console.js";
import { EXPORT_COLUMNS, formatMajorAmount, neutraliseCell } from "./csv-columns.js";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Case-level figures: written once per case, not repeated on each invoice row. */
const CASE_SUMMARY = new Set([
  "status",
  "escalated",
  "promise_status",
  "promise_total",
  "paid_amount",
  "created_at",
]);

type Dialect = "standard" | "excel-fr";
const amount = (minor: number, currency: string, dialect: Dialect) => {
  const text = formatMajorAmount(minor, currency);
  return dialect === "excel-fr" ? text.replace(".", ",") : text;
};

function rowsOf(c: CaseExportRow, dialect: Dialect): string[][] {
  const paid = c.payments.reduce((s, p) => s + Number(p.amount), 0);
  const promise = c.promises[0];
  const caseCells: Record<string, string> = {
    reference: c.reference,
    creditor_name: c.creditor.name,
    debtor_name: c.debtor.name,
    debtor_kind: c.debtor.kind,
    debtor_email: c.debtor.email ?? "",
    debtor_phone: c.debtor.phone ?? "",
    debtor_locale: c.debtor.locale,
    debtor_time_zone: c.debtor.timeZone,
    jurisdiction: c.jurisdiction,
    us_state: c.usState ?? "",
    currency: c.currency,
    verification_question: c.verificationQuestion ?? "",
    case_id: c.id,
    status: c.status,
    escalated: c.escalations.length ? "true" : "false",
    promise_status: promise?.status ?? "",
    promise_total: promise ? amount(Number(promise.total), c.currency, dialect) : "",
    paid_amount: amount(paid, c.currency, dialect),
    created_at: c.createdAt.toISOString(),
  };
  return c.invoices.map((inv, index) => {
    const cells: Record<string, string> = {
      ...caseCells,
      invoice_number: inv.number,
      invoice_issued_at: day(inv.issuedAt),
      invoice_due_at: day(inv.dueAt),
      invoice_amount: amount(Number(inv.amount), c.currency, dialect),
    };
    return EXPORT_COLUMNS.map((col) =>
      index > 0 && CASE_SUMMARY.has(col) ? "" : neutraliseCell(cells[col] ?? ""),
    );
  });
}

/** Validates the filters first (so a bad query answers 400 before any byte is sent). */
export function exportCases(ctx: AppContext, query: unknown): AsyncGenerator<string> {
  const { dialect, ...filter } = parseOrThrow(caseExportQuery, query, "query");
  const options = { delimiter: dialect === "excel-fr" ? ";" : ",", record_delimiter: "windows" as const };
  return (async function* () {
    yield `\uFEFF${stringify([EXPORT_COLUMNS], options)}`;
    for await (const c of ctx.stores.caseSearch.exportRows(filter))
      yield stringify(rowsOf(c, dialect), options);
  })();
}
