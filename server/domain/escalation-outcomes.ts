// How an escalation ends. One list for the console's resolve form, its request schema and the
// resolution plan (server/app/console/escalations.ts), plus the outcomes no person chooses: the
// debtor taking back a misunderstood escalation (decision 0099).
export const OUTCOMES = [
  "dispute_upheld",
  "dispute_rejected",
  "payment_found",
  "plan_agreed",
  "no_action",
  "other",
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** The debtor took a misunderstood escalation back before a person picked it up (decision 0099). */
export const WITHDRAWN_BY_DEBTOR = "withdrawn_by_debtor";

/** Outcomes written by the system, never offered in the resolve form. */
export const SYSTEM_OUTCOMES = [WITHDRAWN_BY_DEBTOR] as const;

/** Every outcome an escalation card may show. */
export const ALL_OUTCOMES = [...OUTCOMES, ...SYSTEM_OUTCOMES] as const;
export type AnyOutcome = (typeof ALL_OUTCOMES)[number];
