// The case store: creation with invoices and the first debtor link, lookup, detail, links, transcript.
import type {
  CaseRow,
  CreditorRow,
  DebtorAccessTokenRow,
  DebtorRow,
  EscalationRow,
  InstalmentRow,
  InvoiceRow,
  Locale,
  OfferRow,
  PaymentRow,
  PolicyVersionRow,
  PromiseToPayRow,
} from "./rows.js";

export interface NewCaseRecord {
  readonly reference: string;
  readonly creditor: { name: string };
  /** Creditor settings columns sent with the case (contact, payment): applied to a new or existing creditor. */
  readonly creditorSettings: Record<string, string | null>;
  /** The ISO 11649 reference the debtor quotes on a transfer. */
  readonly paymentReference: string;
  readonly debtor: {
    name: string;
    kind: "business" | "consumer";
    email?: string | undefined;
    phone?: string | undefined;
    locale: "fr" | "en";
    timeZone: string;
  };
  readonly jurisdiction: "FR" | "US" | "UK";
  readonly usState?: string | undefined;
  readonly currency: string;
  readonly invoices: readonly { number: string; issuedAt: string; dueAt: string; amount: number }[];
  readonly verificationQuestion?: string | undefined;
  readonly verificationAnswerHash?: string | undefined;
  readonly policyPackId: string;
  readonly policyVersionId: string;
  readonly tokenHash: string;
  readonly tokenExpiresAt: Date;
  readonly createdById?: string | undefined;
}

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

/** GET /api/cases/:id/transcript, as the contract declares it. */
export type { Transcript } from "../../../contract/console-cases.js";

import type { Transcript } from "../../../contract/console-cases.js";

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
  /** The case's id and debtor language, or null when there is no such case. */
  debtorLocale(caseId: string): Promise<{ id: string; debtor: { locale: Locale } } | null>;
}
