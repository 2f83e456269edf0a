// Raw rows for the money KPIs: payments received in a period, promises accepted in it with what
// has been paid on them, and the cases created in it with how far each went (the funnel).
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import type { KpiFilter } from "./kpis.js";

function caseWhere(f: KpiFilter): P.CaseWhereInput {
  return {
    ...(f.creditorId ? { creditorId: f.creditorId } : {}),
    ...(f.policyVersionId ? { policyVersionId: f.policyVersionId } : {}),
  };
}

export function kpiPayments(prisma: Prisma, f: KpiFilter) {
  return prisma.payment.findMany({
    where: { paidAt: { gte: f.from, lt: f.to }, case: caseWhere(f) },
    select: {
      amount: true,
      currency: true,
      paidAt: true,
      source: true,
      case: { select: { creditorId: true, creditor: { select: { name: true } } } },
      instalment: { select: { promise: { select: { obtainedBy: true } } } },
    },
  });
}

export type KpiPaymentRow = Awaited<ReturnType<typeof kpiPayments>>[number];

export function kpiPromisesPaid(prisma: Prisma, f: KpiFilter) {
  return prisma.promiseToPay.findMany({
    where: { acceptedAt: { gte: f.from, lt: f.to }, case: caseWhere(f) },
    select: {
      status: true,
      total: true,
      currency: true,
      obtainedBy: true,
      instalments: { select: { paidAmount: true } },
    },
  });
}

export type KpiPromisePaidRow = Awaited<ReturnType<typeof kpiPromisesPaid>>[number];

export function kpiFunnel(prisma: Prisma, f: KpiFilter) {
  return prisma.case.findMany({
    where: { createdAt: { gte: f.from, lt: f.to }, ...caseWhere(f) },
    select: {
      _count: { select: { tokens: true, promises: true, payments: true } },
      conversation: {
        select: {
          verifiedAt: true,
          // The greeting is the first thing an opened link shows: a conversation without one was
          // only created by a collector.
          _count: { select: { messages: { where: { role: "assistant" } } } },
        },
      },
    },
  });
}

export type KpiFunnelRow = Awaited<ReturnType<typeof kpiFunnel>>[number];
