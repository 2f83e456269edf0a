// From rule hits and slots to the ranked intent list. Three ideas:
// 1. Safety first: a fixed priority puts the intents that stop collection (cease contact,
//    legal procedures, vulnerability, dispute...) ahead of any negotiation move.
// 2. Strong before weak: a clear phrase of lower priority beats a mere cue of higher
//    priority ("merde, j'ai oublié" is a forgetful debtor who swore, not abuse).
// 3. Context: what the assistant just asked (identity, confirmation, proposal) decides
//    what short answers mean.

import type { Hit } from "./match/engine.js";
import type { DisputeReason, Expecting, Intent, NonPaymentReason, Slots } from "./types.js";

export const PRIORITY: readonly Intent[] = [
  "stop",
  "attorney",
  "surendettement",
  "breathing_space",
  "bankruptcy",
  "vulnerability",
  "dispute",
  "already_paid",
  "time_barred_claim",
  "third_party",
  "request_human",
  "hardship",
  "injection",
  "abuse",
  "propose",
  "ask_discount",
  "want_plan",
  "pay_full",
  "how_to_pay",
  "forgot",
  "ask_fees",
  "admin_problem",
  "question_debt",
  "decline",
  "accept",
  "identity_answer",
  "off_topic",
  "greeting",
  "thanks",
  "unknown",
];
const STRONG = 0.8;
/** Intents that a short identity answer may carry without being something else. */
const NOT_CLEAR_UNDER_IDENTITY = new Set<Intent>([
  "greeting",
  "thanks",
  "accept",
  "off_topic",
  "identity_answer",
  "propose",
  "want_plan",
  "pay_full",
]);
const REASON_ORDER: readonly DisputeReason[] = [
  "charged_twice",
  "never_received",
  "not_mine",
  "wrong_amount",
  "goods_or_service",
  "other",
];

export interface ClassifyInput {
  hits: readonly Hit[];
  slots: Slots;
  expecting?: Expecting;
  wordCount: number;
  mentionsDebt: boolean;
  isQuestion: boolean;
}

export interface Classification {
  intents: Intent[];
  confidence: number;
  disputeReason?: DisputeReason;
  reasonForNonPayment?: NonPaymentReason;
}

export function classify(input: ClassifyInput): Classification {
  const { hits, slots, expecting } = input;
  const weight = new Map<Intent, number>();
  const agree = new Map<Intent, number>();
  const bump = (intent: Intent, w: number) => {
    weight.set(intent, Math.max(weight.get(intent) ?? 0, w));
    agree.set(intent, (agree.get(intent) ?? 0) + 1);
  };
  let offerCue = false;
  let offerToCreditor = false;
  for (const h of hits) {
    if (h.rule.needsAmount) {
      offerCue = true;
      if (h.rule.tag === "offer") offerToCreditor = true;
    } else bump(h.intent, h.weight);
  }

  // Amounts turn a negotiation cue into a concrete proposal; an identity answer holds
  // numbers that are not money.
  const hasAmount = slots.amounts.length > 0 && expecting !== "identity";
  const periodic = slots.amounts.some((a) => a.perPeriod !== undefined);
  const wholeDebt = hits.some((h) => h.rule.tag === "whole" && !h.negated);
  // Asking to drop a fee ("sans les 40 € de frais ?") names an amount without offering it.
  const negotiating = weight.has("want_plan") || (weight.has("pay_full") && !wholeDebt);
  const nothingElse =
    weight.size === 0 ||
    [...weight.keys()].every((i) => ["greeting", "thanks", "accept", "decline"].includes(i));
  // "Non, 100 € par mois c'est impossible" refuses an amount; it does not offer one.
  const refusing = (weight.get("decline") ?? 0) >= STRONG && !offerCue;
  const proposing =
    offerCue ||
    periodic ||
    slots.count !== undefined ||
    negotiating ||
    nothingElse ||
    expecting === "proposal";
  // "Je paie les 450 € en une fois": the whole debt, stated, is paying in full.
  if (hasAmount && proposing && !refusing && (!wholeDebt || offerToCreditor)) {
    bump("propose", offerCue || periodic || negotiating || expecting === "proposal" ? 0.9 : 0.7);
  }
  if (slots.count !== undefined && !weight.has("want_plan") && !weight.has("propose"))
    bump("want_plan", 0.85);

  if (expecting === "identity") applyIdentity(weight, input);
  if (expecting === "confirmation") {
    for (const i of ["accept", "decline"] as const)
      if (weight.has(i)) weight.set(i, Math.max(weight.get(i) ?? 0, 0.9));
  } else if (weight.has("thanks") && (weight.get("accept") ?? 0) < STRONG) {
    // "Super, merci !" out of a yes/no question is thanks, not an acceptance.
    weight.delete("accept");
  }

  // Long statements or real questions with no word about the debt: off topic. Short ones
  // ("hmm, je ne sais pas trop") are just not understood.
  if (
    weight.size === 0 &&
    !input.mentionsDebt &&
    (input.wordCount >= 8 || (input.isQuestion && input.wordCount >= 3))
  ) {
    bump("off_topic", 0.5);
  }
  if (weight.size === 0) return { intents: ["unknown"], confidence: 0.2 };

  const order = priorityFor(expecting);
  const rank = (i: Intent) => ((weight.get(i) ?? 0) >= STRONG ? 0 : 1000) + order.indexOf(i);
  const intents = [...weight.keys()].sort((a, b) => rank(a) - rank(b));
  const primary = intents[0] as Intent;
  const w = weight.get(primary) ?? 0;
  const confidence = Math.min(
    0.98,
    w >= STRONG ? 0.85 + 0.05 * Math.min((agree.get(primary) ?? 1) - 1, 2) : w,
  );

  const out: Classification = { intents, confidence };
  if (weight.has("dispute")) {
    const reasons = new Set(
      hits.filter((h) => h.intent === "dispute" && !h.negated).map((h) => h.rule.reason),
    );
    out.disputeReason = REASON_ORDER.find((r) => reasons.has(r)) ?? "other";
  }
  if (weight.has("dispute")) out.reasonForNonPayment = "dispute";
  else if (weight.has("hardship")) out.reasonForNonPayment = "hardship";
  else if (weight.has("admin_problem")) out.reasonForNonPayment = "admin";
  else if (weight.has("forgot")) out.reasonForNonPayment = "forgot";
  return out;
}

/** After "what is your date of birth?", a short answer is the answer unless it clearly says something else. */
function applyIdentity(weight: Map<Intent, number>, input: ClassifyInput): void {
  weight.delete("propose");
  const clear = [...weight.entries()].some(([i, w]) => w >= STRONG && !NOT_CLEAR_UNDER_IDENTITY.has(i));
  if (weight.has("identity_answer") || (!clear && input.wordCount <= 15)) weight.set("identity_answer", 0.9);
}

/** Confirmation questions promote yes/no; identity questions promote the answer. */
function priorityFor(expecting: Expecting | undefined): readonly Intent[] {
  if (expecting !== "confirmation" && expecting !== "identity") return PRIORITY;
  const front: Intent[] = expecting === "confirmation" ? ["accept", "decline"] : ["identity_answer"];
  const rest = PRIORITY.filter((i) => !front.includes(i));
  const at = rest.indexOf("propose");
  return [...rest.slice(0, at), ...front, ...rest.slice(at)];
}
