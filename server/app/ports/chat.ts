// The debtor chat's storage (decision 0085; the turn itself: decision 0001): open a session from a
// link, read what a turn needs in one statement, store a debtor message once, and write a turn in
// one transaction through `ChatStore.turn`, whose handle (`TurnTxStore`) is the only way to write
// inside it. Plain types only: server/db/stores/chat.ts binds them to the database.
import type { CHAT_CASE_STATUSES } from "../../domain/case-statuses.js";
import type { EscalationKind, InstalmentRow, MessageRow, OfferRow, PromiseToPayRow } from "./rows.js";

export type CaseStatus = (typeof CHAT_CASE_STATUSES)[number];

export interface TurnOfferRow {
  readonly id: string;
  readonly kind: "full" | "plan" | "settlement";
  readonly status: string;
  readonly total: bigint;
  readonly currency: string;
  readonly terms: unknown;
  readonly instalments: unknown;
  readonly policyVersionId: string;
  readonly source: string;
  readonly expiresAt: Date;
  readonly createdAt: Date;
}

/** What a chat turn reads of its case (no collector-side relations). */
export interface TurnCase {
  readonly id: string;
  readonly reference: string;
  readonly jurisdiction: "FR" | "US" | "UK";
  readonly usState: string | null;
  readonly currency: string;
  readonly status: CaseStatus;
  readonly policyVersionId: string;
  readonly verificationQuestion: string | null;
  readonly verificationAnswer: string | null;
  readonly creditor: { readonly name: string };
  readonly debtor: {
    readonly name: string;
    readonly kind: "business" | "consumer";
    readonly locale: "fr" | "en";
    readonly timeZone: string;
  };
  readonly invoices: readonly { number: string; issuedAt: Date; dueAt: Date; amount: bigint }[];
  readonly offers: readonly TurnOfferRow[];
  readonly payments: readonly { amount: bigint }[];
}

/** The conversation row as a turn reads it; `version` changes with every update of the row. */
export interface TurnConversation {
  readonly id: string;
  readonly state: unknown;
  readonly verifyAttempts: number;
  readonly verifiedAt: Date | null;
  readonly lockedAt: Date | null;
  readonly humanOwnerId: string | null;
  readonly answeredSeq: number;
  readonly version: number;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly role: "assistant" | "debtor" | "agent" | "system";
  readonly text: string;
}

/** A stored message as the debtor's page shows it: what its wire form (app/chat/wire.ts) needs. */
export interface HistoryMessage
  extends Pick<MessageRow, "id" | "seq" | "role" | "text" | "createdAt" | "quickReplies" | "meta"> {
  readonly offer: Pick<
    OfferRow,
    "id" | "kind" | "total" | "currency" | "instalments" | "expiresAt" | "status"
  > | null;
}

/**
 * The comment that opens the SQL of `openConnection` and `history`: the benchmark's statement count
 * (scripts/bench/chat-server.ts) and the statement-count tests tell a connection's work by it.
 */
export const CONNECTION_STATEMENT_TAG = "/* amiable:debtor-connection */";

/** The whole conversation shown to the debtor, and the case's status. */
export interface DebtorHistory {
  /** Every message of the conversation, in order, with the offer each shows. */
  readonly messages: HistoryMessage[];
  readonly status: string;
  /** The last debtor message a turn answered (the conversation's answeredSeq). */
  readonly answeredSeq: number;
  /** A turn's whole context, read with the view when asked for (decision 0112). */
  readonly context?: TurnContextRow;
}

/** What opening a debtor link reads and writes (decision 0105), for a live link only. */
export interface DebtorConnection {
  readonly tokenId: string;
  readonly caseId: string;
  readonly locale: "fr" | "en";
  /** The case's conversation, created on the first visit. */
  readonly conversation: { readonly id: string; readonly lockedAt: Date | null };
  /** Read with the same statement when asked for, otherwise null. */
  readonly history: DebtorHistory | null;
}

/** How many of the last messages a turn reads as its history. */
export const HISTORY_SIZE = 12;

export interface TurnContextRow {
  readonly case: TurnCase;
  readonly caseFingerprint: string;
  readonly conversation: TurnConversation;
  /** The highest message number of the conversation (0 when it has none). */
  readonly lastSeq: number;
  readonly lastDebtor: { seq: number; text: string } | null;
  readonly history: HistoryEntry[];
}

export interface StoredDebtorMessage {
  readonly id: string;
  readonly seq: number;
  readonly text: string;
  readonly createdAt: Date;
  /** The conversation as it was when the message was stored, and its last messages before it. */
  readonly conversation: TurnConversation;
  readonly history: HistoryEntry[];
  /** A turn's whole context read after the message, when the store was given the case (decision 0112). */
  readonly context?: TurnContextRow;
}

export interface RepeatedMessage {
  readonly id: string;
  readonly seq: number;
  readonly role: string;
  readonly text: string;
  readonly answeredSeq: number;
  readonly lastSeq: number;
}

export type StoreDebtorMessageResult =
  | { created: true; message: StoredDebtorMessage }
  | { created: false; message: RepeatedMessage };

/** What a turn claims: the debtor message it answers (seq), or the greeting of an empty conversation. */
export type TurnClaim =
  | { readonly kind: "answer"; readonly seq: number }
  | { readonly kind: "greeting" }
  | { readonly kind: "action" };

export interface ConversationWrite {
  readonly state: unknown;
  readonly verifyAttempts: number;
  readonly verifiedAt: Date | null;
  readonly lockedAt: Date | null;
}

export type ClaimResult =
  | { readonly status: "claimed"; readonly humanOwnerId: string | null; readonly version: number }
  /** Already answered (or greeted) by another turn: this one must write nothing. */
  | { readonly status: "answered" }
  /** The conversation or the case changed since the turn read them: read again and rerun. */
  | { readonly status: "stale" };

export interface ClaimInput {
  readonly conversationId: string;
  readonly caseId: string;
  readonly claim: TurnClaim;
  /** The version of the conversation the turn read. */
  readonly version: number;
  /** The case fingerprint the turn read; null when the turn read no case data to check. */
  readonly caseFingerprint: string | null;
  readonly write: ConversationWrite;
}

/** What an offer says, however it is recorded (within a turn, or on its own: ports/negotiation.ts). */
export interface OfferTerms {
  readonly kind: "full" | "plan" | "settlement";
  readonly total: number;
  readonly currency: string;
  readonly discountBps: number;
  readonly instalments: readonly { dueDate: string; amount: number }[];
  readonly terms: Record<string, unknown>;
  readonly rule: string;
  readonly policyVersionId: string;
  readonly source: "engine" | "collector";
  readonly expiresAt: Date;
}

export interface OfferWrite extends OfferTerms {
  readonly id: string;
  readonly status: "proposed" | "superseded" | "declined";
}

export interface MessageWrite {
  readonly id: string;
  readonly role: "assistant" | "debtor" | "agent" | "system";
  readonly text: string;
  readonly clientMessageId?: string | undefined;
  readonly offerId?: string | undefined;
  readonly quickReplies?: readonly string[] | undefined;
  readonly meta?: Record<string, unknown>;
}

export interface EventWrite {
  readonly kind: string;
  readonly data: Record<string, unknown>;
  readonly messageId?: string | undefined;
}

export interface TurnWrites {
  readonly conversationId: string;
  readonly caseId: string;
  /** Messages in order (numbered after the conversation's last one). */
  readonly messages: readonly MessageWrite[];
  readonly events: readonly EventWrite[];
  /** Offers this turn made (the last one open, earlier ones superseded). */
  readonly offers: readonly OfferWrite[];
  /** Open offers the debtor declined. */
  readonly declined: readonly string[];
  /** Other open offers of the case become superseded (a new offer was made). */
  readonly supersedeOpen: boolean;
  readonly caseStatus: CaseStatus | null;
  readonly cancelPromiseId: string | null;
  readonly now: Date;
}

export interface WrittenMessage {
  readonly id: string;
  readonly seq: number;
  readonly createdAt: Date;
}

export interface OpenEscalationRow {
  readonly id: string;
  readonly kind: string;
  readonly status: "open" | "assigned" | "resolved";
  readonly assigneeId: string | null;
  readonly createdAt: Date;
  readonly summary: unknown;
}

export interface AcceptOfferInput {
  readonly offerId: string;
  readonly caseId: string;
  readonly obtainedBy: "assistant" | "human";
  readonly at: Date;
  readonly actor: string;
  readonly promiseId?: string;
}

export interface PromiseWithInstalments extends PromiseToPayRow {
  instalments: InstalmentRow[];
}

export interface OpenEscalationInput {
  readonly id?: string;
  readonly caseId: string;
  readonly kind: EscalationKind;
  readonly summary: Record<string, unknown>;
}

export interface WithdrawEscalationInput {
  readonly id: string;
  readonly caseId: string;
  readonly conversationId: string;
  readonly kind: string;
  readonly words: string;
  readonly at: Date;
  /** The assistant's reply written with the turn, which the transcript event is tied to. */
  readonly messageId?: string | undefined;
}

/** The writes of one turn, inside its transaction (the handle `ChatStore.turn` hands the work). */
export interface TurnTxStore {
  /**
   * The turn's first statement: locks the conversation, checks that nothing changed since the turn
   * read it and that its message is not answered yet, writes the conversation's new state.
   */
  claim(input: ClaimInput): Promise<ClaimResult>;
  /** Offers, messages, events, case status and a withdrawn promise, in one statement. */
  write(writes: TurnWrites): Promise<WrittenMessage[]>;
  /** Turns an open offer into a promise; null when the offer was no longer open. */
  acceptOffer(input: AcceptOfferInput): Promise<PromiseWithInstalments | null>;
  /** Opens an escalation: open offers closed, case escalated, audited. */
  openEscalation(input: OpenEscalationInput): Promise<{ id: string }>;
  /** Withdraws a still open, unassigned escalation; false when it no longer can be. */
  withdrawEscalation(input: WithdrawEscalationInput): Promise<boolean>;
}

/** A plain turn's commit: the claim, the messages written and, when claimed, the case's version after it. */
export interface PlainTurnCommitted {
  readonly claim: ClaimResult;
  readonly written: WrittenMessage[];
  /** The case's data version (its fingerprint) after the turn's writes; absent when nothing was claimed. */
  readonly caseFingerprint?: string;
}

/** A turn with no writes of its own: its claim and writes, for the one statement that does both. */
export interface PlainTurnCommit {
  readonly claim: ClaimInput;
  /** What the turn writes. */
  readonly free: TurnWrites;
  /** What it writes instead when a person owns the conversation at commit (the reply withheld). */
  readonly owned: TurnWrites;
}

/** A debtor message and the turn prepared to answer it, for the one statement that stores and commits both. */
export interface StoreAndAnswer {
  readonly clientMessageId: string;
  readonly text: string;
  /** The turn, claiming the number the message is expected to take (`claim.claim.seq`). */
  readonly commit: PlainTurnCommit;
}

/**
 * The message as stored (or the first one, for a repeat) and, when it took the expected number, the
 * turn's commit. Without `commit` nothing of the turn was written.
 */
export interface StoredAndAnswered {
  readonly stored: StoreDebtorMessageResult;
  readonly commit?: PlainTurnCommitted;
}

export interface ChatStore {
  /**
   * Opens the live debtor link with this hash, in one statement (decision 0105): records its last
   * use, creates the case's conversation on the first visit, reads the debtor's language and, when
   * asked, the conversation as shown to the debtor. Null when the link is unknown, revoked or expired.
   */
  openConnection(
    tokenHash: string,
    now: Date,
    /** "history": the conversation as shown to the debtor too; "context": and a turn's whole context. */
    read: "link" | "history" | "context",
  ): Promise<DebtorConnection | null>;
  /**
   * The conversation shown to the debtor and the case's status, in one statement (throws when the
   * case does not exist); with `withContext`, a turn's whole context as well.
   */
  history(caseId: string, conversationId: string, withContext?: boolean): Promise<DebtorHistory>;
  /** Everything a turn reads, in one statement: the case, its fingerprint, the conversation. */
  turnContext(caseId: string, conversationId: string): Promise<TurnContextRow | null>;
  /**
   * Stores a debtor message once per clientMessageId (with what the turn needs of the conversation,
   * and its whole context when given the case); a repeat returns the first.
   */
  storeDebtorMessage(
    conversationId: string,
    clientMessageId: string,
    text: string,
    caseId?: string,
  ): Promise<StoreDebtorMessageResult>;
  /** A message stored earlier under this clientMessageId, with what is known of its answer. */
  findByClientMessageId(conversationId: string, clientMessageId: string): Promise<RepeatedMessage | null>;
  findOffer(id: string): Promise<OfferRow | null>;
  /** Moves an offer from one status to another; false when it was no longer in `from`. */
  setOfferStatus(id: string, from: "proposed", to: "declined" | "expired" | "superseded"): Promise<boolean>;
  /** The case's newest active promise with its instalments, or null. */
  activePromise(caseId: string): Promise<PromiseWithInstalments | null>;
  /** The case's unresolved escalations, newest first. */
  unresolvedEscalations(caseId: string): Promise<OpenEscalationRow[]>;
  /** Runs `work` in one transaction: every write through the handle commits, or none (a throw rolls back). */
  turn<T>(work: (tx: TurnTxStore) => Promise<T>): Promise<T>;
  /**
   * Claims and writes a turn with no writes of its own in one statement (no transaction to open
   * and close): all of it commits, or none; nothing is written unless the claim holds.
   */
  commitPlainTurn(input: PlainTurnCommit): Promise<PlainTurnCommitted>;
  /**
   * Stores a debtor message and commits the plain turn prepared for it in one statement (decision
   * 0116); the turn only if the message took the number the turn claims (no other came first).
   */
  storeAndAnswer(input: StoreAndAnswer): Promise<StoredAndAnswered>;
}
