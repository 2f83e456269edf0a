// How a person closes an escalation. One list for the console's resolve form, its request schema and
// the resolution plan (server/app/console/escalations.ts).
export const OUTCOMES = [
  "dispute_upheld",
  "dispute_rejected",
  "payment_found",
  "plan_agreed",
  "no_action",
  "other",
] as const;

export type Outcome = (typeof OUTCOMES)[number];
