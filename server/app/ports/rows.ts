// Plain row types, one per table, as the stores return them (columns only; a port adds the relations
// a query includes). Written from prisma/schema.prisma; a type check in server/db/stores/rows-check.ts
// fails the typecheck when a column changes, so they cannot drift. No Prisma type here: use cases
// never depend on the generated client.

export type JsonValue = string | number | boolean | JsonObject | JsonArray | null;
export type JsonObject = { [key in string]?: JsonValue };
export interface JsonArray extends Array<JsonValue> {}

export type Role = "collector" | "policy_editor" | "admin";
export type DebtorKind = "business" | "consumer";
export type Locale = "fr" | "en";
export type Jurisdiction = "FR" | "US" | "UK";
export type CaseStatus = "verifying" | "negotiating" | "promised" | "escalated" | "closed" | "handed_off";
export type MessageRole = "assistant" | "debtor" | "agent" | "system";
export type OfferKind = "full" | "plan" | "settlement";
export type OfferStatus = "proposed" | "accepted" | "declined" | "expired" | "superseded" | "pending_review";
export type PromiseStatus = "active" | "kept" | "broken" | "cancelled";
export type InstalmentStatus = "due" | "paid" | "partially_paid" | "missed";
export type ObtainedBy = "assistant" | "human";
export type EscalationKind =
  | "dispute"
  | "already_paid"
  | "vulnerability"
  | "hardship"
  | "human_request"
  | "stop_request"
  | "surendettement"
  | "breathing_space"
  | "bankruptcy"
  | "attorney"
  | "identity"
  | "time_barred"
  | "counter_offer"
  | "broken_promise"
  | "abuse"
  | "third_party";
export type EscalationStatus = "open" | "assigned" | "resolved";
export type PolicyVersionStatus = "draft" | "published" | "archived" | "awaiting_approval";
export type BackgroundJobStatus = "queued" | "running" | "succeeded" | "failed";

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuthSessionRow {
  id: string;
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface CreditorRow {
  id: string;
  name: string;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: Date;
  displayName: string | null;
  logoUrl: string | null;
  bankHolder: string | null;
  iban: string | null;
  bic: string | null;
  ukSortCode: string | null;
  ukAccountNumber: string | null;
  usRoutingNumber: string | null;
  usAccountNumber: string | null;
  paymentUrl: string | null;
  updatedAt: Date;
}

export interface DebtorRow {
  id: string;
  name: string;
  kind: DebtorKind;
  email: string | null;
  phone: string | null;
  locale: Locale;
  timeZone: string;
  createdAt: Date;
}

export interface CaseRow {
  id: string;
  reference: string;
  creditorId: string;
  debtorId: string;
  jurisdiction: Jurisdiction;
  usState: string | null;
  currency: string;
  principal: bigint;
  status: CaseStatus;
  policyPackId: string;
  policyVersionId: string;
  verificationQuestion: string | null;
  verificationAnswer: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  paymentReference: string | null;
  /** Raised by the database whenever what a chat turn reads of the case changes (decision 0114). */
  dataVersion: number;
}

export interface InvoiceRow {
  id: string;
  caseId: string;
  number: string;
  issuedAt: Date;
  dueAt: Date;
  amount: bigint;
}

export interface DebtorAccessTokenRow {
  id: string;
  caseId: string;
  tokenHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

export interface ConversationRow {
  id: string;
  caseId: string;
  state: JsonValue;
  verifyAttempts: number;
  verifiedAt: Date | null;
  lockedAt: Date | null;
  humanOwnerId: string | null;
  takenOverAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  answeredSeq: number;
  version: number;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  role: MessageRole;
  text: string;
  clientMessageId: string | null;
  offerId: string | null;
  quickReplies: JsonValue | null;
  meta: JsonValue;
  authorId: string | null;
  createdAt: Date;
}

export interface ConversationEventRow {
  id: string;
  conversationId: string;
  messageId: string | null;
  kind: string;
  data: JsonValue;
  createdAt: Date;
}

export interface OfferRow {
  id: string;
  caseId: string;
  kind: OfferKind;
  status: OfferStatus;
  total: bigint;
  currency: string;
  discountBps: number;
  instalments: JsonValue;
  terms: JsonValue;
  rule: string;
  policyVersionId: string;
  source: string;
  expiresAt: Date;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface PromiseToPayRow {
  id: string;
  caseId: string;
  offerId: string;
  status: PromiseStatus;
  total: bigint;
  currency: string;
  obtainedBy: ObtainedBy;
  acceptedAt: Date;
  brokenAt: Date | null;
  keptAt: Date | null;
  createdAt: Date;
}

export interface InstalmentRow {
  id: string;
  promiseId: string;
  seq: number;
  dueDate: Date;
  amount: bigint;
  paidAmount: bigint;
  paidAt: Date | null;
  status: InstalmentStatus;
}

export interface PaymentRow {
  id: string;
  caseId: string;
  instalmentId: string | null;
  amount: bigint;
  currency: string;
  paidAt: Date;
  externalRef: string | null;
  recordedById: string | null;
  createdAt: Date;
  source: string;
}

export interface EscalationRow {
  id: string;
  caseId: string;
  kind: EscalationKind;
  status: EscalationStatus;
  assigneeId: string | null;
  summary: JsonValue;
  outcome: string | null;
  note: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface PolicyVersionRow {
  id: string;
  packId: string;
  hash: string;
  status: PolicyVersionStatus;
  content: string;
  authorId: string | null;
  note: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  basedOnId: string | null;
  approvedById: string | null;
  approvedAt: Date | null;
}

export interface AuditLogRow {
  id: bigint;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

export interface JobLeaseRow {
  job: string;
  slot: bigint;
  holder: string;
  claimedAt: Date;
}

export interface BackgroundJobRow {
  id: string;
  kind: string;
  status: BackgroundJobStatus;
  progress: number;
  stage: string | null;
  input: JsonValue;
  result: JsonValue | null;
  error: string | null;
  policyVersionId: string | null;
  createdById: string | null;
  lockedBy: string | null;
  lockedAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface OutreachSequenceRow {
  id: string;
  caseId: string;
  status: string;
  reason: string | null;
  nextStepIndex: number;
  nextRunAt: Date | null;
  emailOptOutAt: Date | null;
  smsOptOutAt: Date | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutreachMessageRow {
  id: string;
  caseId: string;
  stepKey: string;
  kind: string;
  channel: string;
  templateId: string;
  recipient: string | null;
  subject: string | null;
  text: string;
  html: string | null;
  promiseId: string | null;
  status: string;
  transport: string | null;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  error: string | null;
  sentAt: Date | null;
  linkTokenId: string | null;
  unsubscribeTokenHash: string | null;
  createdAt: Date;
}

export interface StripeEventRow {
  id: string;
  type: string;
  caseId: string | null;
  outcome: string;
  paymentId: string | null;
  receivedAt: Date;
}

export interface StatementLineRow {
  id: string;
  importId: string;
  lineNo: number;
  bookedAt: Date;
  amount: bigint;
  currency: string;
  text: string;
  counterparty: string | null;
  bankRef: string | null;
  status: string;
  caseId: string | null;
  paymentId: string | null;
  note: string | null;
  importedById: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface UserInvitationRow {
  id: string;
  userId: string;
  purpose: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
}

export interface StaffMailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
}

export interface CaseNoteRow {
  id: string;
  caseId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}
