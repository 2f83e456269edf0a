// Tool calls that change the case need grounds in what the debtor said. A model may misread "I had
// cash-flow problems" as a dispute, or invent a figure the debtor never gave; the offline NLU's
// reading of the debtor's recent messages is the evidence. Without it the call is refused and the
// model is told why, so it asks the debtor instead of acting on a guess.

import type { EscalationKind, TurnContext } from "../language-layer.js";
import { deniedEscalation } from "../offline/escalation-correction.js";
import { SAFETY_ESCALATIONS } from "../offline/intent-routing.js";
import { type Intent, type Understanding, understand } from "../offline/nlu/index.js";

/** The intents (in the debtor's words) that ground each escalation the model may open. */
const ESCALATION_GROUNDS: Record<EscalationKind, readonly Intent[]> = {
  dispute: ["dispute", "question_debt"],
  already_paid: ["already_paid"],
  // Protective kinds take any sign of difficulty: a wrong refusal would hurt the debtor.
  vulnerability: ["vulnerability", "hardship", "surendettement", "bankruptcy", "breathing_space"],
  hardship: [
    "hardship",
    "vulnerability",
    "surendettement",
    "bankruptcy",
    "breathing_space",
    "propose",
    "decline",
  ],
  human_request: ["request_human"],
  stop_request: ["stop"],
  surendettement: ["surendettement"],
  breathing_space: ["breathing_space"],
  bankruptcy: ["bankruptcy", "surendettement"],
  attorney: ["attorney"],
  identity: ["third_party", "identity_answer", "forgot"],
  time_barred: ["time_barred_claim"],
  counter_offer: ["propose", "ask_discount", "want_plan", "decline"],
  third_party: ["third_party"],
  abuse: ["abuse", "injection"],
} as Record<EscalationKind, readonly Intent[]>;

/** How many earlier debtor messages count as context ("do you dispute it?" "yes"). */
const RECENT_DEBTOR_MESSAGES = 3;

/** What the debtor said this turn and in their last few messages, as the NLU reads it. */
export function debtorEvidence(ctx: TurnContext): Understanding[] {
  const nlu = {
    locale: ctx.locale,
    currency: ctx.facts?.currency ?? ctx.due?.currency ?? "EUR",
    today: new Date().toISOString().slice(0, 10),
  };
  const earlier = ctx.history
    .filter((m) => m.role === "debtor" && m.text !== ctx.debtorText)
    .slice(-RECENT_DEBTOR_MESSAGES)
    .map((m) => understand(m.text, nlu));
  return [ctx.understanding, ...earlier];
}

export type Grounds = { readonly ok: true } | { readonly ok: false; readonly why: string };

export function escalationGrounds(kind: EscalationKind, ctx: TurnContext): Grounds {
  // Identity problems arise from the verification itself, not from what the debtor claims.
  if (kind === "identity" && ctx.phase === "verifying") return { ok: true };
  const wanted = ESCALATION_GROUNDS[kind] ?? [];
  const evidence = debtorEvidence(ctx);
  const said = new Set(evidence.flatMap((u) => u.intents));
  if (wanted.some((i) => said.has(i))) return { ok: true };
  if (kind === "dispute" && evidence.some((u) => u.slots.disputeReason)) return { ok: true };
  if (kind === "hardship" && evidence.some((u) => u.slots.reasonForNonPayment === "hardship"))
    return { ok: true };
  return {
    ok: false,
    why: `the debtor has not said anything that supports "${kind}"; ask them what they mean instead of escalating`,
  };
}

interface ProposalFigures {
  readonly total?: number | null | undefined;
  readonly instalmentAmount?: number | null | undefined;
  readonly count?: number | null | undefined;
  readonly discountBps?: number | null | undefined;
}

/**
 * An offer is grounded when the debtor is negotiating (not raising something that stops it) and
 * every amount or discount the model put in the proposal is one the debtor gave (a count of
 * instalments may also be the assistant's suggestion when the debtor asks to spread payments).
 */
export function offerGrounds(proposal: ProposalFigures | null, ctx: TurnContext): Grounds {
  const safety = ctx.understanding.intents.find((i) => i in SAFETY_ESCALATIONS);
  if (safety) return { ok: false, why: `the debtor raised "${safety}": escalate instead of making an offer` };
  if (!proposal) return { ok: true };
  const evidence = debtorEvidence(ctx);
  const amounts = new Set(evidence.flatMap((u) => u.slots.amounts.map((a) => a.amount)));
  const counts = new Set(evidence.flatMap((u) => (u.slots.count ? [u.slots.count] : [])));
  const percents = new Set(
    evidence.flatMap((u) => (u.slots.percent !== undefined ? [u.slots.percent * 100] : [])),
  );
  const missing: string[] = [];
  const { total, instalmentAmount, count, discountBps } = proposal;
  if (instalmentAmount != null && !amounts.has(instalmentAmount)) missing.push("instalmentAmount");
  // A number of instalments is the assistant's to suggest once the debtor asks to spread payments.
  const wantsPlan = evidence.some((u) => u.intents.includes("want_plan"));
  if (count != null && !counts.has(count) && !wantsPlan && !(instalmentAmount != null && total != null))
    missing.push("count");
  if (
    total != null &&
    !amounts.has(total) &&
    !(instalmentAmount != null && count != null && instalmentAmount * count === total)
  )
    missing.push("total");
  if (discountBps != null && discountBps > 0 && !percents.has(discountBps)) missing.push("discountBps");
  if (!missing.length) return { ok: true };
  return {
    ok: false,
    why: `${missing.join(", ")} not given by the debtor; pass only the figures the debtor stated, or call make_offer with no arguments for the next step the policy allows`,
  };
}

/**
 * Taking back an escalation needs the debtor's own denial in this message: the rules read one
 * ("je ne conteste pas", "c pas ce que j'ai dit") or a plain no, and nothing else that needs a person
 * ("c pas ce que j'ai dit, je suis malade"). A model that misreads "ok merci" withdraws nothing.
 */
export function withdrawalGrounds(ctx: TurnContext): Grounds {
  const u = ctx.understanding;
  const denial = deniedEscalation(ctx.debtorText);
  const raised = u.intents.flatMap((i) =>
    i in SAFETY_ESCALATIONS ? [SAFETY_ESCALATIONS[i as keyof typeof SAFETY_ESCALATIONS] as string] : [],
  );
  if (raised.some((kind) => kind !== denial))
    return { ok: false, why: "the debtor raised something a person must handle: keep the escalation" };
  if (denial || u.intents.includes("decline")) return { ok: true };
  return {
    ok: false,
    why: "the debtor has not said that you misunderstood them; ask them instead of withdrawing anything",
  };
}
