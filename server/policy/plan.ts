// Instalment plans that respect the limits: at most maxInstalments, every instalment at least
// minInstalment, the first at least the down payment, the last due within maxPlanMonths of today.
// Fewer instalments only ever make each one larger and the plan shorter, so fitting a plan means
// lowering the count until every limit holds.
import { type EffectiveLimits, latestPlanEnd, minDownPayment } from "./limits.js";
import { dueDateAt, schedule } from "./schedule.js";
import type { Cadence, Instalment, ReasonCode } from "./types.js";

/** The first instalment when the equal share is below the down payment; undefined for an equal split. */
export function downPaymentAmount(total: number, count: number, limits: EffectiveLimits): number | undefined {
  const down = minDownPayment(total, limits.minDownPaymentBps);
  return Math.floor(total / count) >= down ? undefined : down;
}

export function smallestInstalment(total: number, count: number, limits: EffectiveLimits): number {
  const first = downPaymentAmount(total, count, limits);
  if (first === undefined) return Math.floor(total / count);
  return Math.min(first, Math.floor((total - first) / (count - 1)));
}

/** The first limit a plan of `count` instalments would break, if any. */
export function planProblem(
  total: number,
  count: number,
  firstDate: string,
  cadence: Cadence,
  limits: EffectiveLimits,
  today: string,
): ReasonCode | undefined {
  if (count < 2) return "plan_not_possible";
  if (count > limits.maxInstalments) return "too_many_instalments";
  if (smallestInstalment(total, count, limits) < limits.minInstalment) return "instalment_below_minimum";
  if (dueDateAt(firstDate, cadence, count - 1) > latestPlanEnd(today, limits)) return "plan_too_long";
  return undefined;
}

export interface FittedCount {
  readonly count: number;
  /** Why the count was lowered, in the order the limits bit; empty when the request fitted. */
  readonly reasons: readonly ReasonCode[];
}

/** The largest count not above `wanted` that fits every limit, or undefined when no plan fits. */
export function fitCount(
  total: number,
  wanted: number,
  firstDate: string,
  cadence: Cadence,
  limits: EffectiveLimits,
  today: string,
): FittedCount | undefined {
  const reasons: ReasonCode[] = [];
  let count = wanted;
  if (count > limits.maxInstalments) {
    reasons.push("too_many_instalments");
    count = limits.maxInstalments;
  }
  for (; count >= 2; count--) {
    const problem = planProblem(total, count, firstDate, cadence, limits, today);
    if (problem === undefined) return { count, reasons };
    if (!reasons.includes(problem)) reasons.push(problem);
  }
  return undefined;
}

export function planInstalments(
  total: number,
  currency: string,
  count: number,
  firstDate: string,
  cadence: Cadence,
  limits: EffectiveLimits,
  timeZone: string,
  amounts?: readonly number[],
  dates?: readonly string[],
): Instalment[] {
  if (amounts)
    return schedule({ amount: total, currency }, count, firstDate, cadence, timeZone, {
      amounts,
      ...(dates ? { dates } : {}),
    });
  const firstAmount = downPaymentAmount(total, count, limits);
  return schedule(
    { amount: total, currency },
    count,
    firstDate,
    cadence,
    timeZone,
    firstAmount === undefined ? {} : { firstAmount },
  );
}

/**
 * The debtor's own instalment amount, kept: every instalment is `amount` except the last, which is
 * what remains (folded into the one before when it would fall below the minimum instalment). When
 * the pack requires a larger first instalment (a down payment), only the first one grows: the
 * closest plan to what the debtor asked. Undefined when no such plan fits the limits (too many
 * instalments, too long, an instalment below the minimum): the caller then fits an even split.
 */
export function debtorAmountPlan(
  total: number,
  amount: number,
  firstDate: string,
  cadence: Cadence,
  limits: EffectiveLimits,
  today: string,
): { amounts: number[]; raisedFirst: boolean } | undefined {
  if (amount < limits.minInstalment || amount >= total) return undefined;
  const down = limits.minDownPaymentBps > 0 ? minDownPayment(total, limits.minDownPaymentBps) : 0;
  const first = Math.max(amount, down);
  if (first >= total) return undefined;
  const amounts = [first];
  let rest = total - first;
  while (rest > amount) {
    amounts.push(amount);
    rest -= amount;
  }
  if (rest > 0) {
    const last = amounts.length - 1;
    if (rest < limits.minInstalment && last > 0) amounts[last] = (amounts[last] as number) + rest;
    else amounts.push(rest);
  }
  const count = amounts.length;
  if (count < 2 || count > limits.maxInstalments) return undefined;
  if (amounts.some((a) => a < limits.minInstalment)) return undefined;
  if (dueDateAt(firstDate, cadence, count - 1) > latestPlanEnd(today, limits)) return undefined;
  return { amounts, raisedFirst: first > amount };
}

/**
 * The proposer's own first instalment, kept ("500 now and the rest next month"): the rest is split
 * evenly over the `count - 1` others, the last taking the odd minor units. When the pack requires a
 * larger first instalment (a down payment) only the first grows, as for debtorAmountPlan.
 * `lastDate`: the last instalment's own date (the rest's, Proposal.restDate) instead of the
 * cadence's. When no such plan fits the limits, the first limit it breaks (the caller then counters
 * with a plan of its own).
 */
export function firstAmountPlan(
  total: number,
  firstAmount: number,
  count: number,
  firstDate: string,
  cadence: Cadence,
  limits: EffectiveLimits,
  today: string,
  lastDate?: string,
): { amounts: number[]; raisedFirst: boolean } | { problem: ReasonCode } {
  if (count < 2) return { problem: "plan_not_possible" };
  if (count > limits.maxInstalments) return { problem: "too_many_instalments" };
  const down = limits.minDownPaymentBps > 0 ? minDownPayment(total, limits.minDownPaymentBps) : 0;
  const first = Math.max(firstAmount, down);
  // Nothing (or less) left for the other instalments: they would fall below the minimum.
  if (first >= total) return { problem: "instalment_below_minimum" };
  const rest = total - first;
  const others = count - 1;
  const share = Math.floor(rest / others);
  const amounts = [first, ...Array.from({ length: others - 1 }, () => share), rest - share * (others - 1)];
  if (amounts.some((a) => a < limits.minInstalment || a <= 0)) return { problem: "instalment_below_minimum" };
  if ((lastDate ?? dueDateAt(firstDate, cadence, count - 1)) > latestPlanEnd(today, limits))
    return { problem: "plan_too_long" };
  return { amounts, raisedFirst: first > firstAmount };
}
