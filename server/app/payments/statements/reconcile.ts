// Bank statement reconciliation: each credit line is matched to a case by the payment reference
// found in its text (ISO 11649, check digits verified) and recorded as a payment, like a Stripe
// payment: allocated to the instalments, the promise kept when all is paid, the debtor told.
// A line that pays exactly what is due now (or everything left) is "matched"; any other amount on
// a known reference is recorded but "partial", for a person to look at; a line with no usable
// reference (or another currency) is "unmatched" and recorded nowhere until a person assigns it.
// Importing the same file again changes nothing ("duplicate": the bank's line id, or a hash of the
// line, is the payment's externalRef).
import { createHash, randomUUID } from "node:crypto";
import {
  type StatementLinePage,
  type StatementLineView,
  statementAssignInput,
  statementDismissInput,
  statementLinesQuery,
} from "../../../../contract/statement-inputs.js";
import { findPaymentReferences } from "../../../domain/payments/payment-reference.js";
import { AppError, notFound } from "../../../errors/app-error.js";
import { parseOrThrow } from "../../../errors/zod-details.js";
import type { ConsoleDeps } from "../../console/deps.js";
import type { Actor } from "../../context.js";
import type { StatementLineRow } from "../../ports/rows.js";
import { loadPaymentInstructions } from "../instructions.js";
import { recordExternalPayment } from "../record.js";
import type { StatementEntry } from "./entries.js";
import { looksLikeCamt053, readStatementCamt053 } from "./statement-camt.js";
import { readStatementCsv } from "./statement-csv.js";

type LineStatus = "matched" | "partial" | "unmatched" | "duplicate";

export function statementLineView(row: StatementLineRow): StatementLineView {
  return {
    id: row.id,
    importId: row.importId,
    lineNo: row.lineNo,
    bookedAt: row.bookedAt.toISOString().slice(0, 10),
    amount: Number(row.amount),
    currency: row.currency,
    text: row.text,
    counterparty: row.counterparty,
    bankRef: row.bankRef,
    status: row.status,
    caseId: row.caseId,
    paymentId: row.paymentId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

function lineRef(e: StatementEntry): string {
  if (e.bankRef) return `statement:${e.bankRef}`;
  const hash = createHash("sha256")
    .update([e.bookedAt, e.amount, e.currency, e.text, e.counterparty ?? ""].join("\u001f"))
    .digest("hex");
  return `statement:${hash.slice(0, 32)}`;
}

async function reconcileEntry(
  deps: ConsoleDeps,
  actor: Actor,
  e: StatementEntry,
): Promise<{ status: LineStatus; caseId: string | null; paymentId: string | null; note: string | null }> {
  const { ctx } = deps;
  const earlier = await ctx.stores.payments.findSameLine(e);
  if (earlier)
    return {
      status: "duplicate",
      caseId: earlier.caseId,
      paymentId: earlier.paymentId,
      note: "already imported",
    };
  const refs = findPaymentReferences(e.text);
  let target: { id: string; currency: string } | null = null;
  for (const ref of refs) {
    target = await ctx.stores.payments.caseByPaymentReference(ref);
    if (target) break;
  }
  if (!target) {
    const note = refs.length ? `reference ${refs[0]} matches no case` : "no payment reference found";
    return { status: "unmatched", caseId: null, paymentId: null, note };
  }
  if (target.currency !== e.currency)
    return {
      status: "unmatched",
      caseId: target.id,
      paymentId: null,
      note: `the case is in ${target.currency}`,
    };
  const before = await loadPaymentInstructions(ctx, target.id);
  const dueNow = before && before.now.what !== "nothing" ? before.now.amount : 0;
  const outstanding = before?.outstanding ?? 0;
  const result = await recordExternalPayment(deps, {
    caseId: target.id,
    amount: BigInt(e.amount),
    currency: e.currency,
    paidAt: new Date(`${e.bookedAt}T00:00:00Z`),
    externalRef: lineRef(e),
    source: "statement",
    recordedById: actor.userId,
  });
  if (result.status !== "recorded")
    return {
      status: "unmatched",
      caseId: target.id,
      paymentId: null,
      note: `not recorded: ${result.status}`,
    };
  if (!result.created)
    return { status: "duplicate", caseId: target.id, paymentId: result.payment.id, note: "already imported" };
  const exact = e.amount === dueNow || e.amount === outstanding;
  return {
    status: exact ? "matched" : "partial",
    caseId: target.id,
    paymentId: result.payment.id,
    note: exact ? null : e.amount < dueNow ? "less than the amount due now" : "more than the amount due now",
  };
}

export async function importStatement(deps: ConsoleDeps, actor: Actor, body: unknown) {
  if (typeof body !== "string" || !body.trim())
    throw new AppError("validation_failed", "Send the statement as text/csv or application/xml.", [
      { path: "(body)", message: "must be a CSV or CAMT.053 file" },
    ]);
  const format = looksLikeCamt053(body) ? "camt.053" : "csv";
  const read = format === "camt.053" ? readStatementCamt053(body) : readStatementCsv(body);
  if (read.entries.length === 0 && read.errors.length)
    throw new AppError(
      "validation_failed",
      `Invalid statement: ${read.errors[0]?.message}`,
      read.errors.map((e) => ({ path: `line ${e.lineNo}`, message: e.message })),
    );
  const importId = randomUUID();
  const lines: ReturnType<typeof statementLineView>[] = [];
  const counts: Record<LineStatus, number> = { matched: 0, partial: 0, unmatched: 0, duplicate: 0 };
  for (const e of read.entries) {
    const outcome = await reconcileEntry(deps, actor, e);
    counts[outcome.status]++;
    const row = await deps.ctx.stores.payments.saveStatementLine({
      importId,
      ...e,
      ...outcome,
      importedById: actor.userId,
    });
    lines.push(statementLineView(row));
  }
  await deps.ctx.stores.audit.append({
    actorType: "user",
    actorId: actor.userId,
    action: "statement.import",
    entity: "statement",
    entityId: importId,
    data: {
      format,
      lines: read.entries.length,
      skipped: read.skipped,
      errors: read.errors.length,
      ...counts,
    },
  });
  return { importId, format, ...counts, skipped: read.skipped, errors: read.errors, lines };
}

export async function listLines(deps: ConsoleDeps, query: unknown): Promise<StatementLinePage> {
  const q = parseOrThrow(statementLinesQuery, query, "query");
  const status = q.status === "all" ? undefined : q.status === "open" ? ["unmatched", "partial"] : [q.status];
  const [rows, total] = await deps.ctx.stores.payments.listStatementLines({
    ...(status ? { status } : {}),
    ...(q.importId ? { importId: q.importId } : {}),
    take: q.pageSize,
    skip: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(statementLineView), total, page: q.page, pageSize: q.pageSize };
}

async function openLine(deps: ConsoleDeps, id: string) {
  const line = await deps.ctx.stores.payments.findStatementLine(id);
  if (!line) throw notFound("Statement line");
  if (line.status !== "unmatched" && line.status !== "partial")
    throw new AppError("conflict", `This line is already ${line.status}.`);
  return line;
}

/** A person names the case of an unmatched line: it is recorded as that case's payment. */
export async function assignLine(deps: ConsoleDeps, actor: Actor, id: string, body: unknown) {
  const input = parseOrThrow(statementAssignInput, body, "assignment");
  const line = await openLine(deps, id);
  if (line.status !== "unmatched") throw new AppError("conflict", "Only an unmatched line can be assigned.");
  const result = await recordExternalPayment(deps, {
    caseId: input.caseId,
    amount: line.amount,
    currency: line.currency,
    paidAt: line.bookedAt,
    externalRef: `statement-line:${line.id}`,
    source: "statement",
    recordedById: actor.userId,
  });
  if (result.status === "no_case") throw notFound("Case");
  if (result.status === "currency_mismatch")
    throw new AppError("validation_failed", `Invalid assignment: caseId: the case is in ${result.expected}`, [
      { path: "caseId", message: `the case is in ${result.expected}` },
    ]);
  if (result.status !== "recorded")
    throw new AppError("conflict", `The payment was not recorded: ${result.status}.`);
  await deps.ctx.stores.payments.settleStatementLine(id, {
    status: "assigned",
    caseId: input.caseId,
    paymentId: result.payment.id,
    note: input.note,
    at: deps.ctx.clock.now(),
  });
  return statementLineView((await deps.ctx.stores.payments.findStatementLine(id)) as StatementLineRow);
}

/** A person closes a line: not ours, refunded, or (partial) checked and fine. */
export async function dismissLine(deps: ConsoleDeps, actor: Actor, id: string, body: unknown) {
  const input = parseOrThrow(statementDismissInput, body, "dismissal");
  const line = await openLine(deps, id);
  await deps.ctx.stores.payments.settleStatementLine(id, {
    status: line.status === "partial" ? "reviewed" : "dismissed",
    note: `${input.note} (${actor.email})`.slice(0, 2000),
    at: deps.ctx.clock.now(),
  });
  return statementLineView((await deps.ctx.stores.payments.findStatementLine(id)) as StatementLineRow);
}
