// Conversation storage: messages (idempotent on clientMessageId), transcript events, state, and
// the hard lock: no assistant message is stored while a person owns the conversation.
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type MessageRow = P.MessageGetPayload<{ include: { offer: true } }>;

export async function getOrCreateConversation(prisma: Prisma, caseId: string) {
  const existing = await prisma.conversation.findUnique({ where: { caseId } });
  if (existing) return existing;
  try {
    return await prisma.conversation.create({ data: { caseId } });
  } catch {
    // Created concurrently by another connection of the same debtor.
    return prisma.conversation.findUniqueOrThrow({ where: { caseId } });
  }
}

export function getConversation(prisma: Prisma, id: string) {
  return prisma.conversation.findUniqueOrThrow({ where: { id } });
}

export function listMessages(prisma: Prisma, conversationId: string) {
  return prisma.message.findMany({
    where: { conversationId },
    orderBy: { seq: "asc" },
    include: { offer: true },
  });
}

export function recentMessages(prisma: Prisma, conversationId: string, take: number) {
  return prisma.message
    .findMany({
      where: { conversationId },
      orderBy: { seq: "desc" },
      take,
      select: { role: true, text: true },
    })
    .then((rows) => rows.reverse());
}

/**
 * Locks the conversation row (serialising writers: several sockets, several instances) and returns
 * the next message number and the person who owns the conversation, if any.
 */
async function lockForAppend(
  tx: P.TransactionClient,
  conversationId: string,
): Promise<{ seq: number; humanOwnerId: string | null }> {
  const rows = await tx.$queryRawUnsafe<{ humanOwnerId: string | null }[]>(
    `SELECT c."humanOwnerId" FROM "Conversation" c WHERE c.id = $1 FOR UPDATE`,
    conversationId,
  );
  const row = rows[0];
  if (!row) throw new Error(`conversation ${conversationId} not found`);
  // Read the last seq only once the lock is held, in a statement of its own: on PostgreSQL (read
  // committed) a subquery in the locking statement keeps the snapshot from before the wait, so two
  // appends that queued on the lock computed the same seq (a unique violation, an internal error).
  const last = await tx.$queryRawUnsafe<{ last: number | null }[]>(
    `SELECT max(m.seq) AS last FROM "Message" m WHERE m."conversationId" = $1`,
    conversationId,
  );
  return { seq: Number(last[0]?.last ?? 0) + 1, humanOwnerId: row.humanOwnerId };
}

export interface NewMessage {
  readonly role: "assistant" | "debtor" | "agent" | "system";
  readonly text: string;
  readonly clientMessageId?: string;
  readonly offerId?: string | undefined;
  readonly quickReplies?: readonly string[] | undefined;
  readonly meta?: Record<string, unknown>;
  readonly authorId?: string | undefined;
}

/**
 * Stores a debtor message once per clientMessageId. Returns the stored row and whether it is new;
 * a repeat returns the first row, so the client gets the same id back.
 */
export async function insertDebtorMessage(
  prisma: Prisma,
  conversationId: string,
  clientMessageId: string,
  text: string,
): Promise<{ message: MessageRow; created: boolean }> {
  const find = () =>
    prisma.message.findUnique({
      where: { conversationId_clientMessageId: { conversationId, clientMessageId } },
      include: { offer: true },
    });
  const existing = await find();
  if (existing) return { message: existing, created: false };
  try {
    const message = await prisma.$transaction(async (tx) => {
      const { seq } = await lockForAppend(tx, conversationId);
      return tx.message.create({
        data: { conversationId, seq, role: "debtor", text, clientMessageId },
        include: { offer: true },
      });
    });
    return { message, created: true };
  } catch (error) {
    const raced = await find();
    if (raced) return { message: raced, created: false };
    throw error;
  }
}

export class ConversationLockedError extends Error {
  constructor() {
    super("a person owns this conversation");
    this.name = "ConversationLockedError";
  }
}

/** Appends a message; assistant messages are refused while a person owns the conversation. */
export async function appendMessage(
  prisma: Prisma,
  conversationId: string,
  message: NewMessage,
): Promise<MessageRow> {
  return prisma.$transaction(async (tx) => {
    const { seq, humanOwnerId } = await lockForAppend(tx, conversationId);
    if (message.role === "assistant" && humanOwnerId) throw new ConversationLockedError();
    return tx.message.create({
      data: {
        conversationId,
        seq,
        role: message.role,
        text: message.text,
        clientMessageId: message.clientMessageId ?? null,
        offerId: message.offerId ?? null,
        quickReplies: message.quickReplies ? [...message.quickReplies] : undefined,
        meta: (message.meta ?? {}) as P.InputJsonValue,
        authorId: message.authorId ?? null,
      },
      include: { offer: true },
    });
  });
}

/** Several transcript events of one turn in a single insert. */
export async function addEvents(
  prisma: Prisma,
  conversationId: string,
  events: readonly { kind: string; data: Record<string, unknown>; messageId?: string | undefined }[],
): Promise<void> {
  if (events.length === 0) return;
  await prisma.conversationEvent.createMany({
    data: events.map((e) => ({
      conversationId,
      kind: e.kind,
      data: e.data as P.InputJsonValue,
      messageId: e.messageId ?? null,
    })),
  });
}

export async function addEvent(
  prisma: Prisma,
  conversationId: string,
  kind: string,
  data: Record<string, unknown>,
  messageId?: string,
): Promise<void> {
  await prisma.conversationEvent.create({
    data: { conversationId, kind, data: data as P.InputJsonValue, messageId: messageId ?? null },
  });
}

export async function saveState(prisma: Prisma, conversationId: string, state: unknown): Promise<void> {
  await prisma.conversation.update({
    where: { id: conversationId },
    data: { state: state as P.InputJsonValue },
  });
}

export async function recordVerification(
  prisma: Prisma,
  conversationId: string,
  result: { verified: boolean; attempts: number; locked: boolean; at: Date },
): Promise<void> {
  await prisma.conversation.update({
    where: { id: conversationId },
    data: {
      verifyAttempts: result.attempts,
      ...(result.verified ? { verifiedAt: result.at } : {}),
      ...(result.locked ? { lockedAt: result.at } : {}),
    },
  });
}
