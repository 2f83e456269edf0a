// The limits that apply to one negotiation: standard or hardship plan limits, the discount tier of
// the case, the public bounds. Tiers: the case's days past due and outstanding balance (the amount due,
// in minor units) select at most one tier; its maxDiscountBps caps every settlement. No tier, no discount.
import { discountAmount, mulDiv } from "./arith.js";
import { unlockedStep } from "./conditions.js";
import { addDays, addMonths } from "./dates.js";
import type { PolicyPack } from "./schema.js";
import type { Cadence, NegotiationState, PublicBounds } from "./types.js";

export interface EffectiveLimits {
  readonly maxInstalments: number;
  readonly minInstalment: number;
  readonly maxPlanMonths: number;
  readonly firstPaymentWithinDays: number;
  readonly minDownPaymentBps: number;
  readonly cadences: readonly Cadence[];
  readonly settlementPayWithinDays: number;
  readonly hardship: boolean;
  readonly citations: readonly string[];
}

export function uniqueRules(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Hardship swaps in the pack's hardship plan limits (longer plans, smaller instalments), if any. */
export function effectiveLimits(pack: PolicyPack, hardship: boolean): EffectiveLimits {
  const l = pack.limits;
  const h = hardship ? l.hardship : undefined;
  const maxInstalments = h?.maxInstalments ?? l.maxInstalments;
  const minInstalment = h?.minInstalment ?? l.minInstalment;
  const maxPlanMonths = h?.maxPlanMonths ?? l.maxPlanMonths;
  return {
    maxInstalments: maxInstalments.value,
    minInstalment: minInstalment.value,
    maxPlanMonths: maxPlanMonths.value,
    firstPaymentWithinDays: l.firstPaymentWithinDays.value,
    minDownPaymentBps: l.minDownPaymentBps.value,
    cadences: l.cadences.value,
    settlementPayWithinDays: l.settlementPayWithinDays.value,
    hardship: h !== undefined,
    citations: uniqueRules(
      maxInstalments.rules,
      minInstalment.rules,
      maxPlanMonths.rules,
      l.firstPaymentWithinDays.rules,
      l.minDownPaymentBps.rules,
      l.cadences.rules,
    ),
  };
}

export interface TierMatch {
  readonly index: number;
  readonly maxDiscountBps: number;
  readonly rules: readonly string[];
}

const inRange = (r: { from: number; to?: number | undefined }, v: number) =>
  v >= r.from && (r.to === undefined || v < r.to);

export function discountTier(pack: PolicyPack, daysPastDue: number, balance: number): TierMatch | undefined {
  const index = pack.limits.discountTiers.findIndex(
    (t) => inRange(t.daysPastDue, daysPastDue) && inRange(t.balance, balance),
  );
  const tier = pack.limits.discountTiers[index];
  return tier ? { index, maxDiscountBps: tier.maxDiscountBps, rules: tier.rules } : undefined;
}

/** The largest discount any settlement on this case may carry (0: no settlement). Never made public. */
export function maxDiscountBps(state: NegotiationState, pack: PolicyPack): number {
  return discountTier(pack, state.due.daysPastDue, state.due.total)?.maxDiscountBps ?? 0;
}

/** The lowest settlement total the tier allows. Never made public. */
export function settlementFloor(total: number, maxBps: number): number {
  return total - discountAmount(total, maxBps);
}

export function minDownPayment(total: number, bps: number): number {
  return mulDiv(total, bps, 10_000, "ceil");
}

export function latestFirstDate(today: string, limits: EffectiveLimits): string {
  return addDays(today, limits.firstPaymentWithinDays);
}

/** Every instalment falls due on or before this date (maxPlanMonths counted from the offer day). */
export function latestPlanEnd(today: string, limits: EffectiveLimits): string {
  return addMonths(today, limits.maxPlanMonths);
}

/** A settlement is possible now: a settlement step is unlocked and the case's tier allows a discount. */
export function settlementAvailable(state: NegotiationState, pack: PolicyPack): boolean {
  return unlockedStep(pack, state, "settlement") !== undefined && maxDiscountBps(state, pack) > 0;
}

export function publicBounds(state: NegotiationState, pack: PolicyPack): PublicBounds {
  const limits = effectiveLimits(pack, state.signals.hardship);
  const settlement = settlementAvailable(state, pack);
  return {
    currency: state.due.currency,
    amountDue: state.due.total,
    maxInstalments: limits.maxInstalments,
    minInstalment: limits.minInstalment,
    maxPlanMonths: limits.maxPlanMonths,
    cadences: limits.cadences,
    firstPaymentWithinDays: limits.firstPaymentWithinDays,
    latestFirstPaymentDate: latestFirstDate(state.today, limits),
    latestPlanEndDate: latestPlanEnd(state.today, limits),
    minDownPayment: minDownPayment(state.due.total, limits.minDownPaymentBps),
    settlementAvailable: settlement,
    ...(settlement ? { settlementPayWithinDays: limits.settlementPayWithinDays } : {}),
  };
}
