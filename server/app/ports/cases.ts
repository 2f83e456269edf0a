// The case store: creation with invoices and the first debtor link, lookup, detail, links, transcript.
import type { NewCaseRecord } from "../../db/cases.js";
import type {
  CaseRow,
  CreditorRow,
  DebtorAccessTokenRow,
  DebtorRow,
  EscalationRow,
  InstalmentRow,
  InvoiceRow,
  JsonValue,
  MessageRole,
  OfferRow,
  PaymentRow,
  PolicyVersionRow,
  PromiseToPayRow,
} from "./rows.js";

export type { NewCaseRecord };

/** A case with everything the collector's case page shows. */
export interface CaseDetail extends CaseRow {
  creditor: CreditorRow;
  debtor: DebtorRow;
  invoices: InvoiceRow[];
  policyVersion: Pick<PolicyVersionRow, "id" | "packId" | "hash" | "status">;
  offers: OfferRow[];
  promises: (PromiseToPayRow & { instalments: InstalmentRow[] })[];
  escalations: (EscalationRow & { assignee: { id: string; email: string } | null })[];
  payments: PaymentRow[];
  tokens: DebtorAccessTokenRow[];
  conversation: {
    id: string;
    verifiedAt: Date | null;
    lockedAt: Date | null;
    humanOwnerId: string | null;
  } | null;
}

export interface Transcript {
  caseId: string;
  conversationId: string | null;
  messages: {
    id: string;
    seq: number;
    role: MessageRole;
    text: string;
    clientMessageId: string | null;
    offerId: string | null;
    quickReplies: JsonValue | null;
    meta: JsonValue;
    createdAt: string;
  }[];
  events: { id: string; messageId: string | null; kind: string; data: JsonValue; createdAt: string }[];
}

export interface CasesStore {
  findIdByReference(creditorName: string, reference: string): Promise<{ id: string } | null>;
  /** True when a case with this id exists. */
  exists(id: string): Promise<boolean>;
  insert(record: NewCaseRecord): Promise<string>;
  detail(id: string): Promise<CaseDetail | null>;
  /** Revokes every live link of the case and, when a new hash is given, issues a new one. */
  replaceDebtorLink(
    caseId: string,
    now: Date,
    actorId: string,
    next?: { tokenHash: string; expiresAt: Date },
  ): Promise<void>;
  transcript(caseId: string): Promise<Transcript | null>;
}
