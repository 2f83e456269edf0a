// The rule-based simulated debtor for offline runs. Each turn it does the first thing that applies:
//   1. answer the verification question (right, wrong or not at all, as the scenario says);
//   2. reveal a fact whose trigger now holds (each fact once);
//   3. play the next scripted line or action once its trigger holds;
//   4. negotiate: accept an offer inside its budget, otherwise counter from its budget (a plan it can
//      afford, a lump sum it can pay, a haggler's rising lump sums), giving up after `patience`;
//   5. stop.
// It never reads the assistant's wording to decide: only the offers, the status and its own budget.

import type { WireOffer } from "../../contract/debtor-socket.js";
import type { DebtorSpec, Trigger } from "../scenario/schema.js";
import { type Locale, phrase, spokenMoney, wrongAnswer } from "./phrases.js";
import type { DebtorMove, DebtorView, SimulatedDebtor } from "./types.js";

export interface DebtorFacts {
  readonly locale: Locale;
  readonly currency: string;
  /** The amount due as the debtor's letter states it. */
  readonly amountDue: number;
  /** The right answer to the verification question. */
  readonly verificationAnswer: string;
}

/** The largest instalment of a plan, per month (weekly and fortnightly plans scaled up). */
export function monthlyEquivalent(offer: Pick<WireOffer, "instalments">): number {
  const items = offer.instalments;
  const largest = Math.max(0, ...items.map((i) => i.amount));
  if (items.length < 2) return largest;
  const gap = (Date.parse(items[1]?.dueDate ?? "") - Date.parse(items[0]?.dueDate ?? "")) / 86_400_000;
  if (gap <= 8) return Math.ceil((largest * 52) / 12);
  if (gap <= 16) return Math.ceil((largest * 26) / 12);
  return largest;
}

/** Whether the debtor can and will take these terms. */
export function withinBudget(
  spec: DebtorSpec,
  offer: Pick<WireOffer, "kind" | "total" | "instalments">,
): boolean {
  const reservation = spec.reservation ?? Number.POSITIVE_INFINITY;
  if (offer.total > reservation) return false;
  if (offer.instalments.length <= 1) return offer.total <= spec.budget.lumpSum;
  return monthlyEquivalent(offer) <= spec.budget.monthly;
}

export class RuleDebtor implements SimulatedDebtor {
  readonly usage = { inputTokens: 0, outputTokens: 0 };
  private readonly revealed = new Set<number>();
  private scriptIndex = 0;
  private verifyAttempts = 0;
  private unacceptable = 0;
  private proposals = 0;
  private declinedOnce = false;
  private lastCounteredOffer: string | null = null;
  private sawVerified = false;
  private gaveUp = false;

  constructor(
    readonly spec: DebtorSpec,
    readonly facts: DebtorFacts,
  ) {}

  private holds(trigger: Trigger, view: DebtorView): boolean {
    switch (trigger) {
      case "start":
        return view.status === "verifying";
      case "verified":
      case "next":
        return view.status !== "verifying";
      case "offer":
        return view.offer !== null && view.status === "negotiating";
      case "promised":
        return view.status === "promised";
      case "escalated":
        return view.status === "escalated" || view.status === "closed";
    }
  }

  async next(view: DebtorView): Promise<DebtorMove> {
    if (view.turns >= this.spec.maxTurns)
      return { kind: "stop", why: `reached maxTurns (${this.spec.maxTurns})` };
    if (view.status !== "verifying" && !this.sawVerified) this.sawVerified = true;

    const reveal = this.spec.reveals.findIndex((r, i) => !this.revealed.has(i) && this.holds(r.when, view));
    if (reveal >= 0) {
      this.revealed.add(reveal);
      const r = this.spec.reveals[reveal];
      if (r) return { kind: "say", text: r.say, why: `reveals (${r.when})`, scripted: true };
    }
    const step = this.spec.script[this.scriptIndex];
    if (step && this.holds(step.when, view)) {
      this.scriptIndex++;
      if (step.say !== undefined)
        return { kind: "say", text: step.say, why: `script (${step.when})`, scripted: true };
      if (step.action === "human") return { kind: "human", why: "script: asks for a person" };
      if (view.offer) {
        if (step.action === "accept")
          return { kind: "accept", offerId: view.offer.id, why: "script: accepts" };
        this.declinedOnce = true;
        return { kind: "decline", offerId: view.offer.id, why: "script: declines" };
      }
    }

    if (view.status === "verifying") return this.verify();
    if (["promised", "escalated", "closed"].includes(view.status))
      return { kind: "stop", why: `conversation ${view.status}` };
    if (!this.spec.rules.negotiate || this.gaveUp)
      return { kind: "stop", why: this.gaveUp ? "gave up" : "does not negotiate" };
    return this.negotiate(view);
  }

  private verify(): DebtorMove {
    const mode = this.spec.verification;
    if (mode === "silent") return { kind: "stop", why: "does not answer the verification question" };
    if (mode === "wrong") {
      if (this.verifyAttempts >= 3) return { kind: "stop", why: "cannot answer the verification question" };
      return {
        kind: "say",
        text: wrongAnswer(this.facts.locale, this.verifyAttempts++),
        why: "wrong answer",
      };
    }
    this.verifyAttempts++;
    return { kind: "say", text: this.facts.verificationAnswer, why: "answers the verification question" };
  }

  private negotiate(view: DebtorView): DebtorMove {
    const { rules } = this.spec;
    const offer = view.offer;
    if (offer) {
      const fits = withinBudget(this.spec, offer);
      if (fits && !(rules.declineFirstOffer && !this.declinedOnce))
        return {
          kind: "accept",
          offerId: offer.id,
          why: `offer ${offer.kind} ${offer.total} fits the budget`,
        };
      if (fits) {
        this.declinedOnce = true;
        return {
          kind: "say",
          text: phrase(this.facts.locale, "declineBetter"),
          why: "declines once to ask for better",
        };
      }
      if (this.lastCounteredOffer !== offer.id) {
        this.lastCounteredOffer = offer.id;
        this.unacceptable++;
        if (this.unacceptable > rules.patience) return this.giveUp("too many offers outside the budget");
        return this.propose(`counters offer ${offer.kind} ${offer.total}`);
      }
      this.declinedOnce = true;
      return { kind: "say", text: phrase(this.facts.locale, "decline"), why: "declines the offer" };
    }
    if (this.proposals > rules.patience) return this.giveUp("no acceptable offer came");
    return this.propose("proposes from its budget");
  }

  private giveUp(why: string): DebtorMove {
    this.gaveUp = true;
    return this.spec.rules.onGiveUp === "human"
      ? { kind: "human", why: `gives up (${why}) and asks for a person` }
      : { kind: "stop", why: `gives up (${why})` };
  }

  /** The debtor's own terms: a haggler's lump sum, the full amount, a monthly amount, or nothing. */
  private propose(why: string): DebtorMove {
    const { spec, facts } = this;
    const k = this.proposals++;
    const money = (v: number) => spokenMoney(v, facts.currency, facts.locale);
    const reservation = spec.reservation ?? Number.POSITIVE_INFINITY;
    if (spec.rules.haggleFromBps !== undefined && Number.isFinite(reservation)) {
      const anchor = Math.round((facts.amountDue * (10_000 - spec.rules.haggleFromBps)) / 10_000);
      const steps = Math.max(1, spec.rules.patience);
      const raw = anchor + ((reservation - anchor) * Math.min(k, steps)) / steps;
      const amount = Math.min(reservation, Math.floor(raw / 100) * 100);
      return { kind: "say", text: phrase(facts.locale, "haggle", { amount: money(amount) }), why };
    }
    if (spec.budget.lumpSum >= facts.amountDue && reservation >= facts.amountDue)
      return { kind: "say", text: phrase(facts.locale, "payFull"), why };
    if (spec.budget.monthly > 0) {
      const monthly = Math.max(100, Math.floor(spec.budget.monthly / 100) * 100);
      return { kind: "say", text: phrase(facts.locale, "plan", { amount: money(monthly) }), why };
    }
    if (spec.budget.lumpSum > 0) {
      const lump = Math.floor(Math.min(spec.budget.lumpSum, reservation) / 100) * 100;
      return { kind: "say", text: phrase(facts.locale, "lumpSum", { amount: money(lump) }), why };
    }
    return { kind: "say", text: phrase(facts.locale, "cannotPay"), why };
  }
}
