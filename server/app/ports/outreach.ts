// The outreach store (issue 16): sequences and messages. Composing and event-driven changes run in
// a transaction holding the sequence's row lock (`OutreachTxStore`); delivery claims messages with
// a lease. Instants come from the app clock.
import type {
  CaseRow,
  CreditorRow,
  DebtorAccessTokenRow,
  DebtorRow,
  EscalationRow,
  InstalmentRow,
  InvoiceRow,
  Jurisdiction,
  OutreachMessageRow,
  OutreachSequenceRow,
  PaymentRow,
  PolicyVersionRow,
  PromiseToPayRow,
} from "./rows.js";

/** A case with everything a sequence step decides from. */
export interface OutreachCase extends CaseRow {
  creditor: CreditorRow;
  debtor: DebtorRow;
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  outreach: OutreachSequenceRow | null;
  escalations: EscalationRow[];
  promises: (PromiseToPayRow & { instalments: InstalmentRow[] })[];
  outreachMessages: Pick<OutreachMessageRow, "stepKey" | "kind" | "status" | "createdAt">[];
}

export interface DeliveryRow extends OutreachMessageRow {
  case: CaseRow & { debtor: DebtorRow; outreach: OutreachSequenceRow | null; escalations: EscalationRow[] };
}

/** Everything a hand-off case file holds. */
export interface HandOffCase extends CaseRow {
  creditor: CreditorRow;
  debtor: DebtorRow;
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  promises: (PromiseToPayRow & { instalments: InstalmentRow[] })[];
  outreachMessages: OutreachMessageRow[];
  policyVersion: PolicyVersionRow;
  offers: { policyVersion: Pick<PolicyVersionRow, "id" | "packId" | "hash" | "content"> }[];
}

export interface NewOutreachMessage {
  readonly caseId: string;
  readonly stepKey: string;
  readonly kind: string;
  readonly channel: string;
  readonly templateId: string;
  readonly recipient?: string | null;
  readonly subject?: string | null;
  readonly text: string;
  readonly html?: string | null;
  readonly promiseId?: string | null;
  readonly status: string;
  readonly error?: string | null;
  readonly linkTokenId?: string | null;
  readonly unsubscribeTokenHash?: string | null;
  readonly now: Date;
}

export interface SequenceChange {
  status?: string;
  reason?: string | null;
  nextStepIndex?: number;
  nextRunAt?: Date | null;
  emailOptOutAt?: Date;
  smsOptOutAt?: Date;
  updatedById?: string | null;
}

export interface OutreachStore {
  /** Gives every case without a sequence one, or only the named case. */
  ensureSequences(now: Date, caseId?: string): Promise<number>;
  /** Claims up to `limit` due messages (or ones whose lease expired) for delivery. */
  claimDeliveries(now: Date, leaseMs: number, limit: number): Promise<{ id: string }[]>;
  messageForDelivery(id: string): Promise<DeliveryRow | null>;
  finishDelivery(
    id: string,
    data: { status: string; transport?: string; error?: string | null; sentAt?: Date; nextAttemptAt?: Date },
  ): Promise<OutreachMessageRow>;
  messageByUnsubscribeHash(hash: string): Promise<{
    id: string;
    caseId: string;
    channel: string;
    case: { outreach: OutreachSequenceRow | null; debtor: DebtorRow };
  } | null>;
  /** Cases with a phone number, for matching an inbound SMS. */
  casesWithPhone(): Promise<{ id: string; jurisdiction: Jurisdiction; debtor: { phone: string | null } }[]>;
  outreachCase(caseId: string): Promise<OutreachCase | null>;
  caseMessages(caseId: string): Promise<OutreachMessageRow[]>;
  /** When the debtor last opened any of the case's links. */
  lastLinkOpening(caseId: string): Promise<Date | null>;
  outbox(f: {
    status?: string;
    channel?: string;
    kind?: string;
    caseId?: string;
    limit: number;
  }): Promise<(OutreachMessageRow & { case: { reference: string; creditor: { name: string } } })[]>;
  message(
    id: string,
  ): Promise<
    (OutreachMessageRow & { case: { reference: string; creditor: CreditorRow; debtor: DebtorRow } }) | null
  >;
  setTaskDone(id: string, userId: string, now: Date): Promise<void>;
  caseForHandOff(caseId: string): Promise<HandOffCase | null>;
  /** Moves the case to handed_off: the sequence stops and nothing not yet out is sent. */
  markHandedOff(
    caseId: string,
    actorId: string,
    data: { recipient: string; note?: string | undefined },
    now: Date,
  ): Promise<void>;
}

/** Inside the sequence's transaction: row locks taken here hold until it ends. */
export interface OutreachTxStore {
  /** Locks one active sequence that is due, skipping those another worker holds. */
  lockDueSequence(now: Date): Promise<{ id: string; caseId: string } | null>;
  /** Locks the sequence of a case (waiting for a worker that holds it). */
  lockSequenceOfCase(caseId: string): Promise<{ id: string } | null>;
  outreachCase(caseId: string): Promise<OutreachCase | null>;
  promiseWithInstalments(
    promiseId: string,
  ): Promise<(PromiseToPayRow & { instalments: InstalmentRow[] }) | null>;
  updateSequence(id: string, data: SequenceChange): Promise<OutreachSequenceRow>;
  /** Cancels what is composed but not yet out (of the given kinds, or all). */
  cancelPending(caseId: string, reason: string, kinds?: readonly string[]): Promise<{ count: number }>;
  /** Cancels the queued messages of one channel (an opt-out), except the given kinds. */
  cancelQueuedOnChannel(
    caseId: string,
    channel: string,
    reason: string,
    exceptKinds?: readonly string[],
  ): Promise<{ count: number }>;
  /** Inserts a message unless its step key exists already (then null: composed before). */
  insertMessage(m: NewOutreachMessage): Promise<string | null>;
  createLinkToken(
    caseId: string,
    tokenHash: string,
    expiresAt: Date,
    now: Date,
  ): Promise<DebtorAccessTokenRow>;
}
