// The escalation queue's card, as GET /api/escalations lists it, the assign and resolve routes answer
// it, and the /console socket carries it with escalation.opened / escalation.updated.
import { z } from "zod";
import { ALL_OUTCOMES, CASE_STATUSES, ESCALATION_KINDS, ESCALATION_STATUSES } from "./enums.js";
import { paged } from "./paged.js";

const isoInstant = z.iso.datetime();
const locale = z.enum(["fr", "en"]);
const debtorKind = z.enum(["business", "consumer"]);

export const escalationCard = z.object({
  id: z.string(),
  kind: z.enum(ESCALATION_KINDS),
  status: z.enum(ESCALATION_STATUSES),
  /** The handoff summary (JSON the toolbox or the promise review wrote; the page reads it defensively). */
  summary: z.unknown(),
  assignee: z.object({ id: z.string(), email: z.string() }).nullable(),
  outcome: z.enum(ALL_OUTCOMES).nullable(),
  note: z.string().nullable(),
  createdAt: isoInstant,
  resolvedAt: isoInstant.nullable(),
  case: z.object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    currency: z.string(),
    creditor: z.object({ name: z.string() }),
    debtor: z.object({ name: z.string(), kind: debtorKind, locale }),
    conversationId: z.string().nullable(),
    humanOwnerId: z.string().nullable(),
    /** The debtor's unanswered last message: when it was sent (the queue shows the wait). */
    debtorWaitingSince: isoInstant.nullable(),
  }),
});
export type EscalationCard = z.infer<typeof escalationCard>;

export const escalationList = paged(escalationCard);
export type EscalationList = z.infer<typeof escalationList>;
