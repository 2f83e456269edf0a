// Raw rows for the KPIs: conversations started in a period (the cohort) with their case's amounts
// and promises, and escalations opened in the period, filtered by creditor and policy version.
// The arithmetic lives in app/console/kpis.ts.

import type { KpiFilter } from "../../app/ports/console.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";

export type { KpiFilter };

function caseWhere(f: KpiFilter): P.CaseWhereInput {
  return {
    ...(f.creditorId ? { creditorId: f.creditorId } : {}),
    ...(f.policyVersionId ? { policyVersionId: f.policyVersionId } : {}),
  };
}

export function kpiConversations(prisma: Prisma, f: KpiFilter) {
  return prisma.conversation.findMany({
    where: { createdAt: { gte: f.from, lt: f.to }, case: caseWhere(f) },
    select: {
      createdAt: true,
      verifiedAt: true,
      case: {
        select: {
          currency: true,
          principal: true,
          promises: {
            select: {
              status: true,
              total: true,
              currency: true,
              obtainedBy: true,
              acceptedAt: true,
              offer: { select: { discountBps: true, kind: true } },
            },
          },
        },
      },
    },
  });
}

export type KpiConversationRow = Awaited<ReturnType<typeof kpiConversations>>[number];

export async function kpiEscalationsByKind(prisma: Prisma, f: KpiFilter) {
  const rows = await prisma.escalation.groupBy({
    by: ["kind"],
    where: { createdAt: { gte: f.from, lt: f.to }, case: caseWhere(f) },
    _count: { _all: true },
  });
  return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
}

export async function kpiFilterOptions(prisma: Prisma) {
  const [creditors, policyVersions] = await Promise.all([
    prisma.creditor.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.policyVersion.findMany({
      select: { id: true, packId: true, hash: true, status: true, publishedAt: true },
      orderBy: [{ packId: "asc" }, { createdAt: "desc" }],
    }),
  ]);
  return { creditors, policyVersions };
}
