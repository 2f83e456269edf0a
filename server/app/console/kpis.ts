// Key figures for collectors and policy editors (aggregates only, no case or debtor data).
// The cohort is the conversations started in [from, to] (debtor calendar dates in UTC), filtered by
// creditor and policy version; escalations count those opened in the period. Rates are fractions
// (0..1) or null when their denominator is zero; money is grouped by currency in minor units.

import { kpiQuery } from "../../../contract/console-inputs.js";
import type { KpiFilters, KpiReport } from "../../../contract/console-reports.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { addDays, daysBetween } from "../../policy/index.js";
import type { AppContext } from "../context.js";
import type { KpiConversationRow } from "../ports/console.js";
import { computeCash } from "./cash-kpis.js";

const DAY = 86_400_000;
/** The default period: the last 30 days up to today. */
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 731;

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type { KpiReport };

/** Pure: the figures from the cohort rows. */
export function computeKpis(
  rows: readonly KpiConversationRow[],
  escalations: { kind: string; count: number }[],
  period: { from: string; to: string },
  filters: KpiReport["filters"],
): KpiReport {
  const verified = rows.filter((r) => r.verifiedAt !== null).length;
  const withPromise = rows.filter((r) => r.case.promises.length > 0).length;
  const amounts = new Map<string, { promised: number; due: number }>();
  const counts = { total: 0, active: 0, kept: 0, broken: 0, cancelled: 0 };
  const settled = { assistant: { kept: 0, done: 0 }, human: { kept: 0, done: 0 } };
  const discounts: number[] = [];
  const agreementSeconds: number[] = [];
  const daily = new Map<string, { conversations: number; promises: number }>();
  for (let d = period.from; d <= period.to; d = addDays(d, 1))
    daily.set(d, { conversations: 0, promises: 0 });

  for (const row of rows) {
    const bucket = amounts.get(row.case.currency) ?? { promised: 0, due: 0 };
    bucket.due += Number(row.case.principal);
    const dayBucket = daily.get(row.createdAt.toISOString().slice(0, 10));
    if (dayBucket) dayBucket.conversations++;
    for (const p of row.case.promises) {
      counts.total++;
      counts[p.status]++;
      if (p.status !== "cancelled") bucket.promised += Number(p.total);
      if (p.status === "kept" || p.status === "broken") {
        settled[p.obtainedBy].done++;
        if (p.status === "kept") settled[p.obtainedBy].kept++;
      }
      discounts.push(p.offer.discountBps);
      agreementSeconds.push(Math.max(0, (p.acceptedAt.getTime() - row.createdAt.getTime()) / 1000));
      const acceptedDay = daily.get(p.acceptedAt.toISOString().slice(0, 10));
      if (acceptedDay) acceptedDay.promises++;
    }
    amounts.set(row.case.currency, bucket);
  }
  const done = settled.assistant.done + settled.human.done;
  return {
    period,
    filters,
    conversations: rows.length,
    verified,
    verificationRate: ratio(verified, rows.length),
    withPromise,
    promiseToPayRate: ratio(withPromise, rows.length),
    amounts: [...amounts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, a]) => ({
        currency,
        promised: a.promised,
        due: a.due,
        ratio: ratio(a.promised, a.due),
      })),
    promises: counts,
    keptRate: {
      overall: ratio(settled.assistant.kept + settled.human.kept, done),
      assistant: ratio(settled.assistant.kept, settled.assistant.done),
      human: ratio(settled.human.kept, settled.human.done),
    },
    averageDiscountBps: discounts.length
      ? Math.round(discounts.reduce((s, d) => s + d, 0) / discounts.length)
      : null,
    escalationsByKind: [...escalations].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    medianTimeToAgreementSeconds: median(agreementSeconds),
    daily: [...daily.entries()].map(([date, v]) => ({ date, ...v })),
  };
}

export async function kpis(ctx: AppContext, query: unknown): Promise<KpiReport> {
  const q = parseOrThrow(kpiQuery, query, "query");
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) {
    throw new AppError(
      "validation_failed",
      `Invalid query: from: the period is at most ${MAX_PERIOD_DAYS} days`,
      [{ path: "from", message: `the period is at most ${MAX_PERIOD_DAYS} days` }],
    );
  }
  const filter = {
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY),
    creditorId: q.creditor,
    policyVersionId: q.policyVersion,
  };
  const [rows, escalations, handedOff, payments, promisesPaid, funnel] = await Promise.all([
    ctx.stores.kpis.conversations(filter),
    ctx.stores.kpis.escalationsByKind(filter),
    ctx.stores.kpis.handedOff(filter),
    ctx.stores.kpis.payments(filter),
    ctx.stores.kpis.promisesPaid(filter),
    ctx.stores.kpis.funnel(filter),
  ]);
  return {
    ...computeKpis(
      rows,
      escalations,
      { from, to },
      { creditor: q.creditor ?? null, policyVersion: q.policyVersion ?? null },
    ),
    handedOff,
    cash: computeCash(payments, promisesPaid, funnel, { from, to }),
  };
}

export async function kpiFilters(ctx: AppContext): Promise<KpiFilters> {
  const { creditors, policyVersions } = await ctx.stores.kpis.filterOptions();
  return {
    creditors,
    policyVersions: policyVersions.map((v) => ({
      id: v.id,
      packId: v.packId,
      hash: v.hash,
      status: v.status,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
  };
}
