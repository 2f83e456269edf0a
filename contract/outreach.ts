// HTTP bodies of the console's outreach views: a case's reminder sequence, the outbox and its
// filters, one message in full, the to-do tasks.
import { z } from "zod";

const instant = z.iso.datetime();
export const OUTREACH_CHANNELS = ["email", "sms", "letter", "task"] as const;

export const outreachMessage = z.object({
  id: z.string(),
  stepKey: z.string(),
  kind: z.string(),
  channel: z.enum(OUTREACH_CHANNELS),
  templateId: z.string(),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.string(),
  transport: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
  /** In the outbox and the tasks (not in a case's own sequence). */
  caseId: z.string().optional(),
  reference: z.string().optional(),
  creditor: z.string().optional(),
});
export type OutreachMessage = z.infer<typeof outreachMessage>;

export const outreachSequence = z.object({
  status: z.string(),
  reason: z.string().nullable(),
  nextRunAt: instant.nullable(),
  nextStep: z
    .object({ id: z.string(), channel: z.string(), tone: z.string(), date: z.iso.date() })
    .nullable(),
  emailOptOutAt: instant.nullable(),
  smsOptOutAt: instant.nullable(),
  lastOpenedAt: instant.nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      day: z.number().int(),
      channel: z.string(),
      tone: z.string(),
      template: z.string(),
    }),
  ),
  messages: z.array(outreachMessage),
});
export type OutreachSequence = z.infer<typeof outreachSequence>;

export const outreachDetail = outreachMessage.extend({ text: z.string(), html: z.string().nullable() });
export type OutreachDetail = z.infer<typeof outreachDetail>;

/** GET /api/outreach/messages (the outbox) and GET /api/outreach/tasks */
export const outbox = z.object({ messages: z.array(outreachMessage) });
export type Outbox = z.infer<typeof outbox>;

/** GET /api/outreach/messages?status=&channel=&kind=&caseId=&limit= */
export const outboxFilters = z
  .object({
    status: z
      .enum(["queued", "sending", "sent", "failed", "cancelled", "skipped", "to_post", "open", "done"])
      .optional(),
    channel: z.enum(["email", "sms", "letter", "task"]).optional(),
    kind: z.string().max(40).optional(),
    caseId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
