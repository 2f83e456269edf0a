// Offers, promises and escalations: the records a negotiation leaves behind.
import type { NewOfferRecord } from "../app/ports/negotiation.js";
import { appendAudit } from "./audit.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

/** Records an offer and supersedes any other open offer of the case: one live offer at a time. */
export async function recordOffer(prisma: Prisma, offer: NewOfferRecord) {
  return prisma.$transaction(async (tx) => {
    await tx.offer.updateMany({
      where: { caseId: offer.caseId, status: "proposed" },
      data: { status: "superseded", decidedAt: new Date() },
    });
    return tx.offer.create({
      data: {
        caseId: offer.caseId,
        kind: offer.kind,
        total: BigInt(offer.total),
        currency: offer.currency,
        discountBps: offer.discountBps,
        instalments: offer.instalments as unknown as P.InputJsonValue,
        terms: offer.terms as P.InputJsonValue,
        rule: offer.rule,
        policyVersionId: offer.policyVersionId,
        source: offer.source,
        expiresAt: offer.expiresAt,
      },
    });
  });
}

export function listOffers(prisma: Prisma, caseId: string) {
  return prisma.offer.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

export function findOffer(prisma: Prisma, id: string) {
  return prisma.offer.findUnique({ where: { id } });
}

export async function setOfferStatus(
  prisma: Prisma,
  id: string,
  from: "proposed",
  to: "declined" | "expired" | "superseded",
): Promise<boolean> {
  const res = await prisma.offer.updateMany({
    where: { id, status: from },
    data: { status: to, decidedAt: new Date() },
  });
  return res.count === 1;
}

export async function closeOpenOffers(prisma: Prisma, caseId: string): Promise<void> {
  await prisma.offer.updateMany({
    where: { caseId, status: "proposed" },
    data: { status: "superseded", decidedAt: new Date() },
  });
}

/**
 * Turns an open offer into a promise with its instalments, in one transaction; returns null when
 * the offer was no longer open (accepted twice, superseded, expired meanwhile).
 */
export async function acceptOfferAsPromise(
  prisma: Prisma,
  input: { offerId: string; caseId: string; obtainedBy: "assistant" | "human"; at: Date; actor: string },
) {
  return prisma.$transaction((tx) => acceptOfferIn(tx, input));
}

/** acceptOfferAsPromise inside the caller's transaction (a debtor's accept: one transaction in all). */
export async function acceptOfferIn(
  tx: P.TransactionClient,
  input: {
    offerId: string;
    caseId: string;
    obtainedBy: "assistant" | "human";
    at: Date;
    actor: string;
    promiseId?: string;
  },
) {
  {
    const claimed = await tx.offer.updateMany({
      where: { id: input.offerId, caseId: input.caseId, status: "proposed", expiresAt: { gt: input.at } },
      data: { status: "accepted", decidedAt: input.at },
    });
    if (claimed.count !== 1) return null;
    const offer = await tx.offer.findUniqueOrThrow({ where: { id: input.offerId } });
    const instalments = offer.instalments as unknown as { dueDate: string; amount: number }[];
    const promise = await tx.promiseToPay.create({
      data: {
        ...(input.promiseId ? { id: input.promiseId } : {}),
        caseId: input.caseId,
        offerId: offer.id,
        total: offer.total,
        currency: offer.currency,
        obtainedBy: input.obtainedBy,
        acceptedAt: input.at,
        instalments: {
          create: instalments.map((i, index) => ({
            seq: index + 1,
            dueDate: new Date(`${i.dueDate}T00:00:00Z`),
            amount: BigInt(i.amount),
          })),
        },
      },
      include: { instalments: { orderBy: { seq: "asc" } } },
    });
    await tx.case.update({ where: { id: input.caseId }, data: { status: "promised" } });
    await appendAudit(tx, {
      actorType: "debtor",
      actorId: input.actor,
      action: "promise.accept",
      entity: "case",
      entityId: input.caseId,
      data: {
        offerId: offer.id,
        promiseId: promise.id,
        total: Number(offer.total),
        currency: offer.currency,
      },
    });
    return promise;
  }
}

export function activePromise(prisma: Prisma, caseId: string) {
  return prisma.promiseToPay.findFirst({
    where: { caseId, status: "active" },
    orderBy: { createdAt: "desc" },
    include: { instalments: { orderBy: { seq: "asc" } } },
  });
}

export async function openEscalation(
  prisma: Prisma,
  input: { caseId: string; kind: P.EscalationCreateInput["kind"]; summary: Record<string, unknown> },
) {
  return prisma.$transaction((tx) => openEscalationIn(tx, input));
}

/** Opens an escalation inside the caller's transaction (a turn's): offers closed, case escalated, audited. */
export async function openEscalationIn(
  tx: P.TransactionClient,
  input: {
    id?: string;
    caseId: string;
    kind: P.EscalationCreateInput["kind"];
    summary: Record<string, unknown>;
  },
) {
  {
    await tx.offer.updateMany({
      where: { caseId: input.caseId, status: "proposed" },
      data: { status: "superseded", decidedAt: new Date() },
    });
    const escalation = await tx.escalation.create({
      data: {
        ...(input.id ? { id: input.id } : {}),
        caseId: input.caseId,
        kind: input.kind,
        summary: input.summary as P.InputJsonValue,
      },
    });
    await tx.case.update({ where: { id: input.caseId }, data: { status: "escalated" } });
    await appendAudit(tx, {
      actorType: "assistant",
      action: "escalation.open",
      entity: "case",
      entityId: input.caseId,
      data: { escalationId: escalation.id, kind: input.kind },
    });
    return escalation;
  }
}
