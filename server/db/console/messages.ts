// Staff-side conversation writes inside a caller's transaction: lock the conversation row (the same
// lock a chat turn's claim takes, so an assistant reply in flight and a takeover are serialised), and
// insert agent or system messages with the next sequence number.
import type { Prisma as P } from "../generated/client.js";

export interface LockedConversation {
  readonly id: string;
  readonly caseId: string;
  readonly humanOwnerId: string | null;
  readonly verifiedAt: Date | null;
  readonly lockedAt: Date | null;
  readonly state: unknown;
}

/**
 * Takes the row lock on the conversation for the rest of the transaction, before any other row of
 * its case: a turn's commit takes it first, so every writer that also touches the case's offers,
 * promise or status must too, or two of them can deadlock.
 */
export async function lockConversationRow(tx: P.TransactionClient, conversationId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT id FROM "Conversation" WHERE id = $1 FOR UPDATE`, conversationId);
}

/** Takes the row lock on the conversation (lockConversationRow) and reads it. */
export async function lockConversation(
  tx: P.TransactionClient,
  conversationId: string,
): Promise<LockedConversation> {
  await lockConversationRow(tx, conversationId);
  return tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { id: true, caseId: true, humanOwnerId: true, verifiedAt: true, lockedAt: true, state: true },
  });
}

export interface StaffMessage {
  readonly role: "agent" | "system";
  readonly text: string;
  readonly authorId?: string | undefined;
  readonly clientMessageId?: string | undefined;
  readonly offerId?: string | undefined;
  readonly meta?: Record<string, unknown>;
}

/** Inserts a message; the caller holds the conversation lock (lockConversation). */
export async function insertStaffMessage(
  tx: P.TransactionClient,
  conversationId: string,
  message: StaffMessage,
) {
  const last = await tx.message.findFirst({
    where: { conversationId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return tx.message.create({
    data: {
      conversationId,
      seq: (last?.seq ?? 0) + 1,
      role: message.role,
      text: message.text,
      clientMessageId: message.clientMessageId ?? null,
      offerId: message.offerId ?? null,
      meta: (message.meta ?? {}) as P.InputJsonValue,
      authorId: message.authorId ?? null,
    },
    include: { offer: true },
  });
}

export async function insertEvent(
  tx: P.TransactionClient,
  conversationId: string,
  kind: string,
  data: Record<string, unknown>,
  messageId?: string,
) {
  return tx.conversationEvent.create({
    data: { conversationId, kind, data: data as P.InputJsonValue, messageId: messageId ?? null },
  });
}
