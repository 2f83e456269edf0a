// CSV import of cases with a row-by-row report. Each case (rows grouped by creditor_name and
// reference) is validated with the API's own createCaseInput schema, so the file and the form obey
// the same rules. mode=validate imports nothing; mode=import (default) imports only a file without
// errors; mode=import_valid imports the valid cases and reports the others.

import { parse } from "csv-parse/sync";
import { createCaseInput } from "../../../contract/case-input.js";
import { importQuery } from "../../../contract/console-inputs.js";
import type { ImportCaseResult, ImportReport, ImportRowError } from "../../../contract/console-reports.js";
import { AppError, type ErrorDetail } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { createCase } from "../cases/case-service.js";
import type { Actor, AppContext } from "../context.js";
import {
  CASE_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  FIELD_COLUMN,
  IMPORT_COLUMNS,
  type ImportColumn,
  parseCsvDate,
  parseMajorAmount,
  REQUIRED_COLUMNS,
  restoreCell,
} from "./csv-columns.js";

export const MAX_IMPORT_ROWS = 5000;

type RowError = ImportRowError;
type CaseResult = ImportCaseResult;

export type { ImportReport };

type Row = Record<ImportColumn, string>;

/**
 * The separator of the header row, outside quotes: French Excel writes ";" (its decimal separator is
 * the comma), others "," or a tab. One separator per file, so "1250,00" stays one cell.
 */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ",";
}

function readRows(text: string): { row: number; values: Row }[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      skip_empty_lines: true,
      trim: true,
      relax_quotes: false,
    }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new AppError("validation_failed", "The file is not readable CSV.", [
      {
        path: e.lines ? `line ${e.lines}` : "(file)",
        message: String(e.message ?? "unreadable CSV").slice(0, 300),
      },
    ]);
  }
  const [header, ...data] = records;
  if (!header)
    throw new AppError("validation_failed", "The file is empty.", [
      { path: "(file)", message: "expected a header row" },
    ]);
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: ErrorDetail[] = [];
  const known = new Set<string>([...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  names.forEach((n, i) => {
    if (!known.has(n))
      problems.push({ path: `column ${i + 1}`, message: `unknown column "${n.slice(0, 40)}"` });
    if (names.indexOf(n) !== i)
      problems.push({ path: `column ${i + 1}`, message: `duplicate column "${n.slice(0, 40)}"` });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) problems.push({ path: required, message: "required column is missing" });
  }
  if (problems.length)
    throw new AppError("validation_failed", "The header row does not match the case format.", problems);
  if (data.length === 0) {
    throw new AppError("validation_failed", "The file has no data rows.", [
      { path: "(file)", message: "expected at least one row after the header" },
    ]);
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw new AppError("validation_failed", `The file has more than ${MAX_IMPORT_ROWS} rows.`, [
      { path: "(file)", message: `at most ${MAX_IMPORT_ROWS} rows per file` },
    ]);
  }
  return data.map((record, index) => {
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ""])) as Row;
    names.forEach((name, i) => {
      if ((IMPORT_COLUMNS as readonly string[]).includes(name))
        values[name as ImportColumn] = restoreCell(record[i] ?? "");
    });
    return { row: index + 2, values };
  });
}

const opt = (v: string) => (v === "" ? undefined : v);

/** The createCaseInput body of one case, plus the errors found before schema validation. */
function buildCase(rows: { row: number; values: Row }[]) {
  const first = rows[0] as { row: number; values: Row };
  const errors: RowError[] = [];
  // Every row of a case must repeat the same case columns.
  for (const r of rows.slice(1)) {
    for (const c of CASE_COLUMNS) {
      if (r.values[c] !== "" && r.values[c] !== first.values[c]) {
        errors.push({ row: r.row, column: c, message: `differs from row ${first.row} of the same case` });
      }
    }
  }
  const v = first.values;
  const invoices = rows.map((r) => {
    const amount = parseMajorAmount(r.values.invoice_amount, v.currency);
    if (amount === null) {
      errors.push({
        row: r.row,
        column: "invoice_amount",
        message: `must be an amount such as 1200.50 or 1 200,50 (got "${r.values.invoice_amount.slice(0, 30)}")`,
      });
    }
    const date = (column: "invoice_issued_at" | "invoice_due_at") => {
      const raw = r.values[column];
      const day = parseCsvDate(raw);
      if (day === null && raw !== "")
        errors.push({
          row: r.row,
          column,
          message: `must be a date such as 2026-07-31 or 31/07/2026 (got "${raw.slice(0, 30)}")`,
        });
      return day ?? raw;
    };
    return {
      number: r.values.invoice_number,
      issuedAt: date("invoice_issued_at"),
      dueAt: date("invoice_due_at"),
      amount: amount ?? 0,
    };
  });
  const verification =
    v.verification_answer !== ""
      ? {
          answer: v.verification_answer,
          ...(v.verification_question ? { question: v.verification_question } : {}),
        }
      : undefined;
  if (!verification && v.verification_question !== "") {
    errors.push({
      row: first.row,
      column: "verification_answer",
      message: "is required when verification_question is given",
    });
  }
  const body = {
    reference: v.reference,
    creditor: { name: v.creditor_name },
    debtor: {
      name: v.debtor_name,
      kind: v.debtor_kind,
      ...(opt(v.debtor_email) ? { email: v.debtor_email } : {}),
      ...(opt(v.debtor_phone) ? { phone: v.debtor_phone } : {}),
      locale: v.debtor_locale,
      ...(opt(v.debtor_time_zone) ? { timeZone: v.debtor_time_zone } : {}),
    },
    jurisdiction: v.jurisdiction,
    ...(opt(v.us_state) ? { usState: v.us_state } : {}),
    currency: v.currency,
    invoices,
    ...(verification ? { verification } : {}),
  };
  const parsed = createCaseInput.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      let row = first.row;
      let field = path.join(".");
      if (path[0] === "invoices" && path.length >= 3) {
        row = rows[Number(path[1])]?.row ?? first.row;
        field = path.slice(2).join(".");
      }
      const column = FIELD_COLUMN[field] ?? (path[0] === "invoices" ? "invoice_number" : null);
      // One message per cell: the reader's own (amount, date) is the clearer one.
      if (column && errors.some((e) => e.row === row && e.column === column)) continue;
      // "Due before issued" follows from an unreadable date already reported on the row.
      const dates = ["invoice_issued_at", "invoice_due_at"];
      if (
        column &&
        dates.includes(column) &&
        errors.some((e) => e.row === row && dates.includes(e.column ?? ""))
      )
        continue;
      errors.push({ row, column, message: issue.message });
    }
  }
  return { body, errors };
}

function group(rows: { row: number; values: Row }[]) {
  const groups = new Map<string, { row: number; values: Row }[]>();
  for (const r of rows) {
    const key = `${r.values.creditor_name}\u0000${r.values.reference}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return [...groups.values()];
}

export async function importCases(
  ctx: AppContext,
  actor: Actor,
  query: unknown,
  csvText: unknown,
): Promise<ImportReport> {
  const { mode } = parseOrThrow(importQuery, query, "query");
  if (typeof csvText !== "string") {
    throw new AppError("bad_request", "Send the file as the request body with Content-Type: text/csv.");
  }
  const rows = readRows(csvText);
  const results: CaseResult[] = [];
  const bodies = new Map<CaseResult, unknown>();
  for (const caseRows of group(rows)) {
    const { body, errors } = buildCase(caseRows);
    const first = caseRows[0] as { row: number; values: Row };
    if (errors.length === 0 && body.reference && body.creditor.name) {
      const existing = await ctx.stores.cases.findIdByReference(body.creditor.name, body.reference);
      if (existing)
        errors.push({
          row: first.row,
          column: "reference",
          message: `a case with this reference already exists for this creditor (${existing.id})`,
        });
    }
    const result: CaseResult = {
      reference: first.values.reference,
      creditor: first.values.creditor_name,
      rows: caseRows.map((r) => r.row),
      status: errors.length ? "invalid" : "valid",
      errors: errors.sort((a, b) => a.row - b.row),
    };
    results.push(result);
    bodies.set(result, body);
  }
  const invalid = results.filter((r) => r.status === "invalid").length;
  const shouldImport = mode === "import_valid" || (mode === "import" && invalid === 0);
  let imported = 0;
  if (shouldImport) {
    for (const result of results) {
      if (result.status !== "valid") continue;
      try {
        const created = await createCase(ctx, bodies.get(result), actor);
        Object.assign(result, { status: "imported", id: created.id, link: created.link });
        imported++;
      } catch (error) {
        if (!(error instanceof AppError) || error.code === "internal") throw error;
        result.status = "failed";
        result.errors.push({ row: result.rows[0] as number, column: null, message: error.message });
      }
    }
    await ctx.stores.audit.append({
      actorType: "user",
      actorId: actor.userId,
      action: "case.import",
      entity: "import",
      data: { mode, rows: rows.length, cases: results.length, imported, invalid },
    });
  } else if (mode === "import") {
    for (const r of results) if (r.status === "valid") r.status = "skipped";
  }
  const report: ImportReport = {
    mode,
    ok: invalid === 0 && results.every((r) => r.status !== "failed"),
    rows: rows.length,
    cases: results.length,
    valid: results.filter((r) => r.status === "valid" || r.status === "imported" || r.status === "skipped")
      .length,
    invalid,
    imported,
    errors: results.flatMap((r) => r.errors.map((e) => ({ ...e, reference: r.reference }))),
    results,
  };
  if (mode === "import" && invalid > 0) {
    throw new AppError(
      "validation_failed",
      `The file has ${report.errors.length} error${report.errors.length > 1 ? "s" : ""} in ${invalid} case${invalid > 1 ? "s" : ""}; nothing was imported. Fix them, or import the valid cases with mode=import_valid.`,
      { report },
    );
  }
  return report;
}
