// Ladder conditions evaluated against the negotiation state: what has been declined, what the
// debtor has told us. Shared by the ladder (what to offer next) and the proposal evaluator (what may be
// accepted now).

import type { PolicyPack } from "./schema.js";
import type { LadderCondition, LadderStep } from "./schema-ladder.js";
import type { NegotiationState } from "./types.js";

export function conditionHolds(condition: LadderCondition, state: NegotiationState): boolean {
  switch (condition) {
    case "full_declined":
      return state.declinedKinds.includes("full");
    case "full_impossible":
      return state.signals.fullPaymentImpossible;
    case "plan_declined":
      return state.declinedKinds.includes("plan");
    case "settlement_declined":
      return state.declinedKinds.includes("settlement");
    case "hardship":
      return state.signals.hardship;
    case "prompt_payment":
      return state.signals.promptPayment === true;
  }
}

export function stepUnlocked(step: LadderStep, state: NegotiationState): boolean {
  const holds = (c: LadderCondition) => conditionHolds(c, state);
  if (step.unlockedBy.length > 0 && !step.unlockedBy.some(holds)) return false;
  if (!step.requires.every(holds)) return false;
  if (step.unless.some(holds)) return false;
  // Offering full payment to someone who said they cannot pay in full would be pressure (UK-6).
  if (step.kind === "full" && state.signals.fullPaymentImpossible) return false;
  return true;
}

/** The first unlocked step of a kind, if any. */
export function unlockedStep(
  pack: PolicyPack,
  state: NegotiationState,
  kind: LadderStep["kind"],
): LadderStep | undefined {
  return pack.ladder.steps.find((s) => s.kind === kind && stepUnlocked(s, state));
}

/** The first step of a kind, unlocked or not (for defaults such as the first due date). */
export function firstStepOfKind(pack: PolicyPack, kind: LadderStep["kind"]): LadderStep | undefined {
  return pack.ladder.steps.find((s) => s.kind === kind);
}
