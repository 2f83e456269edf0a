// Response shapes, taken from the server's own use cases (types only: nothing of the server is
// bundled), so the console and the API cannot drift apart silently.
import type { caseView } from "../../server/app/cases/case-view.js";
import type { auditLog } from "../../server/app/console/audit.js";
import type { searchCases } from "../../server/app/console/case-search.js";
import type { ImportReport } from "../../server/app/console/csv-import.js";
import type { KpiReport, kpiFilters } from "../../server/app/console/kpis.js";
import type { getTranscript } from "../../server/db/transcript.js";
import { ESCALATION_KINDS } from "../../server/domain/escalation-kinds.js";

export type Role = "collector" | "policy_editor" | "admin";

export interface SessionUser {
  readonly id?: string;
  readonly email: string;
  readonly role: Role;
}

export type CaseView = ReturnType<typeof caseView>;
export type CaseList = Awaited<ReturnType<typeof searchCases>>;
export type CaseListItem = CaseList["items"][number];
export type Transcript = NonNullable<Awaited<ReturnType<typeof getTranscript>>>;
export type TranscriptMessage = Transcript["messages"][number];
export type TranscriptEvent = Transcript["events"][number];
export type { EscalationCard, EscalationList } from "../../contract/console-escalations.js";
export type { ImportReport, KpiReport };
export type AuditPage = Awaited<ReturnType<typeof auditLog>>;
export type KpiFilters = Awaited<ReturnType<typeof kpiFilters>>;

export interface WireMessage {
  readonly id: string;
  readonly role: "assistant" | "debtor" | "agent" | "system";
  readonly text: string;
  readonly createdAt: string;
  readonly offer?: {
    id: string;
    kind: string;
    total: number;
    currency: string;
    instalments: { dueDate: string; amount: number }[];
  };
}

export { ESCALATION_KINDS };

export const OUTCOMES = [
  ["dispute_upheld", "Dispute upheld"],
  ["dispute_rejected", "Dispute rejected"],
  ["payment_found", "Payment found"],
  ["plan_agreed", "Plan agreed by hand"],
  ["no_action", "No action needed"],
  ["other", "Other"],
] as const;

export const CASE_STATUSES = ["verifying", "negotiating", "promised", "escalated", "closed"] as const;
