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
  /** The same in French, for the console in French. */
  readonly textFr: string;
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

type Lang = "en" | "fr";
const money$ = (amount: number, currency: string, lang: Lang = "en") =>
  formatMoney(money(amount, currency), lang === "fr" ? "fr-FR" : "en");
const percent$ = (bps: number, lang: Lang) => {
  const text = (bps / 100).toFixed(2);
  return lang === "fr" ? text.replace(".", ",") : text;
};

const KINDS_FR: Record<string, string> = {
  full: "paiement intégral",
  plan: "échéancier",
  settlement: "règlement transactionnel",
};
const CADENCES_FR: Record<string, string> = {
  weekly: "hebdomadaire",
  biweekly: "toutes les deux semaines",
  monthly: "mensuel",
};

export function describeOffer(o: OfferTerms, lang: Lang = "en"): string {
  const m = (a: number) => money$(a, o.currency, lang);
  if (o.kind === "plan") {
    const first = o.instalments[0];
    const per = first ? m(first.amount) : "?";
    return lang === "fr"
      ? `échéancier : ${o.instalments.length} × ${per} (${m(o.total)})`
      : `plan: ${o.instalments.length} × ${per} (${m(o.total)})`;
  }
  if (o.kind === "settlement")
    return lang === "fr"
      ? `règlement transactionnel : ${m(o.total)} (remise de ${percent$(o.discountBps, lang)} %)`
      : `settlement: ${m(o.total)} (${percent$(o.discountBps, lang)} % off)`;
  return lang === "fr" ? `paiement intégral : ${m(o.total)}` : `full payment: ${m(o.total)}`;
}

/** The proposal in words, without the debtor's own text (no personal data in the simulation). */
export function describeProposal(p: Proposal, currency: string, lang: Lang = "en"): string {
  const fr = lang === "fr";
  const parts: string[] = [fr ? (KINDS_FR[p.kind ?? ""] ?? "proposition") : (p.kind ?? "proposal")];
  if (p.count) parts.push(fr ? `en ${p.count} paiements` : `${p.count} payments`);
  if (p.instalmentAmount)
    parts.push(
      fr ? `de ${money$(p.instalmentAmount, currency, lang)}` : `of ${money$(p.instalmentAmount, currency)}`,
    );
  if (p.cadence) parts.push(fr ? (CADENCES_FR[p.cadence] ?? p.cadence) : p.cadence);
  if (p.total)
    parts.push(fr ? `total ${money$(p.total, currency, lang)}` : `total ${money$(p.total, currency)}`);
  if (p.discountBps)
    parts.push(
      fr ? `remise de ${percent$(p.discountBps, lang)} %` : `${percent$(p.discountBps, lang)} % off`,
    );
  return parts.join(" ");
}

/** A step said in both languages: `say` writes it in the language it is given. */
function step(
  say: (lang: Lang) => string,
  offerTotal: number | null,
  escalation: string | null,
): StepOutcome {
  return { text: say("en"), textFr: say("fr"), offerTotal, escalation };
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
  const offer = (terms: OfferTerms | null, declinedFirst: boolean): StepOutcome => {
    const prefix = (l: Lang) => (declinedFirst ? (l === "fr" ? "refusée ; " : "declined; ") : "");
    if (!terms)
      return step((l) => `${prefix(l)}${l === "fr" ? "plus d'offre" : "no further offer"}`, null, null);
    offers.push(terms);
    return step(
      (l) => `${prefix(l)}${l === "fr" ? "propose" : "offers"} ${describeOffer(terms, l)}`,
      terms.total,
      null,
    );
  };
  for (const text of messages) {
    if (stopped || agreed) {
      steps.push(
        step(
          (l) =>
            stopped
              ? l === "fr"
                ? "(chez un conseiller)"
                : "(with a person)"
              : l === "fr"
                ? "(accord)"
                : "(agreed)",
          null,
          null,
        ),
      );
      continue;
    }
    const u = understand(text, { locale: facts.locale, currency: facts.currency, today });
    if (isSafetyIntent(u.intent)) {
      const kind = SAFETY_ESCALATIONS[u.intent];
      escalations.push(kind);
      stopped = true;
      steps.push(step((l) => (l === "fr" ? `escalade : ${kind}` : `escalates: ${kind}`), null, kind));
      continue;
    }
    if (u.intents.includes("hardship")) signals = { fullPaymentImpossible: true, hardship: true };
    const proposal = proposalFromSlots(u, due.total, text, today);
    if (proposal) {
      const asked = (l: Lang) =>
        l === "fr"
          ? `demande ${describeProposal(proposal, facts.currency, l)} : `
          : `asks ${describeProposal(proposal, facts.currency)}: `;
      const decision = evaluateProposal(proposal, state(), pack);
      if (decision.decision === "refuse") {
        const kind = decision.reason === "too_many_rounds" ? "counter_offer" : null;
        if (kind) {
          escalations.push(kind);
          stopped = true;
        }
        const reason = decision.reason;
        steps.push(
          step(
            (l) =>
              l === "fr"
                ? `${asked(l)}refusée (${reason})${kind ? `, escalade : ${kind}` : ""}`
                : `${asked(l)}refused (${reason})${kind ? `, escalates: ${kind}` : ""}`,
            null,
            kind,
          ),
        );
        continue;
      }
      if (decision.decision === "counter" && decision.round) round++;
      if (decision.decision === "accept") agreed = true;
      offers.push(decision.offer);
      const accepted = decision.decision === "accept";
      const terms = decision.offer;
      steps.push(
        step(
          (l) =>
            l === "fr"
              ? `${asked(l)}${accepted ? "acceptée :" : "contre-proposition :"} ${describeOffer(terms, l)}`
              : `${asked(l)}${accepted ? "accepted" : "counters with"} ${describeOffer(terms)}`,
          terms.total,
          null,
        ),
      );
      continue;
    }
    const last = offers.at(-1);
    if (u.intent === "accept" && last) {
      agreed = true;
      steps.push(
        step((l) => `${l === "fr" ? "accepte" : "agrees to"} ${describeOffer(last, l)}`, last.total, null),
      );
      continue;
    }
    if (u.intent === "decline" && last) {
      if (!declined.includes(last.kind)) declined.push(last.kind);
      steps.push(offer(nextOffer(state(), pack), true));
      continue;
    }
    if (OFFER_INTENTS.has(u.intent) || u.intent === "hardship") {
      if (u.intent === "want_plan") signals = { ...signals, fullPaymentImpossible: true };
      steps.push(offer(nextOffer(state(), pack), false));
      continue;
    }
    const intent = u.intent;
    steps.push(step((l) => `(${intent}: ${l === "fr" ? "pas d'offre" : "no offer"})`, null, null));
  }
  return {
    steps,
    escalations,
    lastOfferTotal: offers.at(-1)?.total ?? null,
    agreed,
    amountDue: due.total,
  };
}
