// Key figures in money: cash collected (by day, by creditor, split between promises the assistant
// obtained, those a person obtained, and payments outside any promise), promised against collected
// for the promises accepted in the period, and the funnel of the cases created in it: links sent,
// opened, identity verified, promised, paid. Money per currency, in minor units.

import type { CashReport } from "../../../contract/console-reports.js";
import { addDays } from "../../policy/index.js";
import type { KpiFunnelRow, KpiPaymentRow, KpiPromisePaidRow } from "../ports/console.js";

export type { CashReport };

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

export function computeCash(
  payments: readonly KpiPaymentRow[],
  promises: readonly KpiPromisePaidRow[],
  funnelRows: readonly KpiFunnelRow[],
  period: { from: string; to: string },
): CashReport {
  const byCurrency = new Map<string, CashReport["collected"][number]>();
  const daily = new Map<string, number>();
  const byCreditor = new Map<string, CashReport["collectedByCreditor"][number]>();
  for (const p of payments) {
    const amount = Number(p.amount);
    const c = byCurrency.get(p.currency) ?? {
      currency: p.currency,
      total: 0,
      assistant: 0,
      human: 0,
      unplanned: 0,
      bySource: {},
    };
    c.total += amount;
    const obtainer = p.instalment?.promise.obtainedBy;
    if (obtainer === "assistant") c.assistant += amount;
    else if (obtainer === "human") c.human += amount;
    else c.unplanned += amount;
    c.bySource[p.source] = (c.bySource[p.source] ?? 0) + amount;
    byCurrency.set(p.currency, c);
    const dayKey = `${p.paidAt.toISOString().slice(0, 10)}|${p.currency}`;
    daily.set(dayKey, (daily.get(dayKey) ?? 0) + amount);
    const credKey = `${p.case.creditorId}|${p.currency}`;
    const cred = byCreditor.get(credKey) ?? {
      creditorId: p.case.creditorId,
      creditor: p.case.creditor.name,
      currency: p.currency,
      amount: 0,
    };
    cred.amount += amount;
    byCreditor.set(credKey, cred);
  }
  const currencies = [...new Set([...byCurrency.keys(), ...promises.map((p) => p.currency)])].sort();
  const collectedDaily: CashReport["collectedDaily"] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1))
    for (const currency of [...byCurrency.keys()].sort())
      collectedDaily.push({ date: d, currency, amount: daily.get(`${d}|${currency}`) ?? 0 });

  const pvc = new Map<string, CashReport["promisedVsCollected"][number]>();
  for (const p of promises) {
    if (p.status === "cancelled") continue;
    const e = pvc.get(p.currency) ?? {
      currency: p.currency,
      promised: 0,
      collected: 0,
      ratio: null,
      byObtainer: { assistant: { promised: 0, collected: 0 }, human: { promised: 0, collected: 0 } },
    };
    const paid = p.instalments.reduce((s, i) => s + Number(i.paidAmount), 0);
    e.promised += Number(p.total);
    e.collected += paid;
    e.byObtainer[p.obtainedBy].promised += Number(p.total);
    e.byObtainer[p.obtainedBy].collected += paid;
    pvc.set(p.currency, e);
  }

  const funnel = { linksSent: 0, opened: 0, verified: 0, promised: 0, paid: 0 };
  for (const c of funnelRows) {
    if (c._count.tokens > 0) funnel.linksSent++;
    if ((c.conversation?._count.messages ?? 0) > 0) funnel.opened++;
    if (c.conversation?.verifiedAt) funnel.verified++;
    if (c._count.promises > 0) funnel.promised++;
    if (c._count.payments > 0) funnel.paid++;
  }

  return {
    collected: currencies
      .filter((c) => byCurrency.has(c))
      .map((c) => byCurrency.get(c) as CashReport["collected"][number]),
    collectedDaily,
    collectedByCreditor: [...byCreditor.values()].sort(
      (a, b) => b.amount - a.amount || a.creditor.localeCompare(b.creditor),
    ),
    promisedVsCollected: [...pvc.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((e) => ({ ...e, ratio: ratio(e.collected, e.promised) })),
    funnel,
  };
}
