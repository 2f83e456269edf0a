// Payment storage (app/ports/payments.ts) on the database client or an open transaction.
import type { DebtorPagesStore, InstructionsStore, PaymentsStore } from "../../app/ports/payments.js";
import type { Prisma } from "../open.js";
import {
  type CaseReader,
  ensurePaymentReference,
  findCaseByPaymentReference,
  findCaseForInstructions,
  findInstalmentOf,
} from "../payment-instructions.js";
import { findDebtorLink, findPromiseForReceipt, listPromisesOfCase } from "../receipts.js";
import {
  findSameLine,
  findStatementLine,
  listStatementLines,
  saveStatementLine,
  settleStatementLine,
} from "../statements.js";
import { findStripeEvent, saveStripeEvent } from "../stripe-events.js";

/** On the client or inside a transaction (both can read and update cases). */
export function instructionsStore(db: CaseReader): InstructionsStore {
  return {
    caseForInstructions: (caseId) => findCaseForInstructions(db, caseId),
    ensurePaymentReference: (caseId, candidate) => ensurePaymentReference(db, caseId, candidate),
  };
}

export function paymentsStore(db: Prisma): PaymentsStore {
  return {
    caseByPaymentReference: (reference) => findCaseByPaymentReference(db, reference),
    instalmentOf: (promiseId, seq) => findInstalmentOf(db, promiseId, seq),
    saveStatementLine: (line) => saveStatementLine(db, line),
    listStatementLines: (filter) => listStatementLines(db, filter),
    findStatementLine: (id) => findStatementLine(db, id),
    settleStatementLine: (id, data) => settleStatementLine(db, id, data),
    findSameLine: (line) => findSameLine(db, line),
    findStripeEvent: (id) => findStripeEvent(db, id),
    saveStripeEvent: (row) => saveStripeEvent(db, row),
  };
}

export function debtorPagesStore(db: Prisma): DebtorPagesStore {
  return {
    link: (tokenHash) => findDebtorLink(db, tokenHash),
    promisesOfCase: (caseId) => listPromisesOfCase(db, caseId),
    promiseForReceipt: (caseId, promiseId) => findPromiseForReceipt(db, caseId, promiseId),
  };
}
