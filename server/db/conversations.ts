// Conversation storage outside the chat turn (db/turns.ts writes turns; a debtor's connection reads
// its conversation in db/debtor-connection.ts): the conversation of a case, and the state a
// collector's act sets.
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

export async function saveState(prisma: Prisma, conversationId: string, state: unknown): Promise<void> {
  await prisma.conversation.update({
    where: { id: conversationId },
    data: { state: state as P.InputJsonValue },
  });
}
