// Replays one past conversation under a pack: each debtor message, as the offline NLU understands
// it, goes through the policy engine again (proposal evaluation, the concession ladder, safety
// escalations), so the same conversation can be read under the published version and a draft.
// No storage, no clock: the caller gives the case facts, the day and the messages.
import { isSafetyIntent, proposalFromSlots, SAFETY_ESCALATIONS } from "../../agent/offline/intent-routing.js";
import { understand } from "../../agent/offline/nlu/index.js";
import type { CaseFacts } from "../../domain/case-facts.js";
import { formatMoney, money } from "../../domain/money.js";
import {
  amountDue,
  automaticEscalations,
  evaluateProposal,
  type NegotiationState,
  nextOffer,
  type OfferKind,
  type OfferTerms,
  type PolicyPack,
  type Proposal,
} from "../../policy/index.js";

/** What the engine did with one debtor message, in words a policy editor reads. */
export interface StepOutcome {
  readonly text: string;
  readonly offerTotal: number | null;
  readonly escalation: string | null;
}

export interface ArmReplay {
  readonly steps: readonly StepOutcome[];
  readonly escalations: readonly string[];
  /** Total of the last offer made (accepted or on the table when the conversation ended). */
  readonly lastOfferTotal: number | null;
  readonly agreed: boolean;
  readonly amountDue: number;
}

const money$ = (amount: number, currency: string) => formatMoney(money(amount, currency), "en");

export function describeOffer(o: OfferTerms): string {
  const m = (a: number) => money$(a, o.currency);
  if (o.kind === "plan") {
    const first = o.instalments[0];
    return `plan: ${o.instalments.length} × ${first ? m(first.amount) : "?"} (${m(o.total)})`;
  }
  if (o.kind === "settlement") return `settlement: ${m(o.total)} (${(o.discountBps / 100).toFixed(2)} % off)`;
  return `full payment: ${m(o.total)}`;
}

/** The proposal in words, without the debtor's own text (no personal data in the simulation). */
export function describeProposal(p: Proposal, currency: string): string {
  const parts: string[] = [p.kind ?? "proposal"];
  if (p.count) parts.push(`${p.count} payments`);
  if (p.instalmentAmount) parts.push(`of ${money$(p.instalmentAmount, currency)}`);
  if (p.cadence) parts.push(p.cadence);
  if (p.total) parts.push(`total ${money$(p.total, currency)}`);
  if (p.discountBps) parts.push(`${(p.discountBps / 100).toFixed(2)} % off`);
  return parts.join(" ");
}

const OFFER_INTENTS = new Set(["want_plan", "ask_discount", "pay_full", "propose"]);

export function replayConversation(
  facts: CaseFacts,
  today: string,
  messages: readonly string[],
  pack: PolicyPack,
): ArmReplay {
  const due = amountDue(facts, pack, today);
  const escalations: string[] = [...automaticEscalations(pack, due)];
  const offers: OfferTerms[] = [];
  const declined: OfferKind[] = [];
  let signals = { fullPaymentImpossible: false, hardship: false };
  let round = 0;
  let agreed = false;
  let stopped = escalations.length > 0;
  const steps: StepOutcome[] = [];
  const state = (): NegotiationState => ({
    facts,
    due,
    today,
    offersMade: offers,
    declinedKinds: declined,
    signals,
    step: round,
  });
  const offer = (terms: OfferTerms | null, prefix: string): StepOutcome => {
    if (!terms) return { text: `${prefix}no further offer`, offerTotal: null, escalation: null };
    offers.push(terms);
    return { text: `${prefix}offers ${describeOffer(terms)}`, offerTotal: terms.total, escalation: null };
  };
  for (const text of messages) {
    if (stopped || agreed) {
      steps.push({ text: stopped ? "(with a person)" : "(agreed)", offerTotal: null, escalation: null });
      continue;
    }
    const u = understand(text, { locale: facts.locale, currency: facts.currency, today });
    if (isSafetyIntent(u.intent)) {
      const kind = SAFETY_ESCALATIONS[u.intent];
      escalations.push(kind);
      stopped = true;
      steps.push({ text: `escalates: ${kind}`, offerTotal: null, escalation: kind });
      continue;
    }
    if (u.intents.includes("hardship")) signals = { fullPaymentImpossible: true, hardship: true };
    const proposal = proposalFromSlots(u, due.total, text);
    if (proposal) {
      const asked = `asks ${describeProposal(proposal, facts.currency)}: `;
      const decision = evaluateProposal(proposal, state(), pack);
      if (decision.decision === "refuse") {
        const kind = decision.reason === "too_many_rounds" ? "counter_offer" : null;
        if (kind) {
          escalations.push(kind);
          stopped = true;
        }
        steps.push({
          text: `${asked}refused (${decision.reason})${kind ? `, escalates: ${kind}` : ""}`,
          offerTotal: null,
          escalation: kind,
        });
        continue;
      }
      if (decision.decision === "counter" && decision.round) round++;
      if (decision.decision === "accept") agreed = true;
      offers.push(decision.offer);
      steps.push({
        text: `${asked}${decision.decision === "accept" ? "accepted" : "counters with"} ${describeOffer(decision.offer)}`,
        offerTotal: decision.offer.total,
        escalation: null,
      });
      continue;
    }
    const last = offers.at(-1);
    if (u.intent === "accept" && last) {
      agreed = true;
      steps.push({ text: `agrees to ${describeOffer(last)}`, offerTotal: last.total, escalation: null });
      continue;
    }
    if (u.intent === "decline" && last) {
      if (!declined.includes(last.kind)) declined.push(last.kind);
      steps.push(offer(nextOffer(state(), pack), "declined; "));
      continue;
    }
    if (OFFER_INTENTS.has(u.intent) || u.intent === "hardship") {
      if (u.intent === "want_plan") signals = { ...signals, fullPaymentImpossible: true };
      steps.push(offer(nextOffer(state(), pack), ""));
      continue;
    }
    steps.push({ text: `(${u.intent}: no offer)`, offerTotal: null, escalation: null });
  }
  return {
    steps,
    escalations,
    lastOfferTotal: offers.at(-1)?.total ?? null,
    agreed,
    amountDue: due.total,
  };
}
