// The closed lists of values that cross a wire. Zod-free on purpose: the debtor page imports these
// values, and its bundle must not pull in zod for a constant. The domain owns the lists that it
// reasons about (escalation kinds, case statuses, outcomes); the contract re-exports them so that
// transports, web pages, evals and tests read them in one place.

export {
  CASE_STATUSES,
  type CaseStatusName as CaseStatus,
  CHAT_CASE_STATUSES,
} from "../server/domain/case-statuses.js";
export {
  ASSISTANT_ESCALATION_KINDS,
  type AssistantEscalationKind,
  ESCALATION_KINDS,
  type EscalationKindName as EscalationKind,
} from "../server/domain/escalation-kinds.js";
export {
  ALL_OUTCOMES,
  type AnyOutcome,
  OUTCOMES,
  type Outcome,
  SYSTEM_OUTCOMES,
} from "../server/domain/escalation-outcomes.js";

import type { CHAT_CASE_STATUSES } from "../server/domain/case-statuses.js";

/** A case status the debtor's page can be told (`state` event). */
export type ChatCaseStatus = (typeof CHAT_CASE_STATUSES)[number];

export const STAFF_ROLES = ["collector", "policy_editor", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const MESSAGE_ROLES = ["assistant", "debtor", "agent", "system"] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export const OFFER_KINDS = ["full", "plan", "settlement"] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const ESCALATION_STATUSES = ["open", "assigned", "resolved"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const DEBTOR_ACTION_TYPES = ["accept_offer", "decline_offer", "request_human"] as const;
export type DebtorActionType = (typeof DEBTOR_ACTION_TYPES)[number];

/** The longest debtor message, in UTF-16 units (the page's counter and the server's check). */
export const MAX_MESSAGE_LENGTH = 2000;
