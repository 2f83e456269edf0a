// The concession ladder: the next offer the engine makes, following the pack's steps in order.
// A step is offered once; it must be unlocked (see conditions.ts) and buildable within the limits
// (a plan step is skipped when the balance is too small for two instalments, a settlement step when
// the case's tier allows no discount). null means the ladder is exhausted: the caller escalates as
// "hardship_beyond_ladder". Nothing is offered on a time-barred case unless the pack allows it.
import { stepUnlocked } from "./conditions.js";
import { addDays } from "./dates.js";
import { discountTier, type EffectiveLimits, effectiveLimits } from "./limits.js";
import { fullOffer, NO_WAIVER, planOffer, settlementOffer, totalAfterWaiver } from "./offers.js";
import { fitCount } from "./plan.js";
import type { PolicyPack } from "./schema.js";
import type { LadderStep } from "./schema-ladder.js";
import type { NegotiationState, OfferTerms } from "./types.js";

/** Whether the pack lets the engine negotiate on this case at all. */
export function negotiable(state: NegotiationState, pack: PolicyPack): boolean {
  if (state.due.total <= 0) return false;
  return !state.due.timeBarred || pack.limitation.timeBarred.allowOffers;
}

export function offerForStep(
  step: LadderStep,
  state: NegotiationState,
  pack: PolicyPack,
  limits: EffectiveLimits,
): OfferTerms | null {
  const rule = `ladder.${step.id}`;
  const waive = step.waive ?? NO_WAIVER;
  // A waiver that drops nothing (no interest or indemnity accrued) is not a concession: skip the step.
  if (step.waive && totalAfterWaiver(state, waive) === state.due.total) return null;
  if (step.kind === "full") {
    const dueDate = addDays(state.today, step.dueInDays ?? limits.firstPaymentWithinDays);
    return fullOffer(state, pack, { rule, citations: step.rules, dueDate, waive, limits });
  }
  if (step.kind === "plan") {
    const total = totalAfterWaiver(state, waive);
    const firstDate = addDays(state.today, step.dueInDays ?? limits.firstPaymentWithinDays);
    const cadence =
      step.cadence ?? (limits.cadences.includes("monthly") ? "monthly" : (limits.cadences[0] ?? "monthly"));
    const fitted = fitCount(
      total,
      step.instalments ?? limits.maxInstalments,
      firstDate,
      cadence,
      limits,
      state.today,
    );
    if (!fitted) return null;
    return planOffer(state, pack, {
      rule,
      citations: step.rules,
      count: fitted.count,
      firstDate,
      cadence,
      waive,
      limits,
    });
  }
  const tier = discountTier(pack, state.due.daysPastDue, state.due.total);
  if (!tier || tier.maxDiscountBps === 0) return null;
  // Never go back on a discount already offered in a counter-offer; never beyond the tier.
  const offeredBefore = Math.max(
    0,
    ...state.offersMade.filter((o) => o.kind === "settlement").map((o) => o.discountBps),
  );
  const bps = Math.min(tier.maxDiscountBps, Math.max(step.openingDiscountBps ?? 0, offeredBefore));
  if (bps === 0) return null;
  const dueDate = addDays(state.today, step.dueInDays ?? limits.settlementPayWithinDays);
  return settlementOffer(state, pack, {
    rule,
    citations: step.rules,
    dueDate,
    discount: { bps },
    tierRules: tier.rules,
  });
}

export function nextOffer(state: NegotiationState, pack: PolicyPack): OfferTerms | null {
  if (!negotiable(state, pack)) return null;
  const limits = effectiveLimits(pack, state.signals.hardship);
  const made = new Set(state.offersMade.map((o) => o.rule));
  for (const step of pack.ladder.steps) {
    if (made.has(`ladder.${step.id}`) || !stepUnlocked(step, state)) continue;
    const offer = offerForStep(step, state, pack, limits);
    if (offer && offer.total > 0) return offer;
  }
  return null;
}
