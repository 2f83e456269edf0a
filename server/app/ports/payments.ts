// Payment storage beside the console's promises store: what payment instructions read, bank
// statement lines, Stripe's idempotency record, the debtor pages' reads.
import type {
  CaseStatus,
  CreditorRow,
  DebtorAccessTokenRow,
  DebtorKind,
  Jurisdiction,
  Locale,
  ObtainedBy,
  OfferKind,
  PromiseStatus,
  StatementLineRow,
  StripeEventRow,
} from "./rows.js";

/** What the payment instructions of a case read. */
export interface CaseForInstructions {
  id: string;
  reference: string;
  paymentReference: string | null;
  jurisdiction: Jurisdiction;
  usState: string | null;
  currency: string;
  policyVersionId: string;
  creditor: CreditorRow;
  debtor: { name: string; kind: DebtorKind; locale: Locale; timeZone: string };
  invoices: { number: string; issuedAt: Date; dueAt: Date; amount: bigint }[];
  payments: { amount: bigint }[];
  promises: {
    id: string;
    status: PromiseStatus;
    instalments: { id: string; seq: number; dueDate: Date; amount: bigint; paidAmount: bigint }[];
  }[];
}

/** Also available inside a transaction (the outreach composes e-mails inside its sequence's lock). */
export interface InstructionsStore {
  caseForInstructions(caseId: string): Promise<CaseForInstructions | null>;
  /** Gives a case made before payment references existed its reference (a race keeps the first). */
  ensurePaymentReference(caseId: string, candidate: string): Promise<string>;
}

export interface NewStatementLine {
  readonly importId: string;
  readonly lineNo: number;
  readonly bookedAt: string;
  readonly amount: number;
  readonly currency: string;
  readonly text: string;
  readonly counterparty: string | null;
  readonly bankRef: string | null;
  readonly status: "matched" | "partial" | "unmatched" | "duplicate";
  readonly caseId: string | null;
  readonly paymentId: string | null;
  readonly note: string | null;
  readonly importedById: string;
}

export interface PaymentsStore {
  caseByPaymentReference(reference: string): Promise<{ id: string; currency: string } | null>;
  /** The id of an instalment if it belongs to the promise, else null. */
  instalmentOf(promiseId: string, seq: number): Promise<{ id: string } | null>;
  saveStatementLine(line: NewStatementLine): Promise<StatementLineRow>;
  /** Lines of a status or import, newest first, with the total count. */
  listStatementLines(filter: {
    status?: string[];
    importId?: string;
    take: number;
    skip: number;
  }): Promise<[StatementLineRow[], number]>;
  findStatementLine(id: string): Promise<StatementLineRow | null>;
  /** Settles an open line once; false when it was no longer open. */
  settleStatementLine(
    id: string,
    data: {
      status: "assigned" | "dismissed" | "reviewed";
      caseId?: string;
      paymentId?: string;
      note: string;
      at: Date;
    },
  ): Promise<boolean>;
  /** An earlier import of the same line. */
  findSameLine(line: {
    bookedAt: string;
    amount: number;
    currency: string;
    text: string;
    counterparty: string | null;
    bankRef: string | null;
  }): Promise<{ id: string; caseId: string | null; paymentId: string | null } | null>;
  findStripeEvent(id: string): Promise<StripeEventRow | null>;
  /** False when the id was already there (a concurrent delivery won). */
  saveStripeEvent(row: {
    id: string;
    type: string;
    caseId: string | null;
    outcome: string;
    paymentId: string | null;
  }): Promise<boolean>;
}

/** A debtor link (whatever its state) with just enough of the case to explain a dead link. */
export interface DebtorLinkRow
  extends Pick<DebtorAccessTokenRow, "id" | "caseId" | "expiresAt" | "revokedAt"> {
  case: {
    reference: string;
    currency: string;
    status: CaseStatus;
    creditor: Pick<CreditorRow, "name" | "contactEmail" | "contactPhone" | "displayName" | "logoUrl">;
    debtor: { locale: Locale; timeZone: string };
    conversation: { verifiedAt: Date | null; lockedAt: Date | null } | null;
  };
}

export interface PromiseCard {
  id: string;
  offerId: string;
  status: PromiseStatus;
  total: bigint;
  currency: string;
  acceptedAt: Date;
  instalments: { seq: number; dueDate: Date; amount: bigint }[];
}

export interface ReceiptRow {
  id: string;
  status: PromiseStatus;
  total: bigint;
  currency: string;
  acceptedAt: Date;
  obtainedBy: ObtainedBy;
  instalments: { seq: number; dueDate: Date; amount: bigint }[];
  offer: {
    id: string;
    kind: OfferKind;
    discountBps: number;
    policyVersion: { id: string; packId: string; hash: string };
  };
  case: {
    reference: string;
    jurisdiction: Jurisdiction;
    usState: string | null;
    currency: string;
    creditor: Pick<CreditorRow, "name" | "contactEmail" | "contactPhone">;
    debtor: { name: string; kind: DebtorKind; locale: Locale; timeZone: string };
    invoices: { number: string; issuedAt: Date; dueAt: Date; amount: bigint }[];
    payments: { amount: bigint }[];
  };
}

/** Read-only queries behind the debtor pages (link state, promises, receipts). */
export interface DebtorPagesStore {
  link(tokenHash: string): Promise<DebtorLinkRow | null>;
  promisesOfCase(caseId: string): Promise<PromiseCard[]>;
  /** One promise, only if it belongs to the case, with the case facts a receipt restates. */
  promiseForReceipt(caseId: string, promiseId: string): Promise<ReceiptRow | null>;
}
