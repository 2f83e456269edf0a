// FR B2B late-payment penalties (C. com. L441-10; FR-B1): principal × (ECB rate + margin) × days / 365.
//
// Rate choice: the pack lists the ECB rate in force on each 1 January and 1 July. Each day of delay is
// charged at the rate of the half-year it falls in (the "half-year in question" of Directive 2011/7
// art. 2(6)), so a delay spanning a rate change is split into segments. Days run from the day after
// the due date up to and including `asOf`. The day count is actual/365, leap years included, as French
// practice does. All segments are summed exactly (BigInt) and rounded once, half up, per invoice.
// Days before the first table entry are not charged (the debtor is never charged a guessed rate).
import { majorText } from "../domain/money.js";
import { mulDiv } from "./arith.js";
import { fromEpochDay, toEpochDay } from "./dates.js";
import type { Fees } from "./schema-fees.js";
import type { InterestSegment } from "./types.js";

type LateInterest = NonNullable<Fees["lateInterest"]>;

export interface InterestResult {
  readonly amount: number;
  readonly days: number;
  readonly detail: string;
  /** The periods charged, and the days before the rate table (not charged), as data. */
  readonly segments: readonly InterestSegment[];
  readonly uncharged?: { readonly days: number; readonly before: string };
}

function pct(bps: number): string {
  return `${(bps / 100).toFixed(2)} %`;
}

export function lateInterest(
  principal: number,
  dueAt: string,
  asOf: string,
  cfg: LateInterest,
  /** Writes the principal in the detail as "1200.00 EUR" (minor units otherwise). */
  currency?: string,
): InterestResult {
  const first = toEpochDay(dueAt) + 1;
  const last = toEpochDay(asOf);
  if (last < first || principal <= 0) return { amount: 0, days: 0, detail: "not overdue", segments: [] };

  let weightedDays = 0n; // Σ days × (rate + margin), in bps·days
  const segments: string[] = [];
  const periods: InterestSegment[] = [];
  let uncharged: { days: number; before: string } | undefined;
  const rates = cfg.rates;
  const tableStart = rates[0] ? toEpochDay(rates[0].from) : Number.POSITIVE_INFINITY;
  if (first < tableStart) {
    const uncovered = Math.min(last, tableStart - 1) - first + 1;
    segments.push(`${uncovered} d before ${rates[0]?.from ?? "the rate table"} not charged (no rate)`);
    if (rates[0]) uncharged = { days: uncovered, before: rates[0].from };
  }
  rates.forEach((rate, i) => {
    const from = Math.max(first, toEpochDay(rate.from));
    const next = rates[i + 1];
    const to = Math.min(last, next ? toEpochDay(next.from) - 1 : last);
    if (to < from) return;
    const days = to - from + 1;
    const bps = rate.bps + cfg.marginBps;
    weightedDays += BigInt(days) * BigInt(bps);
    periods.push({ days, from: fromEpochDay(from), rateBps: rate.bps, marginBps: cfg.marginBps });
    segments.push(
      `${days} d from ${fromEpochDay(from)} at ${pct(rate.bps)} + ${pct(cfg.marginBps)} = ${pct(bps)}`,
    );
  });
  const amount = mulDiv(BigInt(principal), weightedDays, 10_000n * BigInt(cfg.dayCountBasis), "half_up");
  return {
    amount,
    days: last - first + 1,
    detail: `${currency ? majorText(principal, currency) : principal} × Σ(days × rate) / ${cfg.dayCountBasis}: ${segments.join("; ")}; rounded half up`,
    segments: periods,
    ...(uncharged ? { uncharged } : {}),
  };
}
