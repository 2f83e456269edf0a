// Conversations outside the chat turn (the turn path has its own store): a case's conversation,
// its negotiation state as a collector's act or the promise review rewrites it, one stored message.
import type { ConversationRow, JsonValue, MessageRow, OfferRow } from "./rows.js";

/** A stored message with the offer it shows (the plan card). */
export interface MessageWithOffer extends MessageRow {
  offer: OfferRow | null;
}

export interface StaffMessage {
  readonly role: "agent" | "system";
  readonly text: string;
  readonly authorId?: string | undefined;
  readonly clientMessageId?: string | undefined;
  readonly offerId?: string | undefined;
  readonly meta?: Record<string, unknown>;
}

export interface ConversationsStore {
  /** The case's conversation, created when the debtor has not opened the link yet. */
  getOrCreate(caseId: string): Promise<ConversationRow>;
  /** The conversation of a case with its state, or null when none was started. */
  ofCase(caseId: string): Promise<{ id: string; state: JsonValue } | null>;
  /** The stored negotiation state, or null when the conversation does not exist. */
  state(conversationId: string): Promise<{ state: JsonValue } | null>;
  saveState(conversationId: string, state: unknown): Promise<void>;
  /** A system or agent message in its own transaction, under the conversation's row lock. */
  postStaffMessage(conversationId: string, message: StaffMessage): Promise<MessageWithOffer>;
}
