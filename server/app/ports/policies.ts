// Policy versions (decision 0060): seeding from policies/, drafts, publication, the studio's reads,
// and the past conversations a simulation replays.
import type { AuditEntry } from "./audit.js";
import type {
  CaseRow,
  ConversationRow,
  CreditorRow,
  DebtorRow,
  InvoiceRow,
  OfferRow,
  PaymentRow,
  PolicyVersionRow,
  PolicyVersionStatus,
} from "./rows.js";

export interface ReplayConversation extends ConversationRow {
  case: CaseRow & {
    creditor: CreditorRow;
    debtor: DebtorRow;
    invoices: InvoiceRow[];
    offers: OfferRow[];
    payments: PaymentRow[];
  };
  messages: { text: string; createdAt: Date }[];
}

/** A version by id (inside a transaction, its handle: see TxStores). */
export interface PolicyVersionReader {
  get(id: string): Promise<PolicyVersionRow | null>;
}

export interface PolicyVersionsStore extends PolicyVersionReader {
  /** Seeds a pack's content read from policies/ at boot (see db/policy-versions.ts). */
  registerPackContent(pack: {
    packId: string;
    hash: string;
    content: string;
  }): Promise<{ id: string; status: string; created: boolean }>;
  published(packId: string): Promise<PolicyVersionRow | null>;
  /** The published version of every pack (one small query). */
  publishedStamps(): Promise<{ id: string; packId: string }[]>;
  find(packId: string, hash: string): Promise<PolicyVersionRow | null>;
  packIds(): Promise<string[]>;
  listOfPack(packId: string): Promise<(PolicyVersionRow & { author: { email: string } | null })[]>;
  createDraft(draft: {
    packId: string;
    hash: string;
    content: string;
    authorId: string;
    basedOnId: string | null;
  }): Promise<PolicyVersionRow>;
  /** Publishes a version and archives the pack's current one, in one transaction with the audit row. */
  publish(args: {
    id: string;
    packId: string;
    note?: string;
    approvedById?: string;
    now: Date;
    audit: AuditEntry;
  }): Promise<PolicyVersionRow>;
  /** Changes a version's status (and note) in one transaction with the audit row. */
  setStatus(
    id: string,
    change: { status: PolicyVersionStatus; note?: string },
    audit: AuditEntry,
  ): Promise<void>;
  /** Conversations of the pack's cases with a debtor message since `since`, with their debtor messages. */
  conversationsToReplay(packId: string, since: Date, limit: number): Promise<ReplayConversation[]>;
}
