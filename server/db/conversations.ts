// Conversation storage outside the chat turn (db/turns.ts writes turns): the conversation of a
// case, its messages and status for the history shown on connection, the debtor's language, and the
// state a collector's act sets.
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

export function listMessages(prisma: Prisma, conversationId: string) {
  return prisma.message.findMany({
    where: { conversationId },
    orderBy: { seq: "asc" },
    include: { offer: true },
  });
}

export async function saveState(prisma: Prisma, conversationId: string, state: unknown): Promise<void> {
  await prisma.conversation.update({
    where: { id: conversationId },
    data: { state: state as P.InputJsonValue },
  });
}

/** The debtor's language of a case (a session's locale). */
export async function findDebtorLocale(prisma: Prisma, caseId: string): Promise<"fr" | "en"> {
  const detail = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { debtor: { select: { locale: true } } },
  });
  return detail.debtor.locale;
}

/** The case's status, shown with the history on connection. */
export async function findCaseStatus(prisma: Prisma, caseId: string): Promise<string> {
  const found = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  return found.status;
}
