// The console's names for the wire shapes: all from the contract module (contract/), never from the
// server's implementation, so the pages and the API cannot drift apart silently.
import { OUTCOMES as OUTCOME_VALUES, type Outcome } from "../../contract/enums.js";

export type {
  CaseList,
  CaseListItem,
  CaseView,
  Transcript,
  TranscriptEvent,
  TranscriptMessage,
} from "../../contract/console-cases.js";
export type { EscalationCard, EscalationList } from "../../contract/console-escalations.js";
export type { AuditPage, ImportReport, KpiFilters, KpiReport } from "../../contract/console-reports.js";
export type { SessionUser } from "../../contract/console-team.js";
export type { StaffRole as Role } from "../../contract/enums.js";
export { CASE_STATUSES, ESCALATION_KINDS } from "../../contract/enums.js";

const OUTCOME_LABELS: Record<Outcome, string> = {
  dispute_upheld: "Dispute upheld",
  dispute_rejected: "Dispute rejected",
  payment_found: "Payment found",
  plan_agreed: "Plan agreed by hand",
  no_action: "No action needed",
  other: "Other",
};

/** The resolve form's choices, in the contract's order, with their labels. */
export const OUTCOMES = OUTCOME_VALUES.map((o) => [o, OUTCOME_LABELS[o]] as const);
