// Evaluates a proposal from the debtor (or from the model on the debtor's behalf) against the pack:
// accept it when every limit holds, counter with the nearest allowed terms, or refuse with the public
// bounds. A refusal of a debtor proposal is never final: `handoff` tells the caller to queue it for a
// person (UK-5, DP-6). Model proposals beyond the limits are simply refused. Neither a counter nor a
// refusal ever states the settlement floor.
import { isNonNegativeSafeInt } from "./arith.js";
import { toLocalDate } from "./dates.js";
import { negotiable } from "./ladder.js";
import { effectiveLimits, publicBounds } from "./limits.js";
import { type EvalContext, evaluateFull, evaluatePlan, evaluateSettlement } from "./proposal-kinds.js";
import type { PolicyPack } from "./schema.js";
import type { NegotiationState, OfferTerms, Proposal, ProposalDecision, ReasonCode } from "./types.js";

const EXPLAIN: Record<ReasonCode, string> = {
  invalid_proposal: "The proposal could not be read as payment terms.",
  nothing_due: "Nothing is due on this case.",
  time_barred: "The case is time-barred: no offer is made or accepted; a person takes over.",
  too_many_rounds: "The counter-offer rounds are exhausted; a person takes over.",
  kind_not_available: "This kind of offer is not available at this point of the negotiation.",
  settlement_not_available: "A reduced lump-sum settlement is not available at this point.",
  settlement_lump_sum_only: "A settlement is a single payment; a plan covers the full amount.",
  date_in_past: "The date asked for is in the past; the earliest possible date is today.",
  first_payment_too_late: "The first payment must fall within the payment window.",
  settlement_too_late: "A settlement must be paid within its pay-by window.",
  too_many_instalments: "The plan asked for has more instalments than allowed.",
  instalment_below_minimum: "The instalments asked for are below the minimum instalment.",
  down_payment_too_low: "The first instalment must be at least the minimum down payment.",
  rest_before_first: "The rest must be due after the first payment.",
  plan_too_long: "The plan asked for ends after the latest allowed end date.",
  plan_not_possible: "The balance is too small to split into instalments; a single payment is proposed.",
  cadence_not_allowed: "The payment frequency asked for is not offered.",
  total_mismatch: "The total asked for differs from the amount of these terms.",
  discount_too_high: "The discount asked for cannot be agreed as it stands.",
};

export function explain(reasons: readonly ReasonCode[]): string {
  return reasons.map((r) => EXPLAIN[r]).join(" ");
}

function invalidField(p: Proposal, timeZone: string): string | undefined {
  if (p.source !== "debtor" && p.source !== "model") return "source";
  if (p.kind !== undefined && !["full", "plan", "settlement"].includes(p.kind)) return "kind";
  if (p.cadence !== undefined && !["weekly", "biweekly", "monthly"].includes(p.cadence)) return "cadence";
  if (p.total !== undefined && !isNonNegativeSafeInt(p.total)) return "total";
  if (
    p.instalmentAmount !== undefined &&
    !(isNonNegativeSafeInt(p.instalmentAmount) && p.instalmentAmount > 0)
  )
    return "instalmentAmount";
  if (p.firstAmount !== undefined && !(isNonNegativeSafeInt(p.firstAmount) && p.firstAmount > 0))
    return "firstAmount";
  if (p.count !== undefined && !(Number.isInteger(p.count) && p.count >= 1 && p.count <= 10_000))
    return "count";
  if (
    p.discountBps !== undefined &&
    !(Number.isInteger(p.discountBps) && p.discountBps >= 0 && p.discountBps <= 10_000)
  )
    return "discountBps";
  if (p.firstDate !== undefined) {
    try {
      toLocalDate(p.firstDate, timeZone);
    } catch {
      return "firstDate";
    }
  }
  if (p.restDate !== undefined) {
    // The rest's own day only makes sense for a first payment followed by the rest in one payment.
    if (p.firstAmount === undefined || (p.count !== undefined && p.count !== 2)) return "restDate";
    try {
      toLocalDate(p.restDate, timeZone);
    } catch {
      return "restDate";
    }
  }
  return undefined;
}

type Route = "full" | "plan" | "settlement" | "full_or_settlement";

/** Which kind of terms a partial proposal asks for. */
function route(p: Proposal, state: NegotiationState): Route {
  const lower = p.total !== undefined && p.total < state.due.total;
  if (p.kind === "plan" || p.kind === "settlement") return p.kind;
  if (p.kind === "full") return lower ? "full_or_settlement" : "full";
  if (p.discountBps !== undefined && p.discountBps > 0) return "settlement";
  if (
    p.instalmentAmount !== undefined ||
    p.firstAmount !== undefined ||
    (p.count !== undefined && p.count > 1)
  )
    return "plan";
  return lower ? "full_or_settlement" : "full";
}

/**
 * Whether countering with `offer` spends one of the pack's counter-offer rounds. Two counters do
 * not: putting the next ladder step on the table because the debtor asked for something the ladder
 * has not reached yet, and the first settlement, which opens at its step's rate exactly as the ladder
 * would. Every other counter is haggling, and the rounds bound it.
 */
export function spendsCounterRound(offer: OfferTerms, reason: ReasonCode, state: NegotiationState): boolean {
  if (reason === "settlement_not_available" || reason === "kind_not_available") return false;
  if (offer.kind === "settlement" && !state.offersMade.some((o) => o.kind === "settlement")) return false;
  return true;
}

export function evaluateProposal(p: Proposal, state: NegotiationState, pack: PolicyPack): ProposalDecision {
  const handoff = p.source === "debtor";
  const refuse = (reason: ReasonCode, detail = ""): ProposalDecision => ({
    decision: "refuse",
    reason,
    bounds: publicBounds(state, pack),
    handoff,
    explanation: `${EXPLAIN[reason]}${detail}`,
  });
  const bad = invalidField(p, state.facts.timeZone);
  if (bad) return refuse("invalid_proposal", ` (field ${bad})`);
  if (state.due.total <= 0) return refuse("nothing_due");
  if (!negotiable(state, pack)) return refuse("time_barred");

  const ctx: EvalContext = {
    p,
    state,
    pack,
    limits: effectiveLimits(pack, state.signals.hardship),
    firstDate: p.firstDate === undefined ? undefined : toLocalDate(p.firstDate, state.facts.timeZone),
    restDate: p.restDate === undefined ? undefined : toLocalDate(p.restDate, state.facts.timeZone),
    decide: (offer: OfferTerms, reasons: readonly ReasonCode[]) => {
      if (reasons.length === 0) return { decision: "accept", offer };
      const reason = reasons[0] as ReasonCode;
      // Countering is a concession round; past the pack's limit a person takes over.
      const round = spendsCounterRound(offer, reason, state);
      if (round && state.step >= pack.ladder.maxCounterRounds.value) return refuse("too_many_rounds");
      return { decision: "counter", offer, reason, explanation: explain(reasons), round };
    },
    refuse,
  };
  switch (route(p, state)) {
    case "full":
    case "full_or_settlement":
      // Paying less than any full terms on offer is a request for a settlement.
      return evaluateFull(ctx) ?? evaluateSettlement(ctx);
    case "plan":
      return evaluatePlan(ctx);
    case "settlement":
      return evaluateSettlement(ctx);
  }
}
