// Why a case goes to a person. One list for the assistant's tool, the console, the evals and the
// web pages; the database enum (prisma/schema.prisma EscalationKind) holds the same values.

/** What the assistant (either language layer) may open. */
export const ASSISTANT_ESCALATION_KINDS = [
  "dispute",
  "already_paid",
  "vulnerability",
  "hardship",
  "human_request",
  "stop_request",
  "surendettement",
  "breathing_space",
  "bankruptcy",
  "attorney",
  "identity",
  "time_barred",
  "counter_offer",
  "third_party",
  "abuse",
] as const;

/** Every kind, including what the system opens on its own: a promise broken by time. */
export const ESCALATION_KINDS = [...ASSISTANT_ESCALATION_KINDS, "broken_promise"] as const;

export type AssistantEscalationKind = (typeof ASSISTANT_ESCALATION_KINDS)[number];
export type EscalationKindName = (typeof ESCALATION_KINDS)[number];
