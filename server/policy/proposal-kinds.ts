// The three evaluators behind evaluateProposal: full payment, instalment plan, lump-sum settlement.
// Each one moves every out-of-bounds term to the nearest allowed value and lists why.
import { discountAmount } from "./arith.js";
import { firstStepOfKind, unlockedStep } from "./conditions.js";
import { addDays, minDate } from "./dates.js";
import { nextOffer } from "./ladder.js";
import { discountTier, type EffectiveLimits, latestFirstDate, latestPlanEnd } from "./limits.js";
import { fullOffer, NO_WAIVER, planOffer, settlementOffer, totalAfterWaiver, type Waive } from "./offers.js";
import { debtorAmountPlan, downPaymentAmount, firstAmountPlan, fitCount } from "./plan.js";
import type { PolicyPack } from "./schema.js";
import type { NegotiationState, OfferTerms, Proposal, ProposalDecision, ReasonCode } from "./types.js";

export interface EvalContext {
  readonly p: Proposal;
  readonly state: NegotiationState;
  readonly pack: PolicyPack;
  readonly limits: EffectiveLimits;
  /** The proposal's date as a calendar date in the debtor's time zone. */
  readonly firstDate: string | undefined;
  /** The rest's own date (Proposal.restDate), likewise. */
  readonly restDate: string | undefined;
  readonly decide: (offer: OfferTerms, reasons: readonly ReasonCode[]) => ProposalDecision;
  readonly refuse: (reason: ReasonCode) => ProposalDecision;
}

/** Moves a date into [today, latest], recording why. */
function clampDate(
  date: string,
  today: string,
  latest: string,
  late: ReasonCode,
  reasons: ReasonCode[],
): string {
  if (date < today) {
    reasons.push("date_in_past");
    return today;
  }
  if (date > latest) {
    reasons.push(late);
    return latest;
  }
  return date;
}

/**
 * The rest's own date (Proposal.restDate) moved inside the plan's limits, recording why; undefined
 * when none was asked or none can be kept (the rest then falls a cadence after the first payment).
 */
function restDateWithin(ctx: EvalContext, firstDate: string, reasons: ReasonCode[]): string | undefined {
  if (ctx.restDate === undefined) return undefined;
  const latest = latestPlanEnd(ctx.state.today, ctx.limits);
  if (ctx.restDate > latest) {
    reasons.push("plan_too_long");
    return latest;
  }
  if (ctx.restDate <= firstDate) {
    reasons.push(ctx.restDate < ctx.state.today ? "date_in_past" : "rest_before_first");
    return undefined;
  }
  return ctx.restDate;
}

interface FullTerms {
  readonly total: number;
  readonly latest: string;
  readonly waive: Waive;
  readonly rule: string;
  readonly citations: readonly string[];
}

/**
 * Full payment. A waived full offer already made (the FR B2B concession) stays available until its
 * own due date, so a debtor who offers to pay the principal gets those terms. Returns null when the
 * proposal pays less than any full terms: the caller then treats it as a settlement request.
 */
export function evaluateFull(ctx: EvalContext): ProposalDecision | null {
  const { p, state, pack, limits } = ctx;
  const { today } = state;
  const standardLatest = latestFirstDate(today, limits);
  const standard: FullTerms = {
    total: state.due.total,
    latest: standardLatest,
    waive: NO_WAIVER,
    rule: "proposal.full",
    citations: [],
  };
  const waived: FullTerms[] = state.offersMade
    .filter((o) => o.kind === "full" && (o.waived.interest || o.waived.indemnity))
    .filter((o) => (o.instalments[0]?.dueDate ?? "") >= today)
    .map((o) => ({
      total: totalAfterWaiver(state, o.waived),
      latest: minDate(o.instalments[0]?.dueDate ?? today, standardLatest),
      waive: o.waived,
      rule: o.rule,
      citations: o.citations,
    }));
  // A debtor who offers to pay without the charges, promptly, meets a waived full step the pack
  // unlocks by prompt payment (the FR B2B first concession): the waiver holds for that step's window.
  const prompt: FullTerms[] =
    p.source === "debtor" && p.total !== undefined && p.total < state.due.total
      ? pack.ladder.steps
          .filter((st) => st.kind === "full" && st.waive && st.unlockedBy.includes("prompt_payment"))
          .map((st) => {
            const waive = { interest: st.waive?.interest ?? false, indemnity: st.waive?.indemnity ?? false };
            return {
              total: totalAfterWaiver(state, waive),
              latest: minDate(addDays(today, st.dueInDays ?? limits.firstPaymentWithinDays), standardLatest),
              waive,
              rule: `ladder.${st.id}`,
              citations: st.rules,
            };
          })
      : [];
  const candidates = [...waived, ...prompt, standard].sort((a, b) => a.total - b.total);
  const date = ctx.firstDate;
  const fits = (c: FullTerms) => date === undefined || date <= c.latest;
  const want = p.total;
  let chosen: FullTerms | undefined;
  if (want !== undefined && want < state.due.total) {
    chosen = candidates.find((c) => c.total <= want && fits(c));
    if (!chosen) return null;
  } else {
    chosen = candidates.find(fits) ?? standard;
  }
  const reasons: ReasonCode[] = [];
  const dueDate = clampDate(date ?? chosen.latest, today, chosen.latest, "first_payment_too_late", reasons);
  if (want !== undefined && want !== chosen.total) reasons.push("total_mismatch");
  const offer = fullOffer(state, pack, {
    rule: chosen.rule,
    citations: chosen.citations,
    dueDate,
    waive: chosen.waive,
    limits,
  });
  return ctx.decide(offer, reasons);
}

export function evaluatePlan(ctx: EvalContext): ProposalDecision {
  const { p, state, pack, limits } = ctx;
  const { today } = state;
  // The model may only propose what the ladder has unlocked; a debtor's own plan is always considered.
  if (p.source === "model" && !unlockedStep(pack, state, "plan")) return ctx.refuse("kind_not_available");
  const step = unlockedStep(pack, state, "plan") ?? firstStepOfKind(pack, "plan");
  const total = state.due.total;
  const reasons: ReasonCode[] = [];
  // Plans are never discounted: a reduced amount is only ever a lump-sum settlement.
  if ((p.discountBps ?? 0) > 0 || (p.total !== undefined && p.total < total))
    reasons.push("settlement_lump_sum_only");
  else if (p.total !== undefined && p.total > total) reasons.push("total_mismatch");

  let cadence = p.cadence ?? step?.cadence ?? "monthly";
  if (!limits.cadences.includes(cadence)) {
    reasons.push("cadence_not_allowed");
    cadence = limits.cadences.includes("monthly") ? "monthly" : (limits.cadences[0] ?? "monthly");
  }
  let requestedDate = ctx.firstDate ?? addDays(today, step?.dueInDays ?? limits.firstPaymentWithinDays);
  // "500 now and the rest next week": a rest due before the usual first payment brings the first
  // payment forward to today (when the proposer did not date it).
  // (A rest's own day always comes with a first amount: evaluateProposal refuses it otherwise.)
  if (ctx.restDate !== undefined && ctx.firstDate === undefined && ctx.restDate <= requestedDate)
    requestedDate = today;
  const firstDate = clampDate(
    requestedDate,
    today,
    latestFirstDate(today, limits),
    "first_payment_too_late",
    reasons,
  );

  const wanted =
    p.firstAmount !== undefined
      ? (p.count ?? 2)
      : p.instalmentAmount !== undefined
        ? Math.max(1, Math.ceil(total / p.instalmentAmount))
        : (p.count ?? step?.instalments ?? limits.maxInstalments);
  const single = () =>
    fullOffer(state, pack, {
      rule: "proposal.full",
      citations: [],
      dueDate: firstDate,
      waive: NO_WAIVER,
      limits,
    });
  if (wanted <= 1) return ctx.decide(single(), reasons);
  const restDate = restDateWithin(ctx, firstDate, reasons);
  // The debtor named an amount per instalment: keep it when the limits allow, raising only the
  // first instalment if the pack requires a down payment (then a counter, as close as allowed).
  const own =
    p.firstAmount !== undefined
      ? firstAmountPlan(total, p.firstAmount, p.count ?? 2, firstDate, cadence, limits, today, restDate)
      : p.instalmentAmount !== undefined && p.count === undefined
        ? debtorAmountPlan(total, p.instalmentAmount, firstDate, cadence, limits, today)
        : undefined;
  // The debtor's own first payment cannot be kept: say which limit, then counter with a plan of
  // the engine's own (never "accept" terms other than those asked).
  if (own && "problem" in own) reasons.push(own.problem);
  else if (own) {
    const offer = planOffer(state, pack, {
      rule: "proposal.plan",
      citations: step?.rules ?? [],
      count: own.amounts.length,
      firstDate,
      cadence,
      waive: NO_WAIVER,
      limits,
      amounts: own.amounts,
      ...(restDate !== undefined ? { dates: [firstDate, restDate] } : {}),
    });
    return ctx.decide(offer, [
      ...new Set([...reasons, ...(own.raisedFirst ? (["down_payment_too_low"] as const) : [])]),
    ]);
  }
  const fitted = fitCount(total, wanted, firstDate, cadence, limits, today);
  // Too small to split: the whole balance in one payment is the nearest allowed terms.
  if (!fitted) return ctx.decide(single(), [...reasons, "plan_not_possible"]);
  reasons.push(...fitted.reasons);
  const offer = planOffer(state, pack, {
    rule: "proposal.plan",
    citations: step?.rules ?? [],
    count: fitted.count,
    firstDate,
    cadence,
    waive: NO_WAIVER,
    limits,
  });
  const first = offer.instalments[0]?.amount ?? 0;
  if (
    p.instalmentAmount !== undefined &&
    downPaymentAmount(total, fitted.count, limits) !== undefined &&
    first > p.instalmentAmount
  )
    reasons.push("down_payment_too_low");
  return ctx.decide(offer, [...new Set(reasons)]);
}

/**
 * Lump-sum settlement, only once the ladder unlocked it (after a declined plan) and only within the
 * case's tier. Each round may move the discount by at most counterStepBps beyond the best discount
 * already offered; the first settlement offer opens at the step's openingDiscountBps.
 */
export function evaluateSettlement(ctx: EvalContext): ProposalDecision {
  const { p, state, pack, limits } = ctx;
  const { today } = state;
  const due = state.due.total;
  const step = unlockedStep(pack, state, "settlement");
  const tier = discountTier(pack, state.due.daysPastDue, due);
  if (!step || !tier || tier.maxDiscountBps === 0) {
    if (p.source === "debtor") {
      const alternative = nextOffer(state, pack);
      if (alternative && alternative.kind !== "settlement")
        return ctx.decide(alternative, ["settlement_not_available"]);
    }
    return ctx.refuse("settlement_not_available");
  }
  const reasons: ReasonCode[] = [];
  if ((p.count ?? 1) > 1 || p.instalmentAmount !== undefined) reasons.push("settlement_lump_sum_only");
  const latest = addDays(today, limits.settlementPayWithinDays);
  const requestedDate = ctx.firstDate ?? addDays(today, step.dueInDays ?? limits.settlementPayWithinDays);
  const dueDate = clampDate(requestedDate, today, latest, "settlement_too_late", reasons);

  const offered = state.offersMade.filter((o) => o.kind === "settlement").map((o) => o.discountBps);
  const current = offered.length > 0 ? Math.min(tier.maxDiscountBps, Math.max(...offered)) : undefined;
  const opening = Math.min(tier.maxDiscountBps, Math.max(step.openingDiscountBps ?? 0, current ?? 0));
  const allowedNow =
    current === undefined
      ? opening
      : Math.min(tier.maxDiscountBps, current + pack.ladder.counterStepBps.value);
  if (allowedNow === 0) return ctx.refuse("settlement_not_available");
  const base = { rule: "proposal.settlement", citations: step.rules, dueDate, tierRules: tier.rules };

  // A request is measured both in money and, when it was asked as a rate, in basis points: on a small
  // balance a rate above the limit can round to the same cents, and accepting it would let the
  // speaker announce a discount the policy does not allow.
  let asked: number | undefined;
  let askedBps = 0;
  if (p.total !== undefined && p.total < due) asked = due - p.total;
  else if ((p.discountBps ?? 0) > 0) {
    askedBps = p.discountBps ?? 0;
    asked = discountAmount(due, askedBps);
  }
  if (asked === undefined)
    return ctx.decide(
      settlementOffer(state, pack, { ...base, discount: { bps: current ?? opening } }),
      reasons,
    );
  if (asked <= discountAmount(due, allowedNow) && askedBps <= allowedNow)
    return ctx.decide(settlementOffer(state, pack, { ...base, discount: { total: due - asked } }), reasons);
  // Beyond what this round allows. The model gets no counter beyond the tier; nor does anyone once
  // the discount already offered is the tier's maximum (there is nothing left to concede).
  if (
    p.source === "model" &&
    (asked > discountAmount(due, tier.maxDiscountBps) || askedBps > tier.maxDiscountBps)
  )
    return ctx.refuse("discount_too_high");
  if (current !== undefined && allowedNow <= current) return ctx.refuse("discount_too_high");
  return ctx.decide(settlementOffer(state, pack, { ...base, discount: { bps: allowedNow } }), [
    "discount_too_high",
    ...reasons,
  ]);
}
