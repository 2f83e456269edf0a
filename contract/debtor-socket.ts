// The debtor chat on socket.io namespace /debtor (README "Debtor chat (socket.io)"): what the page
// sends (events with an ack), what the server pushes (`message`, `state`) and the handshake refusal.
// Zod schemas with their inferred types; the server parses what it receives with them and builds
// what it sends as these types, the page, the test client and the evals' simulated debtor read them.
import { z } from "zod";
import { safeString } from "../server/validation/user-text.js";
import {
  CHAT_CASE_STATUSES,
  DEBTOR_ACTION_TYPES,
  MAX_MESSAGE_LENGTH,
  MESSAGE_ROLES,
  OFFER_KINDS,
} from "./enums.js";

// ---- client to server -------------------------------------------------------------------------

/** The page's id of a message, so that a resend after a lost ack is stored once. */
export const clientMessageId = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[\w.:-]+$/, "may hold letters, digits, '-', '_', '.', ':' only");

/** `debtor:message` */
export const debtorMessageInput = z.strictObject({
  clientMessageId,
  text: safeString({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
});
export type DebtorMessageInput = z.infer<typeof debtorMessageInput>;

/** `debtor:action` */
export const debtorActionInput = z
  .strictObject({
    clientMessageId,
    type: z.enum(DEBTOR_ACTION_TYPES),
    offerId: z.uuid("must be an offer id").optional(),
  })
  .refine((a) => a.type === "request_human" || a.offerId !== undefined, {
    message: "is required for accept_offer and decline_offer",
    path: ["offerId"],
  });
export type DebtorActionInput = z.infer<typeof debtorActionInput>;

export const ackError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AckError = z.infer<typeof ackError>;

/** The answer to every client event: the stored message's id, or why it was refused. */
export const debtorAck = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), id: z.string() }),
  z.object({ ok: z.literal(false), error: ackError }),
]);
export type Ack = z.infer<typeof debtorAck>;

// ---- server to client -------------------------------------------------------------------------

export const instalment = z.object({ dueDate: z.iso.date(), amount: z.number().int() });
export type WireInstalment = z.infer<typeof instalment>;

/** An offer as the debtor sees it: money in integer minor units of `currency`. */
export const wireOffer = z.object({
  id: z.string(),
  kind: z.enum(OFFER_KINDS),
  total: z.number().int(),
  currency: z.string().length(3),
  instalments: z.array(instalment).readonly(),
  expiresAt: z.iso.datetime(),
  /** proposed, accepted, declined, expired, superseded... */
  status: z.string().optional(),
});
export type WireOffer = z.infer<typeof wireOffer>;

/** `message`: one message of the conversation, sent with the history and live. */
export const wireMessage = z.object({
  id: z.string(),
  role: z.enum(MESSAGE_ROLES),
  text: z.string(),
  createdAt: z.iso.datetime(),
  offer: wireOffer.optional(),
  quickReplies: z.array(z.string()).readonly().optional(),
  /** On a system message a person's action wrote (takeover, handback, resolved_…): which one. */
  notice: z.string().optional(),
});
export type WireMessage = z.infer<typeof wireMessage>;

/** `state`: the case's status, after the history and on every change. */
export const debtorState = z.object({ status: z.enum(CHAT_CASE_STATUSES) });
export type DebtorState = z.infer<typeof debtorState>;

/**
 * The handshake's `auth`: the link's secret (checked by the session, which refuses anything else)
 * and, from a page that already shows the conversation (decision 0092), the id of its newest message.
 * A malformed `after` is ignored: the whole history is sent, as without it.
 */
export const debtorHandshakeAuth = z.object({
  token: z.unknown(),
  after: z.string().min(1).max(100).optional().catch(undefined),
});

/** `connect_error`'s `data` when the handshake token is refused. */
export const handshakeRefusal = z.object({ code: z.string(), message: z.string() });
export type HandshakeRefusal = z.infer<typeof handshakeRefusal>;

export const DEBTOR_NAMESPACE = "/debtor";
export const DEBTOR_CLIENT_EVENTS = ["debtor:message", "debtor:action"] as const;

/** socket.io's typed events for the namespace (`Namespace<DebtorClientEvents, DebtorServerEvents>`). */
export interface DebtorServerEvents {
  message(message: WireMessage): void;
  state(state: DebtorState): void;
}
export interface DebtorClientEvents {
  "debtor:message"(payload: DebtorMessageInput, ack: (a: Ack) => void): void;
  "debtor:action"(payload: DebtorActionInput, ack: (a: Ack) => void): void;
}
