// Storage of the outreach sequences and messages (issue 16). Exactly-once rests on two things here:
// a message is composed once per (case, step key) (a unique index), and a worker claims what it
// composes or delivers with row locks (FOR UPDATE SKIP LOCKED, on PostgreSQL and PGlite alike), so
// two instances never hold the same sequence or message at once. Instants come from the app clock.

import type { NewOutreachMessage } from "../app/ports/outreach.js";
import { appendAudit } from "./audit.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type { NewOutreachMessage };

type Tx = P.TransactionClient;
export type OutreachTx = Tx;

/** Runs `fn` in one transaction (row locks taken inside are held until it ends). */
export function inTransaction<T>(prisma: Prisma, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 60_000 });
}

/** A timestamp parameter compared with TIMESTAMP(3) columns, independent of the session time zone. */
const ts = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

/**
 * Gives every case without a sequence one (cases created since the last tick, imported cases), or
 * only the named case (an event about it: no scan of every case on each chat event).
 */
export async function ensureSequences(prisma: Prisma, now: Date, caseId?: string): Promise<number> {
  if (caseId)
    return prisma.$executeRaw`
      INSERT INTO "OutreachSequence" ("id", "caseId", "status", "nextRunAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, c."id", 'active', ${ts(now)}::timestamp(3), ${ts(now)}::timestamp(3), ${ts(now)}::timestamp(3)
      FROM "Case" c
      WHERE c."id" = ${caseId}
      ON CONFLICT ("caseId") DO NOTHING`;
  return prisma.$executeRaw`
    INSERT INTO "OutreachSequence" ("id", "caseId", "status", "nextRunAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, c."id", 'active', ${ts(now)}::timestamp(3), ${ts(now)}::timestamp(3), ${ts(now)}::timestamp(3)
    FROM "Case" c
    WHERE NOT EXISTS (SELECT 1 FROM "OutreachSequence" s WHERE s."caseId" = c."id")
    ON CONFLICT ("caseId") DO NOTHING`;
}

/** Locks one active sequence that is due, skipping those another worker holds. */
export async function lockDueSequence(tx: Tx, now: Date): Promise<{ id: string; caseId: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; caseId: string }[]>`
    SELECT "id", "caseId" FROM "OutreachSequence"
    WHERE "status" = 'active' AND "nextRunAt" IS NOT NULL AND "nextRunAt" <= ${ts(now)}::timestamp(3)
    ORDER BY "nextRunAt" LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0] ?? null;
}

/** Locks the sequence of a case (waiting for a worker that holds it), for event-driven changes. */
export async function lockSequenceOfCase(tx: Tx, caseId: string): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "OutreachSequence" WHERE "caseId" = ${caseId} FOR UPDATE`;
  return rows[0] ?? null;
}

export const outreachCaseInclude = {
  creditor: true,
  debtor: true,
  invoices: true,
  payments: true,
  outreach: true,
  escalations: { where: { status: { not: "resolved" } } },
  promises: { where: { status: "active" }, include: { instalments: { orderBy: { seq: "asc" } } } },
  outreachMessages: { select: { stepKey: true, kind: true, status: true, createdAt: true } },
} as const satisfies P.CaseInclude;

export type OutreachCase = P.CaseGetPayload<{ include: typeof outreachCaseInclude }>;

export function getOutreachCase(tx: Tx | Prisma, caseId: string): Promise<OutreachCase | null> {
  return tx.case.findUnique({ where: { id: caseId }, include: outreachCaseInclude });
}

/** Inserts a message unless its step key exists already (then returns null: composed before). */
export async function insertMessage(tx: Tx | Prisma, m: NewOutreachMessage): Promise<string | null> {
  const existing = await tx.outreachMessage.findUnique({
    where: { caseId_stepKey: { caseId: m.caseId, stepKey: m.stepKey } },
    select: { id: true },
  });
  if (existing) return null;
  const row = await tx.outreachMessage.create({
    data: {
      caseId: m.caseId,
      stepKey: m.stepKey,
      kind: m.kind,
      channel: m.channel,
      templateId: m.templateId,
      recipient: m.recipient ?? null,
      subject: m.subject ?? null,
      text: m.text,
      html: m.html ?? null,
      promiseId: m.promiseId ?? null,
      status: m.status,
      error: m.error ?? null,
      linkTokenId: m.linkTokenId ?? null,
      unsubscribeTokenHash: m.unsubscribeTokenHash ?? null,
      nextAttemptAt: m.now,
      createdAt: m.now,
    },
    select: { id: true },
  });
  return row.id;
}

export function createLinkToken(
  tx: Tx | Prisma,
  caseId: string,
  tokenHash: string,
  expiresAt: Date,
  now: Date,
) {
  return tx.debtorAccessToken.create({ data: { caseId, tokenHash, expiresAt, createdAt: now } });
}

export function updateSequence(
  tx: Tx | Prisma,
  id: string,
  data: {
    status?: string;
    reason?: string | null;
    nextStepIndex?: number;
    nextRunAt?: Date | null;
    emailOptOutAt?: Date;
    smsOptOutAt?: Date;
    updatedById?: string | null;
  },
) {
  return tx.outreachSequence.update({ where: { id }, data });
}

/**
 * Claims up to `limit` messages to deliver: queued ones that are due, and ones whose worker died
 * mid-delivery (lease expired). The claim is a committed UPDATE, so no other worker takes them.
 */
export async function claimDeliveries(prisma: Prisma, now: Date, leaseMs: number, limit: number) {
  return prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutreachMessage" SET "status" = 'sending', "attempts" = "attempts" + 1,
      "leaseUntil" = ${ts(new Date(now.getTime() + leaseMs))}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutreachMessage"
      WHERE ("status" = 'queued' AND "nextAttemptAt" <= ${ts(now)}::timestamp(3))
         OR ("status" = 'sending' AND "leaseUntil" < ${ts(now)}::timestamp(3))
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
}

export function getMessageForDelivery(prisma: Prisma, id: string) {
  return prisma.outreachMessage.findUnique({
    where: { id },
    include: {
      case: {
        include: {
          debtor: true,
          outreach: true,
          escalations: { where: { status: { not: "resolved" } } },
        },
      },
    },
  });
}
export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof getMessageForDelivery>>>;

export function finishDelivery(
  prisma: Prisma,
  id: string,
  data: { status: string; transport?: string; error?: string | null; sentAt?: Date; nextAttemptAt?: Date },
) {
  return prisma.outreachMessage.update({ where: { id }, data: { ...data, leaseUntil: null } });
}

/** Cancels what is composed but not yet out (a dispute or a stop arrived in between). */
export function cancelPending(tx: Tx | Prisma, caseId: string, reason: string, kinds?: readonly string[]) {
  return tx.outreachMessage.updateMany({
    where: { caseId, status: "queued", ...(kinds ? { kind: { in: [...kinds] } } : {}) },
    data: { status: "cancelled", error: reason },
  });
}

/** Cancels the queued messages of one channel (an opt-out), except the given kinds. */
export function cancelQueuedOnChannel(
  tx: Tx | Prisma,
  caseId: string,
  channel: string,
  reason: string,
  exceptKinds?: readonly string[],
) {
  return tx.outreachMessage.updateMany({
    where: {
      caseId,
      channel,
      status: "queued",
      ...(exceptKinds ? { kind: { notIn: [...exceptKinds] } } : {}),
    },
    data: { status: "cancelled", error: reason },
  });
}

export function findPromiseWithInstalments(tx: Tx | Prisma, promiseId: string) {
  return tx.promiseToPay.findUnique({
    where: { id: promiseId },
    include: { instalments: { orderBy: { seq: "asc" } } },
  });
}

export function findMessageByUnsubscribeHash(prisma: Prisma, hash: string) {
  return prisma.outreachMessage.findUnique({
    where: { unsubscribeTokenHash: hash },
    select: { id: true, caseId: true, channel: true, case: { select: { outreach: true, debtor: true } } },
  });
}

export function listCaseMessages(prisma: Prisma, caseId: string) {
  return prisma.outreachMessage.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

/** Cases with a phone number, for matching an inbound SMS (numbers are stored as typed, not E.164). */
export function findSequencesByPhone(prisma: Prisma) {
  return prisma.case.findMany({
    where: { debtor: { phone: { not: null } } },
    select: { id: true, jurisdiction: true, debtor: { select: { phone: true } } },
  });
}

export function getMessage(prisma: Prisma, id: string) {
  return prisma.outreachMessage.findUnique({
    where: { id },
    include: { case: { select: { reference: true, creditor: true, debtor: true } } },
  });
}

export function listOutbox(
  prisma: Prisma,
  f: { status?: string; channel?: string; kind?: string; caseId?: string; limit: number },
) {
  return prisma.outreachMessage.findMany({
    where: {
      ...(f.status ? { status: f.status } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.caseId ? { caseId: f.caseId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: f.limit,
    include: { case: { select: { reference: true, creditor: { select: { name: true } } } } },
  });
}

/** When the debtor last opened any of the case's links (the first link or a message's own). */
export async function lastLinkOpening(prisma: Prisma, caseId: string): Promise<Date | null> {
  const t = await prisma.debtorAccessToken.findFirst({
    where: { caseId, lastUsedAt: { not: null } },
    orderBy: { lastUsedAt: "desc" },
    select: { lastUsedAt: true },
  });
  return t?.lastUsedAt ?? null;
}

export async function setTaskDone(prisma: Prisma, id: string, userId: string, now: Date) {
  await prisma.$transaction(async (tx) => {
    const m = await tx.outreachMessage.update({ where: { id }, data: { status: "done", sentAt: now } });
    await appendAudit(tx, {
      actorType: "user",
      actorId: userId,
      action: "outreach.task_done",
      entity: "case",
      entityId: m.caseId,
      data: { messageId: id },
    });
  });
}

/** Everything a hand-off case file holds: the case, its messages, promises, payments, policy versions. */
export function getCaseForHandOff(prisma: Prisma, caseId: string) {
  return prisma.case.findUnique({
    where: { id: caseId },
    include: {
      creditor: true,
      debtor: true,
      invoices: { orderBy: { dueAt: "asc" } },
      payments: { orderBy: { paidAt: "asc" } },
      promises: { include: { instalments: { orderBy: { seq: "asc" } } }, orderBy: { acceptedAt: "asc" } },
      outreachMessages: { orderBy: { createdAt: "asc" } },
      policyVersion: true,
      offers: {
        select: { policyVersion: { select: { id: true, packId: true, hash: true, content: true } } },
      },
    },
  });
}
export type HandOffCase = NonNullable<Awaited<ReturnType<typeof getCaseForHandOff>>>;

/** Moves the case to handed_off: the sequence stops and nothing not yet out is sent. */
export async function markHandedOff(
  prisma: Prisma,
  caseId: string,
  actorId: string,
  data: { recipient: string; note?: string | undefined },
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.case.update({ where: { id: caseId }, data: { status: "handed_off" } });
    await tx.outreachSequence.updateMany({
      where: { caseId },
      data: { status: "stopped", reason: "case:handed_off", nextRunAt: null, updatedById: actorId },
    });
    await tx.outreachMessage.updateMany({
      where: { caseId, status: { in: ["queued", "to_post"] } },
      data: { status: "cancelled", error: "case handed off" },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId,
      action: "case.hand_off",
      entity: "case",
      entityId: caseId,
      data: { recipient: data.recipient, ...(data.note ? { note: data.note } : {}), at: now.toISOString() },
    });
  });
}

/**
 * Cases handed off beyond amicable recovery, for the KPIs: every case now in that status within the
 * creditor and policy filters (the hand-off date lives in the audit log, not on the case).
 */
export function countHandedOff(
  prisma: Prisma,
  f: { creditorId?: string | undefined; policyVersionId?: string | undefined },
) {
  return prisma.case.count({
    where: {
      status: "handed_off",
      ...(f.creditorId ? { creditorId: f.creditorId } : {}),
      ...(f.policyVersionId ? { policyVersionId: f.policyVersionId } : {}),
    },
  });
}
