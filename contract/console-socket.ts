// The collector console on socket.io namespace /console (docs/console.md "Live updates"): what the
// page sends (join or leave a case's room, with an ack) and every event the server pushes.
import { z } from "zod";
import { escalationCard } from "./console-escalations.js";
import { ackError, wireMessage } from "./debtor-socket.js";
import { CASE_STATUSES, ESCALATION_KINDS, ESCALATION_STATUSES } from "./enums.js";

export const CONSOLE_NAMESPACE = "/console";

// ---- client to server -------------------------------------------------------------------------

/** `console:join_case` and `console:leave_case` */
export const caseRoomInput = z.strictObject({ caseId: z.uuid("must be a case id") });
export type CaseRoomInput = z.infer<typeof caseRoomInput>;

export const caseRoomAck = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), caseId: z.string() }),
  z.object({ ok: z.literal(false), error: ackError }),
]);
export type CaseRoomAck = z.infer<typeof caseRoomAck>;

// ---- server to client -------------------------------------------------------------------------

/** A message as the console sees it: the debtor's wire shape plus what the transcript keeps beside. */
export const staffMessage = wireMessage.extend({ meta: z.unknown() });
export type StaffWireMessage = z.infer<typeof staffMessage>;

export const escalationOpenedEvent = z.object({
  caseId: z.string(),
  escalationId: z.string(),
  kind: z.enum(ESCALATION_KINDS),
  escalation: escalationCard,
});
export const escalationUpdatedEvent = z.object({
  caseId: z.string(),
  escalationId: z.string(),
  status: z.enum(ESCALATION_STATUSES),
  escalation: escalationCard,
});
export const caseStatusEvent = z.object({ caseId: z.string(), status: z.enum(CASE_STATUSES) });
export const promiseUpdatedEvent = z.object({
  caseId: z.string(),
  promiseId: z.string(),
  status: z.string(),
});
/** Ids only: the page reloads the notes through the role-checked API. */
export const caseNoteEvent = z.object({ caseId: z.string(), noteId: z.string() });
/** Debtor messages and what people wrote (not the assistant's replies: those are in the case room). */
export const messageStoredEvent = z.object({
  caseId: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  role: wireMessage.shape.role,
  message: staffMessage,
});
/** In a case's room: every message the debtor sees, assistant replies included. */
export const caseMessageEvent = z.object({
  caseId: z.string(),
  conversationId: z.string(),
  message: wireMessage,
});
export const kpiRefreshEvent = z.object({ at: z.iso.datetime() });

export type EscalationOpenedEvent = z.infer<typeof escalationOpenedEvent>;
export type EscalationUpdatedEvent = z.infer<typeof escalationUpdatedEvent>;
export type CaseStatusEvent = z.infer<typeof caseStatusEvent>;
export type PromiseUpdatedEvent = z.infer<typeof promiseUpdatedEvent>;
export type CaseNoteEvent = z.infer<typeof caseNoteEvent>;
export type MessageStoredEvent = z.infer<typeof messageStoredEvent>;
export type CaseMessageEvent = z.infer<typeof caseMessageEvent>;
export type KpiRefreshEvent = z.infer<typeof kpiRefreshEvent>;

/** Every event the server pushes on /console, by name (socket.io's typed events). */
export interface ConsoleServerEvents {
  "escalation.opened"(e: EscalationOpenedEvent): void;
  "escalation.updated"(e: EscalationUpdatedEvent): void;
  "case.status"(e: CaseStatusEvent): void;
  "promise.updated"(e: PromiseUpdatedEvent): void;
  "case.note"(e: CaseNoteEvent): void;
  "message.stored"(e: MessageStoredEvent): void;
  "case.message"(e: CaseMessageEvent): void;
  "kpi.refresh"(e: KpiRefreshEvent): void;
}
export type ConsoleEventName = keyof ConsoleServerEvents;
export type ConsoleEventPayload<N extends ConsoleEventName> = Parameters<ConsoleServerEvents[N]>[0];

export interface ConsoleClientEvents {
  "console:join_case"(payload: CaseRoomInput, ack: (a: CaseRoomAck) => void): void;
  "console:leave_case"(payload: CaseRoomInput, ack: (a: CaseRoomAck) => void): void;
}

/** Each pushed event's schema, by name: test clients parse what they receive with it. */
export const consoleEventSchemas = {
  "escalation.opened": escalationOpenedEvent,
  "escalation.updated": escalationUpdatedEvent,
  "case.status": caseStatusEvent,
  "promise.updated": promiseUpdatedEvent,
  "case.note": caseNoteEvent,
  "message.stored": messageStoredEvent,
  "case.message": caseMessageEvent,
  "kpi.refresh": kpiRefreshEvent,
} as const satisfies Record<ConsoleEventName, z.ZodType>;
