// Payments and promise follow-up: a payment is allocated to the oldest unpaid instalments (or to the
// one named), instalment statuses follow, and a promise becomes kept when every instalment is paid or
// broken when one stays unpaid past the grace period, which opens a broken_promise escalation.
// Each change commits with its audit row.

import type { Allocation, NewPayment, RecordPaymentResult } from "../../app/ports/console.js";
import { appendAudit } from "../audit.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import { lockConversationRow } from "./messages.js";

export type { Allocation, NewPayment, RecordPaymentResult };

type Tx = P.TransactionClient;

export type PaymentRow = P.PaymentGetPayload<object>;

function instalmentStatus(
  amount: bigint,
  paid: bigint,
  previous: string,
): "due" | "paid" | "partially_paid" | "missed" {
  if (paid >= amount) return "paid";
  if (previous === "missed") return "missed";
  return paid > 0n ? "partially_paid" : "due";
}

/**
 * Marks a promise kept when every instalment is paid (a broken promise paid late becomes kept too).
 * The case closes unless an escalation is still open on it (a collector then resolves it).
 */
async function keepIfPaid(
  tx: Tx,
  promiseId: string,
  at: Date,
): Promise<{ changed: boolean; caseClosed: boolean }> {
  const promise = await tx.promiseToPay.findUniqueOrThrow({
    where: { id: promiseId },
    include: { instalments: true },
  });
  if (promise.status === "kept" || promise.status === "cancelled")
    return { changed: false, caseClosed: false };
  if (!promise.instalments.every((i) => i.paidAmount >= i.amount))
    return { changed: false, caseClosed: false };
  await tx.promiseToPay.update({ where: { id: promiseId }, data: { status: "kept", keptAt: at } });
  const open = await tx.escalation.count({
    where: { caseId: promise.caseId, status: { in: ["open", "assigned"] } },
  });
  if (open === 0) await tx.case.update({ where: { id: promise.caseId }, data: { status: "closed" } });
  await appendAudit(tx, {
    actorType: "system",
    action: "promise.kept",
    entity: "case",
    entityId: promise.caseId,
    data: { promiseId, previousStatus: promise.status },
  });
  return { changed: true, caseClosed: open === 0 };
}

/** Idempotent on (caseId, externalRef): a repeat returns the first payment and changes nothing. */
export async function recordPayment(prisma: Prisma, input: NewPayment): Promise<RecordPaymentResult> {
  const findByRef = () =>
    input.externalRef
      ? prisma.payment.findUnique({
          where: { caseId_externalRef: { caseId: input.caseId, externalRef: input.externalRef } },
        })
      : Promise.resolve(null);
  const repeat = (payment: PaymentRow): RecordPaymentResult =>
    payment.amount === input.amount && payment.currency === input.currency
      ? { status: "recorded", created: false, payment, allocations: [], promise: null }
      : { status: "duplicate_ref_differs", payment };
  const existing = await findByRef();
  if (existing) return repeat(existing);
  try {
    return await prisma.$transaction((tx) => recordInTx(tx, input));
  } catch (error) {
    const raced = await findByRef();
    if (raced) return repeat(raced);
    throw error;
  }
}

async function recordInTx(tx: Tx, input: NewPayment): Promise<RecordPaymentResult> {
  const found = await tx.case.findUnique({ where: { id: input.caseId }, select: { currency: true } });
  if (!found) return { status: "no_case" };
  if (found.currency !== input.currency) return { status: "currency_mismatch", expected: found.currency };

  let targets: P.InstalmentGetPayload<object>[];
  if (input.instalmentId) {
    const named = await tx.instalment.findFirst({
      where: { id: input.instalmentId, promise: { caseId: input.caseId } },
    });
    if (!named) return { status: "no_instalment" };
    const later = await tx.instalment.findMany({
      where: { promiseId: named.promiseId, seq: { gt: named.seq } },
      orderBy: { seq: "asc" },
    });
    targets = [named, ...later];
  } else {
    // The live promise (active, or broken but still being paid), oldest unpaid instalments first.
    const promise = await tx.promiseToPay.findFirst({
      where: { caseId: input.caseId, status: { in: ["active", "broken"] } },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: { id: true },
    });
    targets = promise
      ? await tx.instalment.findMany({ where: { promiseId: promise.id }, orderBy: { seq: "asc" } })
      : [];
  }

  const allocations: Allocation[] = [];
  let remaining = input.amount;
  for (const inst of targets) {
    if (remaining <= 0n) break;
    const open = inst.amount - inst.paidAmount;
    if (open <= 0n) continue;
    // The smaller of the two, as bigints (Math.min takes numbers only).
    const take = remaining < open ? remaining : open;
    const paidAmount = inst.paidAmount + take;
    const status = instalmentStatus(inst.amount, paidAmount, inst.status);
    await tx.instalment.update({
      where: { id: inst.id },
      data: { paidAmount, status, ...(status === "paid" ? { paidAt: input.paidAt } : {}) },
    });
    allocations.push({ instalmentId: inst.id, promiseId: inst.promiseId, amount: take });
    remaining -= take;
  }

  const payment = await tx.payment.create({
    data: {
      caseId: input.caseId,
      instalmentId: input.instalmentId ?? allocations[0]?.instalmentId ?? null,
      amount: input.amount,
      currency: input.currency,
      paidAt: input.paidAt,
      externalRef: input.externalRef ?? null,
      recordedById: input.recordedById,
      source: input.source ?? "manual",
    },
  });
  const promiseId = allocations[0]?.promiseId ?? targets[0]?.promiseId;
  let promise: { id: string; status: string; changed: boolean; caseClosed: boolean } | null = null;
  if (promiseId) {
    const kept = await keepIfPaid(tx, promiseId, input.at);
    const now = await tx.promiseToPay.findUniqueOrThrow({
      where: { id: promiseId },
      select: { status: true },
    });
    promise = { id: promiseId, status: now.status, ...kept };
  }
  const automatic = input.source === "stripe" || input.source === "statement";
  await appendAudit(tx, {
    actorType: automatic ? "system" : "user",
    actorId: input.recordedById,
    action: "payment.record",
    entity: "case",
    entityId: input.caseId,
    data: {
      paymentId: payment.id,
      amount: Number(input.amount),
      currency: input.currency,
      externalRef: input.externalRef ?? null,
      source: input.source ?? "manual",
      allocations: allocations.map((a) => ({ instalmentId: a.instalmentId, amount: Number(a.amount) })),
      unallocated: Number(remaining),
    },
  });
  return { status: "recorded", created: true, payment, allocations, promise };
}

/** Active promises with their instalments and what a review needs to know about the case. */
export function promisesUnderWatch(prisma: Prisma) {
  return prisma.promiseToPay.findMany({
    where: { status: "active" },
    include: {
      instalments: { orderBy: { seq: "asc" } },
      offer: { select: { discountBps: true, kind: true } },
      case: {
        select: {
          id: true,
          reference: true,
          currency: true,
          policyVersionId: true,
          debtor: { select: { timeZone: true } },
          conversation: { select: { id: true } },
        },
      },
    },
  });
}

export type WatchedPromise = Awaited<ReturnType<typeof promisesUnderWatch>>[number];

export async function markKept(
  prisma: Prisma,
  promiseId: string,
  at: Date,
): Promise<{ changed: boolean; caseClosed: boolean }> {
  return prisma.$transaction((tx) => keepIfPaid(tx, promiseId, at));
}

/**
 * Breaks an active promise (once: a concurrent review finds it no longer active), marks the missed
 * instalments, opens a broken_promise escalation with its summary and puts the case in the queue.
 */
export async function markBroken(
  prisma: Prisma,
  input: {
    promiseId: string;
    missedInstalmentIds: string[];
    at: Date;
    summary: Record<string, unknown>;
    state?: unknown;
  },
): Promise<{ escalationId: string; caseId: string } | null> {
  return prisma.$transaction(async (tx) => {
    const promise = await tx.promiseToPay.findUnique({
      where: { id: input.promiseId },
      select: { caseId: true, case: { select: { conversation: { select: { id: true } } } } },
    });
    if (!promise) return null;
    // The conversation first, as a turn's commit takes it (it then writes the offers, promise, status).
    const lockedConversation = promise.case.conversation?.id;
    if (lockedConversation) await lockConversationRow(tx, lockedConversation);
    const claimed = await tx.promiseToPay.updateMany({
      where: { id: input.promiseId, status: "active" },
      data: { status: "broken", brokenAt: input.at },
    });
    if (claimed.count !== 1) return null;
    await tx.instalment.updateMany({
      where: { id: { in: input.missedInstalmentIds }, status: { in: ["due", "partially_paid"] } },
      data: { status: "missed" },
    });
    await tx.offer.updateMany({
      where: { caseId: promise.caseId, status: "proposed" },
      data: { status: "superseded", decidedAt: input.at },
    });
    const escalation = await tx.escalation.create({
      data: {
        caseId: promise.caseId,
        kind: "broken_promise",
        summary: input.summary as P.InputJsonValue,
        createdAt: input.at,
      },
    });
    await tx.case.update({ where: { id: promise.caseId }, data: { status: "escalated" } });
    const conversationId = promise.case.conversation?.id;
    if (conversationId) {
      if (input.state !== undefined) {
        await tx.conversation.update({
          where: { id: conversationId },
          data: { state: input.state as P.InputJsonValue },
        });
      }
      await tx.conversationEvent.create({
        data: {
          conversationId,
          kind: "promise.broken",
          data: {
            promiseId: input.promiseId,
            escalationId: escalation.id,
            missed: input.missedInstalmentIds,
          } as P.InputJsonValue,
        },
      });
    }
    await appendAudit(tx, {
      actorType: "system",
      action: "promise.broken",
      entity: "case",
      entityId: promise.caseId,
      data: {
        promiseId: input.promiseId,
        escalationId: escalation.id,
        missedInstalments: input.missedInstalmentIds.length,
      },
    });
    return { escalationId: escalation.id, caseId: promise.caseId };
  });
}
