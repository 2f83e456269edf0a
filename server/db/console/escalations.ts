// The escalation queue: listing with the case it belongs to, assignment, resolution (which puts the
// case back on its way and tells the debtor), all audited in the same transaction.
import type { CHAT_CASE_STATUSES } from "../../domain/case-statuses.js";
import { appendAudit } from "../audit.js";
import type { MessageRow } from "../conversations.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import { insertEvent, insertStaffMessage, lockConversation } from "./messages.js";

export type EscalationKindValue = P.EscalationCreateInput["kind"];
export type EscalationStatusValue = "open" | "assigned" | "resolved";
export type CaseStatusValue = (typeof CHAT_CASE_STATUSES)[number];

export const escalationCardInclude = {
  assignee: { select: { id: true, email: true } },
  case: {
    select: {
      id: true,
      reference: true,
      status: true,
      currency: true,
      debtor: { select: { name: true, locale: true, kind: true } },
      creditor: { select: { name: true } },
      conversation: { select: { id: true, humanOwnerId: true } },
    },
  },
} satisfies P.EscalationInclude;

export type EscalationCardRow = P.EscalationGetPayload<{ include: typeof escalationCardInclude }>;

export interface EscalationFilter {
  readonly kind?: EscalationKindValue | undefined;
  readonly statuses: readonly EscalationStatusValue[];
  readonly assigneeId?: string | null | undefined;
  readonly caseId?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export async function listEscalations(prisma: Prisma, filter: EscalationFilter) {
  const where: P.EscalationWhereInput = {
    status: { in: [...filter.statuses] },
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.assigneeId !== undefined ? { assigneeId: filter.assigneeId } : {}),
    ...(filter.caseId ? { caseId: filter.caseId } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.escalation.findMany({
      where,
      include: escalationCardInclude,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    }),
    prisma.escalation.count({ where }),
  ]);
  return { items, total };
}

export function findEscalationCard(prisma: Prisma, id: string) {
  return prisma.escalation.findUnique({ where: { id }, include: escalationCardInclude });
}

export type AssignResult =
  | { status: "assigned"; previousAssigneeId: string | null }
  | { status: "not_found" }
  | { status: "resolved" };

export async function assignEscalation(
  prisma: Prisma,
  input: { id: string; userId: string },
): Promise<AssignResult> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.escalation.findUnique({
      where: { id: input.id },
      select: { caseId: true, status: true, assigneeId: true },
    });
    if (!found) return { status: "not_found" };
    if (found.status === "resolved") return { status: "resolved" };
    await tx.escalation.update({
      where: { id: input.id },
      data: { assigneeId: input.userId, status: "assigned" },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "escalation.assign",
      entity: "case",
      entityId: found.caseId,
      data: { escalationId: input.id, previousAssigneeId: found.assigneeId },
    });
    return { status: "assigned", previousAssigneeId: found.assigneeId };
  });
}

/** What resolution does to the case, decided by the use case from what the transaction sees. */
export interface ResolutionSnapshot {
  readonly kind: EscalationKindValue;
  readonly otherOpen: number;
  readonly hasActivePromise: boolean;
  readonly verified: boolean;
  readonly state: unknown;
  /** The collector who holds the conversation (takeover), if any. */
  readonly ownerId: string | null;
}

export interface ResolutionPlan {
  readonly caseStatus: CaseStatusValue;
  /** The conversation's negotiation state to store (phase updated), or undefined to keep it. */
  readonly state?: unknown;
  /** Lifts an identity lock (three wrong answers) once a person has checked who the debtor is. */
  readonly unlock: boolean;
  readonly cancelActivePromise: boolean;
  readonly closeOpenOffers: boolean;
  readonly notice: { text: string; meta: Record<string, unknown> } | null;
  /** Ends a takeover (the case leaves the queue): the assistant answers the debtor again. */
  readonly endTakeover: boolean;
  /** What the debtor reads when the takeover ends (none when the case closes: the notice says so). */
  readonly handbackNotice: { text: string; meta: Record<string, unknown> } | null;
}

export type ResolveResult =
  | {
      status: "resolved";
      caseId: string;
      caseStatus: CaseStatusValue;
      conversationId: string | null;
      message: MessageRow | null;
      /** The hand-back notice when resolving ended a takeover. */
      handback: MessageRow | null;
    }
  | { status: "not_found" }
  | { status: "already_resolved" }
  | { status: "owned_by_other"; ownerId: string };

export async function resolveEscalation(
  prisma: Prisma,
  input: {
    id: string;
    userId: string;
    outcome: string;
    note: string;
    at: Date;
    /** Admins may resolve while another collector holds the conversation (ending that takeover). */
    mayOverride: boolean;
    plan: (s: ResolutionSnapshot) => ResolutionPlan;
  },
): Promise<ResolveResult> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.escalation.findUnique({
      where: { id: input.id },
      select: {
        caseId: true,
        kind: true,
        status: true,
        case: { select: { conversation: { select: { id: true } } } },
      },
    });
    if (!found) return { status: "not_found" };
    const conversationId = found.case.conversation?.id ?? null;
    const conv = conversationId ? await lockConversation(tx, conversationId) : null;
    // Another collector is talking to the debtor: they resolve it, or hand back first.
    if (conv?.humanOwnerId && conv.humanOwnerId !== input.userId && !input.mayOverride)
      return { status: "owned_by_other", ownerId: conv.humanOwnerId };
    // Re-read under the lock: two collectors resolving at once resolve it once.
    const claimed = await tx.escalation.updateMany({
      where: { id: input.id, status: { not: "resolved" } },
      data: {
        status: "resolved",
        outcome: input.outcome,
        note: input.note,
        resolvedAt: input.at,
        assigneeId: input.userId,
      },
    });
    if (claimed.count !== 1) return { status: "already_resolved" };
    const [otherOpen, activePromises] = await Promise.all([
      tx.escalation.count({ where: { caseId: found.caseId, status: { in: ["open", "assigned"] } } }),
      tx.promiseToPay.count({ where: { caseId: found.caseId, status: "active" } }),
    ]);
    const plan = input.plan({
      kind: found.kind,
      otherOpen,
      hasActivePromise: activePromises > 0,
      verified: conv?.verifiedAt != null,
      state: conv?.state ?? {},
      ownerId: conv?.humanOwnerId ?? null,
    });
    if (plan.cancelActivePromise) {
      await tx.promiseToPay.updateMany({
        where: { caseId: found.caseId, status: "active" },
        data: { status: "cancelled" },
      });
    }
    if (plan.closeOpenOffers) {
      await tx.offer.updateMany({
        where: { caseId: found.caseId, status: "proposed" },
        data: { status: "superseded", decidedAt: input.at },
      });
    }
    await tx.case.update({ where: { id: found.caseId }, data: { status: plan.caseStatus } });
    let message: MessageRow | null = null;
    let handback: MessageRow | null = null;
    if (conv) {
      await tx.conversation.update({
        where: { id: conv.id },
        data: {
          ...(plan.state !== undefined ? { state: plan.state as P.InputJsonValue } : {}),
          ...(plan.unlock ? { lockedAt: null, verifyAttempts: 0 } : {}),
          ...(plan.endTakeover ? { humanOwnerId: null, takenOverAt: null } : {}),
        },
      });
      if (plan.notice)
        message = await insertStaffMessage(tx, conv.id, {
          role: "system",
          text: plan.notice.text,
          meta: plan.notice.meta,
        });
      await insertEvent(
        tx,
        conv.id,
        "escalation.resolved",
        {
          escalationId: input.id,
          kind: found.kind,
          outcome: input.outcome,
          note: input.note,
          userId: input.userId,
          caseStatus: plan.caseStatus,
        },
        message?.id,
      );
      if (plan.endTakeover && conv.humanOwnerId) {
        if (plan.handbackNotice)
          handback = await insertStaffMessage(tx, conv.id, {
            role: "system",
            text: plan.handbackNotice.text,
            meta: plan.handbackNotice.meta,
          });
        await insertEvent(
          tx,
          conv.id,
          "takeover.ended",
          {
            userId: input.userId,
            previousOwnerId: conv.humanOwnerId,
            note: input.note,
            escalationId: input.id,
          },
          handback?.id ?? message?.id,
        );
      }
    }
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "escalation.resolve",
      entity: "case",
      entityId: found.caseId,
      data: {
        escalationId: input.id,
        kind: found.kind,
        outcome: input.outcome,
        caseStatus: plan.caseStatus,
        unlocked: plan.unlock,
        ...(plan.endTakeover && conv?.humanOwnerId ? { endedTakeoverOf: conv.humanOwnerId } : {}),
      },
    });
    return {
      status: "resolved",
      caseId: found.caseId,
      caseStatus: plan.caseStatus,
      conversationId,
      message,
      handback,
    };
  });
}

/**
 * For each conversation, when the debtor's last message was sent if nobody (assistant or person)
 * has answered it since; conversations where the debtor is not waiting are absent.
 */
export async function debtorWaitingSince(prisma: Prisma, conversationIds: readonly string[]) {
  const waiting = new Map<string, Date>();
  await Promise.all(
    [...new Set(conversationIds)].map(async (conversationId) => {
      const last = await prisma.message.findFirst({
        where: { conversationId, role: { in: ["debtor", "assistant", "agent"] } },
        orderBy: { seq: "desc" },
        select: { role: true, createdAt: true },
      });
      if (last?.role === "debtor") waiting.set(conversationId, last.createdAt);
    }),
  );
  return waiting;
}
