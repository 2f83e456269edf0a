// The console's stores: the escalation queue, takeovers and collector offers, case search and
// export, notes, KPIs, payments and the promise review. Each write commits with its audit row.
import type { MessageWithOffer } from "./conversations.js";
import type { NewOfferRecord } from "./negotiation.js";
import type {
  CaseNoteRow,
  CaseRow,
  CaseStatus,
  DebtorRow,
  EscalationKind,
  EscalationRow,
  InstalmentRow,
  InvoiceRow,
  Jurisdiction,
  ObtainedBy,
  OfferKind,
  PaymentRow,
  PolicyVersionStatus,
  PromiseStatus,
  PromiseToPayRow,
} from "./rows.js";

// ---- escalations -------------------------------------------------------------------------------

export type EscalationStatusValue = "open" | "assigned" | "resolved";
export type CaseStatusValue = "verifying" | "negotiating" | "promised" | "escalated" | "closed";

/** An escalation with the case it belongs to, as the queue's card shows it. */
export interface EscalationCardRow extends EscalationRow {
  assignee: { id: string; email: string } | null;
  case: {
    id: string;
    reference: string;
    status: CaseStatus;
    currency: string;
    debtor: Pick<DebtorRow, "name" | "locale" | "kind">;
    creditor: { name: string };
    conversation: { id: string; humanOwnerId: string | null } | null;
  };
}

export interface EscalationFilter {
  readonly kind?: EscalationKind | undefined;
  readonly statuses: readonly EscalationStatusValue[];
  readonly assigneeId?: string | null | undefined;
  readonly caseId?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export type AssignResult =
  | { status: "assigned"; previousAssigneeId: string | null }
  | { status: "not_found" }
  | { status: "resolved" };

/** What resolution does to the case, decided by the use case from what the transaction sees. */
export interface ResolutionSnapshot {
  readonly kind: EscalationKind;
  readonly otherOpen: number;
  readonly hasActivePromise: boolean;
  readonly verified: boolean;
  readonly state: unknown;
  /** The collector who holds the conversation (takeover), if any. */
  readonly ownerId: string | null;
}

export interface ResolutionPlan {
  readonly caseStatus: CaseStatusValue;
  /** The conversation's negotiation state to store (phase updated), or undefined to keep it. */
  readonly state?: unknown;
  /** Lifts an identity lock (three wrong answers) once a person has checked who the debtor is. */
  readonly unlock: boolean;
  readonly cancelActivePromise: boolean;
  readonly closeOpenOffers: boolean;
  readonly notice: { text: string; meta: Record<string, unknown> } | null;
  /** Ends a takeover (the case leaves the queue): the assistant answers the debtor again. */
  readonly endTakeover: boolean;
  /** What the debtor reads when the takeover ends (none when the case closes: the notice says so). */
  readonly handbackNotice: { text: string; meta: Record<string, unknown> } | null;
}

export type ResolveResult =
  | {
      status: "resolved";
      caseId: string;
      caseStatus: CaseStatusValue;
      conversationId: string | null;
      message: MessageWithOffer | null;
      /** The hand-back notice when resolving ended a takeover. */
      handback: MessageWithOffer | null;
    }
  | { status: "not_found" }
  | { status: "already_resolved" }
  | { status: "owned_by_other"; ownerId: string };

export interface EscalationsStore {
  list(filter: EscalationFilter): Promise<{ items: EscalationCardRow[]; total: number }>;
  card(id: string): Promise<EscalationCardRow | null>;
  assign(input: { id: string; userId: string }): Promise<AssignResult>;
  resolve(input: {
    id: string;
    userId: string;
    outcome: string;
    note: string;
    at: Date;
    /** Admins may resolve while another collector holds the conversation (ending that takeover). */
    mayOverride: boolean;
    plan: (s: ResolutionSnapshot) => ResolutionPlan;
  }): Promise<ResolveResult>;
  /** When each conversation's debtor has been waiting since (absent when not waiting). */
  debtorWaitingSince(conversationIds: readonly string[]): Promise<Map<string, Date>>;
}

// ---- takeover and collector offers ------------------------------------------------------------

export type TakeoverResult =
  | { readonly status: "taken"; readonly message: MessageWithOffer; readonly assigned: readonly string[] }
  | { readonly status: "already_yours" }
  | { readonly status: "owned_by_other"; readonly ownerId: string };

export type HandbackResult =
  | { readonly status: "handed_back"; readonly message: MessageWithOffer; readonly previousOwnerId: string }
  | { readonly status: "not_owned" }
  | { readonly status: "owned_by_other"; readonly ownerId: string };

export type AgentMessageResult =
  | { readonly status: "stored"; readonly message: MessageWithOffer; readonly created: boolean }
  | { readonly status: "not_owned" }
  | { readonly status: "owned_by_other"; readonly ownerId: string };

export type CollectorOfferResult =
  | { status: "offered"; offerId: string; message: MessageWithOffer }
  | { status: "not_owned" }
  | { status: "owned_by_other"; ownerId: string };

export interface TakeoverStore {
  takeOver(input: {
    conversationId: string;
    caseId: string;
    userId: string;
    at: Date;
    notice: string;
    noticeMeta: Record<string, unknown>;
  }): Promise<TakeoverResult>;
  handBack(input: {
    conversationId: string;
    caseId: string;
    userId: string;
    /** Admins may hand back a conversation another collector owns. */
    mayOverride: boolean;
    note: string;
    notice: string;
    noticeMeta: Record<string, unknown>;
  }): Promise<HandbackResult>;
  /** Stores a collector's message as role "agent"; only the current owner may write. */
  postAgentMessage(input: {
    conversationId: string;
    caseId: string;
    userId: string;
    text: string;
    clientMessageId?: string | undefined;
    offerId?: string | undefined;
    meta?: Record<string, unknown>;
  }): Promise<AgentMessageResult>;
  recordCollectorOffer(input: {
    offer: NewOfferRecord;
    conversationId: string;
    userId: string;
    text: string;
    at: Date;
  }): Promise<CollectorOfferResult>;
}

// ---- case search, export, notes ----------------------------------------------------------------

export interface CaseSearch {
  readonly status?: CaseStatus | undefined;
  readonly escalated?: boolean | undefined;
  readonly promise?: "active" | "kept" | "broken" | "cancelled" | "none" | undefined;
  readonly jurisdiction?: Jurisdiction | undefined;
  readonly creditor?: string | undefined;
  readonly q?: string | undefined;
}

export interface CaseListRow extends CaseRow {
  creditor: { name: string };
  debtor: Pick<DebtorRow, "name" | "kind" | "locale">;
  escalations: { id: string; kind: EscalationKind }[];
  promises: { id: string; status: PromiseStatus; total: bigint }[];
  conversation: { humanOwnerId: string | null } | null;
}

export interface CaseExportRow extends CaseRow {
  creditor: { name: string };
  debtor: DebtorRow;
  invoices: InvoiceRow[];
  payments: { amount: bigint }[];
  escalations: { kind: EscalationKind }[];
  promises: { status: PromiseStatus; total: bigint }[];
}

export interface CaseSearchStore {
  search(s: CaseSearch, page: number, pageSize: number): Promise<{ items: CaseListRow[]; total: number }>;
  /** Every matching case with its invoices, in batches (the export streams them). */
  exportRows(s: CaseSearch): AsyncGenerator<CaseExportRow>;
}

export interface NotesStore {
  list(caseId: string): Promise<(CaseNoteRow & { author: { email: string } })[]>;
  add(input: {
    caseId: string;
    authorId: string;
    text: string;
  }): Promise<{ status: "added"; id: string; createdAt: Date } | { status: "not_found" }>;
}

// ---- KPIs ---------------------------------------------------------------------------------------

export interface KpiFilter {
  readonly from: Date;
  readonly to: Date;
  readonly creditorId?: string | undefined;
  readonly policyVersionId?: string | undefined;
}

export interface KpiConversationRow {
  createdAt: Date;
  verifiedAt: Date | null;
  case: {
    currency: string;
    principal: bigint;
    promises: {
      status: PromiseStatus;
      total: bigint;
      currency: string;
      obtainedBy: ObtainedBy;
      acceptedAt: Date;
      offer: { discountBps: number; kind: OfferKind };
    }[];
  };
}

export interface KpiPaymentRow {
  amount: bigint;
  currency: string;
  paidAt: Date;
  source: string;
  case: { creditorId: string; creditor: { name: string } };
  instalment: { promise: { obtainedBy: ObtainedBy } } | null;
}

export interface KpiPromisePaidRow {
  status: PromiseStatus;
  total: bigint;
  currency: string;
  obtainedBy: ObtainedBy;
  instalments: { paidAmount: bigint }[];
}

export interface KpiFunnelRow {
  _count: { tokens: number; promises: number; payments: number };
  conversation: { verifiedAt: Date | null; _count: { messages: number } } | null;
}

export interface KpisStore {
  conversations(f: KpiFilter): Promise<KpiConversationRow[]>;
  escalationsByKind(f: KpiFilter): Promise<{ kind: EscalationKind; count: number }[]>;
  /** Cases now handed off beyond amicable recovery within the creditor and policy filters. */
  handedOff(f: KpiFilter): Promise<number>;
  payments(f: KpiFilter): Promise<KpiPaymentRow[]>;
  promisesPaid(f: KpiFilter): Promise<KpiPromisePaidRow[]>;
  funnel(f: KpiFilter): Promise<KpiFunnelRow[]>;
  filterOptions(): Promise<{
    creditors: { id: string; name: string }[];
    policyVersions: {
      id: string;
      packId: string;
      hash: string;
      status: PolicyVersionStatus;
      publishedAt: Date | null;
    }[];
  }>;
}

// ---- payments and the promise review -----------------------------------------------------------

export interface NewPayment {
  readonly caseId: string;
  readonly instalmentId?: string | undefined;
  readonly amount: bigint;
  readonly currency: string;
  readonly paidAt: Date;
  readonly externalRef?: string | undefined;
  readonly recordedById: string;
  readonly at: Date;
  /** manual (a person or the accounting API), stripe (webhook) or statement (bank import). */
  readonly source?: "manual" | "stripe" | "statement";
}

export interface Allocation {
  readonly instalmentId: string;
  readonly promiseId: string;
  readonly amount: bigint;
}

export type RecordPaymentResult =
  | {
      status: "recorded";
      created: boolean;
      payment: PaymentRow;
      allocations: Allocation[];
      promise: { id: string; status: string; changed: boolean; caseClosed: boolean } | null;
    }
  | { status: "no_case" }
  | { status: "currency_mismatch"; expected: string }
  | { status: "no_instalment" }
  | { status: "duplicate_ref_differs"; payment: PaymentRow };

export interface WatchedPromise extends PromiseToPayRow {
  instalments: InstalmentRow[];
  offer: { discountBps: number; kind: OfferKind };
  case: {
    id: string;
    reference: string;
    currency: string;
    policyVersionId: string;
    debtor: { timeZone: string };
    conversation: { id: string } | null;
  };
}

export interface PromisesStore {
  /** Idempotent on (caseId, externalRef): a repeat returns the first payment and changes nothing. */
  recordPayment(input: NewPayment): Promise<RecordPaymentResult>;
  /** Active promises with their instalments and what a review needs to know about the case. */
  underWatch(): Promise<WatchedPromise[]>;
  markKept(promiseId: string, at: Date): Promise<{ changed: boolean; caseClosed: boolean }>;
  /** Breaks an active promise once, opens a broken_promise escalation; null when no longer active. */
  markBroken(input: {
    promiseId: string;
    missedInstalmentIds: string[];
    at: Date;
    summary: Record<string, unknown>;
    state?: unknown;
  }): Promise<{ escalationId: string; caseId: string } | null>;
}
