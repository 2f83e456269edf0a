// Small reads and writes of a conversation outside the chat turn (the console's acts, the promise
// review, the console relay, payment notices); the turn path has its own queries in db/turns.ts.
import type { Prisma } from "../open.js";
import { insertStaffMessage, lockConversation, type StaffMessage } from "./messages.js";

export function findConversationOfCase(prisma: Prisma, caseId: string) {
  return prisma.conversation.findUnique({ where: { caseId }, select: { id: true, state: true } });
}

export function findConversationState(prisma: Prisma, conversationId: string) {
  return prisma.conversation.findUnique({ where: { id: conversationId }, select: { state: true } });
}

/** The case with its debtor's language, for a collector's act on its conversation. */
export function findCaseLocale(prisma: Prisma, caseId: string) {
  return prisma.case.findUnique({
    where: { id: caseId },
    select: { id: true, debtor: { select: { locale: true } } },
  });
}

/** A system or agent message in its own transaction, under the same row lock as a chat turn's claim. */
export function postStaffMessage(prisma: Prisma, conversationId: string, message: StaffMessage) {
  return prisma.$transaction(async (tx) => {
    await lockConversation(tx, conversationId);
    return insertStaffMessage(tx, conversationId, message);
  });
}
