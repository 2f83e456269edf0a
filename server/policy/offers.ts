// Builds OfferTerms. Every offer carries the rule that produced it and the citations of the limits it
// was checked against, so a collector can tell why the engine allowed these numbers.
import { discountAmount, discountBpsOf } from "./arith.js";
import { addDays, minDate } from "./dates.js";
import { type EffectiveLimits, uniqueRules } from "./limits.js";
import { planInstalments } from "./plan.js";
import type { PolicyPack } from "./schema.js";
import type { Cadence, NegotiationState, OfferTerms } from "./types.js";

export interface Waive {
  readonly interest: boolean;
  readonly indemnity: boolean;
}

export const NO_WAIVER: Waive = { interest: false, indemnity: false };

/** The amount due minus what the waiver drops. */
export function totalAfterWaiver(state: NegotiationState, waive: Waive): number {
  const { due } = state;
  const dropped = (waive.interest ? due.interest : 0) + (waive.indemnity ? due.indemnity : 0);
  return Math.max(0, due.total - dropped);
}

interface Common {
  readonly rule: string;
  readonly citations: readonly string[];
}

function expiry(state: NegotiationState, pack: PolicyPack, firstDue: string): string {
  // An offer cannot stay open after its own first due date.
  return minDate(addDays(state.today, pack.ladder.offerValidDays.value), firstDue);
}

function feeCitations(pack: PolicyPack, waive: Waive): string[] {
  const f = pack.fees;
  return uniqueRules(
    f.rules,
    !waive.interest && f.lateInterest ? f.lateInterest.rules : [],
    !waive.indemnity && f.recoveryIndemnity ? f.recoveryIndemnity.rules : [],
  );
}

export function fullOffer(
  state: NegotiationState,
  pack: PolicyPack,
  o: Common & { dueDate: string; waive: Waive; limits: EffectiveLimits },
): OfferTerms {
  const total = totalAfterWaiver(state, o.waive);
  return {
    kind: "full",
    currency: state.due.currency,
    total,
    instalments: [{ dueDate: o.dueDate, amount: total }],
    discountBps: 0,
    waived: { ...o.waive },
    rule: o.rule,
    citations: uniqueRules(
      o.citations,
      pack.limits.firstPaymentWithinDays.rules,
      feeCitations(pack, o.waive),
    ),
    expiresAt: expiry(state, pack, o.dueDate),
    packId: pack.id,
  };
}

export function planOffer(
  state: NegotiationState,
  pack: PolicyPack,
  o: Common & {
    count: number;
    firstDate: string;
    cadence: Cadence;
    waive: Waive;
    limits: EffectiveLimits;
    /** The debtor's own amounts (see plan.ts debtorAmountPlan); an even split otherwise. */
    amounts?: readonly number[];
    /** The debtor's own dates, with their amounts (Proposal.restDate); the cadence's otherwise. */
    dates?: readonly string[];
  },
): OfferTerms {
  const total = totalAfterWaiver(state, o.waive);
  const instalments = planInstalments(
    total,
    state.due.currency,
    o.count,
    o.firstDate,
    o.cadence,
    o.limits,
    state.facts.timeZone,
    o.amounts,
    o.dates,
  );
  return {
    kind: "plan",
    currency: state.due.currency,
    total,
    instalments,
    discountBps: 0,
    waived: { ...o.waive },
    rule: o.rule,
    citations: uniqueRules(o.citations, o.limits.citations, feeCitations(pack, o.waive)),
    expiresAt: expiry(state, pack, o.firstDate),
    packId: pack.id,
  };
}

/** A lump sum: `discount` is either basis points or the settlement total the debtor named. */
export function settlementOffer(
  state: NegotiationState,
  pack: PolicyPack,
  o: Common & {
    dueDate: string;
    discount: { bps: number } | { total: number };
    tierRules: readonly string[];
  },
): OfferTerms {
  const due = state.due.total;
  const total = "bps" in o.discount ? due - discountAmount(due, o.discount.bps) : o.discount.total;
  return {
    kind: "settlement",
    currency: state.due.currency,
    total,
    instalments: [{ dueDate: o.dueDate, amount: total }],
    discountBps: discountBpsOf(due, total),
    waived: { interest: false, indemnity: false },
    rule: o.rule,
    citations: uniqueRules(
      o.citations,
      o.tierRules,
      pack.limits.settlementPayWithinDays.rules,
      pack.fees.rules,
    ),
    expiresAt: o.dueDate,
    packId: pack.id,
  };
}
