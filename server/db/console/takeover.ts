// Takeover storage: a collector becomes the conversation's human owner (the hard lock against
// assistant messages), writes as role "agent", and hands back. Each step runs in one transaction
// holding the conversation row lock, with its transcript event and audit row.

import type { AgentMessageResult, HandbackResult, TakeoverResult } from "../../app/ports/console.js";
import { appendAudit } from "../audit.js";
import type { Prisma } from "../open.js";
import { insertEvent, insertStaffMessage, lockConversation } from "./messages.js";

export type { AgentMessageResult, HandbackResult, TakeoverResult };

export async function takeOver(
  prisma: Prisma,
  input: {
    conversationId: string;
    caseId: string;
    userId: string;
    at: Date;
    notice: string;
    noticeMeta: Record<string, unknown>;
  },
): Promise<TakeoverResult> {
  return prisma.$transaction(async (tx) => {
    const conv = await lockConversation(tx, input.conversationId);
    if (conv.humanOwnerId === input.userId) return { status: "already_yours" };
    if (conv.humanOwnerId) return { status: "owned_by_other", ownerId: conv.humanOwnerId };
    await tx.conversation.update({
      where: { id: input.conversationId },
      data: { humanOwnerId: input.userId, takenOverAt: input.at },
    });
    const message = await insertStaffMessage(tx, input.conversationId, {
      role: "system",
      text: input.notice,
      meta: input.noticeMeta,
    });
    // Whoever takes the conversation over takes the case's unassigned escalations with it.
    const open = await tx.escalation.findMany({
      where: { caseId: input.caseId, status: "open", assigneeId: null },
      select: { id: true },
    });
    const assigned = open.map((e) => e.id);
    if (assigned.length)
      await tx.escalation.updateMany({
        where: { id: { in: assigned } },
        data: { assigneeId: input.userId, status: "assigned" },
      });
    await insertEvent(
      tx,
      input.conversationId,
      "takeover.started",
      { userId: input.userId, ...(assigned.length ? { assignedEscalations: assigned } : {}) },
      message.id,
    );
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "conversation.takeover",
      entity: "case",
      entityId: input.caseId,
      data: { conversationId: input.conversationId, messageId: message.id, assignedEscalations: assigned },
    });
    return { status: "taken", message, assigned };
  });
}

export async function handBack(
  prisma: Prisma,
  input: {
    conversationId: string;
    caseId: string;
    userId: string;
    /** Admins may hand back a conversation another collector owns (someone left for the day). */
    mayOverride: boolean;
    note: string;
    notice: string;
    noticeMeta: Record<string, unknown>;
  },
): Promise<HandbackResult> {
  return prisma.$transaction(async (tx) => {
    const conv = await lockConversation(tx, input.conversationId);
    if (!conv.humanOwnerId) return { status: "not_owned" };
    if (conv.humanOwnerId !== input.userId && !input.mayOverride) {
      return { status: "owned_by_other", ownerId: conv.humanOwnerId };
    }
    await tx.conversation.update({
      where: { id: input.conversationId },
      data: { humanOwnerId: null, takenOverAt: null },
    });
    const message = await insertStaffMessage(tx, input.conversationId, {
      role: "system",
      text: input.notice,
      meta: input.noticeMeta,
    });
    const event = await insertEvent(
      tx,
      input.conversationId,
      "takeover.ended",
      { userId: input.userId, previousOwnerId: conv.humanOwnerId, note: input.note },
      message.id,
    );
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "conversation.handback",
      entity: "case",
      entityId: input.caseId,
      data: { conversationId: input.conversationId, previousOwnerId: conv.humanOwnerId, eventId: event.id },
    });
    return { status: "handed_back", message, previousOwnerId: conv.humanOwnerId };
  });
}

/** Stores a collector's message as role "agent"; only the current owner may write. */
export async function postAgentMessage(
  prisma: Prisma,
  input: {
    conversationId: string;
    caseId: string;
    userId: string;
    text: string;
    clientMessageId?: string | undefined;
    offerId?: string | undefined;
    meta?: Record<string, unknown>;
  },
): Promise<AgentMessageResult> {
  return prisma.$transaction(async (tx) => {
    const conv = await lockConversation(tx, input.conversationId);
    if (!conv.humanOwnerId) return { status: "not_owned" };
    if (conv.humanOwnerId !== input.userId) return { status: "owned_by_other", ownerId: conv.humanOwnerId };
    if (input.clientMessageId) {
      const existing = await tx.message.findUnique({
        where: {
          conversationId_clientMessageId: {
            conversationId: input.conversationId,
            clientMessageId: input.clientMessageId,
          },
        },
        include: { offer: true },
      });
      if (existing) return { status: "stored", message: existing, created: false };
    }
    const message = await insertStaffMessage(tx, input.conversationId, {
      role: "agent",
      text: input.text,
      authorId: input.userId,
      clientMessageId: input.clientMessageId,
      offerId: input.offerId,
      meta: { layer: "human", ...(input.meta ?? {}) },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "conversation.message",
      entity: "case",
      entityId: input.caseId,
      data: {
        conversationId: input.conversationId,
        messageId: message.id,
        ...(input.offerId ? { offerId: input.offerId } : {}),
      },
    });
    return { status: "stored", message, created: true };
  });
}
