// The storage ports: what use cases ask of storage, as small interfaces in plain TypeScript types.
// server/db implements them (server/db/stores) by binding its queries to the database client; no
// Prisma client or type crosses this line (decision 0085, checked by server/architecture.test.ts).
import type { AuditStore, AuditTxStore } from "./audit.js";
import type { CasesStore } from "./cases.js";
import type { ChatStore } from "./chat.js";
import type {
  CaseSearchStore,
  EscalationsStore,
  KpisStore,
  NotesStore,
  PromisesStore,
  TakeoverStore,
} from "./console.js";
import type { ConversationsStore } from "./conversations.js";
import type { CreditorsStore } from "./creditors.js";
import type { JobsStore } from "./jobs.js";
import type { NegotiationStore } from "./negotiation.js";
import type { OutreachStore, OutreachTxStore } from "./outreach.js";
import type { DebtorPagesStore, InstructionsStore, PaymentsStore } from "./payments.js";
import type { PolicyVersionReader, PolicyVersionsStore } from "./policies.js";
import type { SessionsStore, TeamStore, UsersStore } from "./users.js";

export interface Stores {
  readonly audit: AuditStore;
  readonly cases: CasesStore;
  readonly caseSearch: CaseSearchStore;
  /** The debtor chat: sessions, the turn's reads and its one transaction. */
  readonly chat: ChatStore;
  readonly conversations: ConversationsStore;
  readonly creditors: CreditorsStore;
  readonly debtorPages: DebtorPagesStore;
  readonly instructions: InstructionsStore;
  readonly outreach: OutreachStore;
  readonly payments: PaymentsStore;
  readonly escalations: EscalationsStore;
  readonly kpis: KpisStore;
  readonly negotiation: NegotiationStore;
  readonly notes: NotesStore;
  readonly promises: PromisesStore;
  readonly takeover: TakeoverStore;
  readonly jobs: JobsStore;
  readonly policies: PolicyVersionsStore;
  readonly sessions: SessionsStore;
  readonly team: TeamStore;
  readonly users: UsersStore;
  /**
   * Runs `work` in one database transaction: the stores it receives write in that transaction, and
   * either all of it commits or none (a throw rolls back). `timeoutMs` bounds the transaction.
   */
  transaction<T>(work: (tx: TxStores) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
}

/** The stores bound to an open transaction: only operations that run inside the caller's transaction. */
export interface TxStores {
  readonly audit: AuditTxStore;
  readonly instructions: InstructionsStore;
  readonly outreach: OutreachTxStore;
  /** Policy versions read inside the transaction (a read on the root client would wait for it). */
  readonly policies: PolicyVersionReader;
}
