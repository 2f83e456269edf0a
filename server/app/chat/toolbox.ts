// The Toolbox of one turn, bound to one case: read tools answer from the policy engine, write
// tools decide offers, escalations and verification results and remember them in the TurnState;
// the turn runner writes them with the reply in one transaction and logs every decision.

import type {
  EscalationKind,
  EscalationOpened,
  EscalationWithdrawal,
  RecordedOffer,
  Toolbox,
  ToolOutcome,
} from "../../agent/language-layer.js";
import type { Locale } from "../../domain/case-facts.js";
import type { PaymentInstructions } from "../../domain/payments/instructions.js";
import { AppError } from "../../errors/app-error.js";
import {
  automaticEscalations,
  evaluateProposal,
  type NegotiationState,
  nextOffer,
  type OfferTerms,
  type Proposal,
  policyNotice,
  toLocalDate,
} from "../../policy/index.js";
import type { AppContext } from "../context.js";
import {
  loadPaymentInstructions,
  renderPaymentInstructions,
  verbatimPaymentDetails,
} from "../payments/instructions.js";
import type { CaseBundle } from "./case-bundle.js";
import { defaultOfferExpiry, endOfDayInZone } from "./offer-expiry.js";
import { declineOpenOffer, newId, type TurnState } from "./turn-state.js";
import { answerMatches } from "./verification-answer.js";

export const MAX_VERIFY_ATTEMPTS = 3;

export class CaseToolbox implements Toolbox {
  constructor(
    private readonly app: AppContext,
    private readonly bundle: CaseBundle,
    private readonly turn: TurnState,
  ) {}

  private negotiationState(): NegotiationState {
    return {
      facts: this.bundle.facts,
      due: this.bundle.due,
      today: this.bundle.today,
      offersMade: [...this.bundle.offers, ...this.turn.offers],
      declinedKinds: this.turn.state.declinedKinds,
      signals: this.turn.state.signals,
      step: this.turn.state.step,
    };
  }

  private requireVerified(): void {
    if (!this.turn.verified) throw new AppError("not_allowed_now", "identity is not verified yet");
  }

  caseSummary() {
    this.requireVerified();
    return {
      facts: this.bundle.facts,
      due: this.bundle.due,
      mustEscalate: automaticEscalations(this.bundle.policy.pack, this.bundle.due) as EscalationKind[],
      pendingOffer: this.pending(),
      faq: this.bundle.policy.pack.faq,
      graceDays: this.bundle.policy.pack.limits.promiseBrokenAfterDays?.value,
    };
  }

  /** The offer open now: this turn's last, or the case's, unless the debtor declined it. */
  private pending() {
    const offer = this.turn.offers.at(-1) ?? this.bundle.pendingOffer;
    return offer && !this.turn.declined.includes(offer.id) ? offer : null;
  }

  async paymentInstructions(): Promise<{ data: PaymentInstructions; text: string } | null> {
    if (!this.turn.verified) return null;
    const loaded = await loadPaymentInstructions(this.app, this.bundle.detail.id);
    if (!loaded) return null;
    const { locale: _locale, promiseId: _promise, outstanding: _outstanding, ...data } = loaded;
    // The amount asked for now comes from the promise or the engine's balance: the guard may let it through.
    if (data.now.what !== "nothing") this.turn.quotedAmounts.push(data.now.amount);
    this.turn.verbatim = [...(this.turn.verbatim ?? []), ...verbatimPaymentDetails(data)];
    this.turn.decisions.push({ tool: "payment_instructions", what: data.now.what, payNow: data.payNow });
    const text = renderPaymentInstructions(data, this.bundle.facts.locale, {
      // The page's "Pay now" button sits on the confirmation card of a promise.
      payNowHint: data.now.what === "instalment",
      seed: `${this.bundle.conversationId}:pay`,
    });
    return { data, text };
  }

  evaluateProposal(proposal: Proposal): ToolOutcome {
    this.requireVerified();
    const decision = evaluateProposal(proposal, this.negotiationState(), this.bundle.policy.pack);
    this.turn.decisions.push({
      tool: "evaluate_proposal",
      proposal,
      decision: decision.decision,
      reason: "reason" in decision ? decision.reason : undefined,
    });
    if (decision.decision === "refuse") {
      return {
        decision: "refuse",
        reason: decision.reason,
        explanation: decision.explanation,
        bounds: { ...decision.bounds },
      };
    }
    return {
      decision: decision.decision,
      ...(decision.decision === "counter"
        ? { reason: decision.reason, explanation: decision.explanation }
        : {}),
      terms: decision.offer,
    };
  }

  async makeOffer(request: { proposal?: Proposal }): Promise<ToolOutcome> {
    this.requireVerified();
    if (!["reason", "negotiating"].includes(this.turn.state.phase)) {
      this.turn.decisions.push({ tool: "make_offer", refused: "phase", phase: this.turn.state.phase });
      return {
        decision: "refuse",
        reason: "not_allowed_now",
        explanation: "no offer may be made in this phase",
      };
    }
    const state = this.negotiationState();
    const pack = this.bundle.policy.pack;
    let terms: OfferTerms | null;
    let outcome: ToolOutcome;
    let counterRound = false;
    if (request.proposal) {
      await this.declinePendingFor(request.proposal);
      const decision = evaluateProposal(request.proposal, this.negotiationState(), pack);
      this.turn.decisions.push({
        tool: "make_offer",
        proposal: request.proposal,
        decision: decision.decision,
        reason: "reason" in decision ? decision.reason : undefined,
        rule: "offer" in decision ? decision.offer.rule : undefined,
      });
      if (decision.decision === "refuse") {
        this.turn.lastRefusal = decision.reason;
        const b = decision.bounds;
        this.turn.quotedAmounts.push(b.minInstalment, b.amountDue, b.minDownPayment);
        return {
          decision: "refuse",
          reason: decision.reason,
          explanation: decision.explanation,
          bounds: { ...decision.bounds },
        };
      }
      terms = decision.offer;
      counterRound = decision.decision === "counter" && decision.round;
      outcome = {
        decision: decision.decision,
        ...(decision.decision === "counter"
          ? { reason: decision.reason, explanation: decision.explanation }
          : {}),
      };
    } else {
      terms = nextOffer(state, pack);
      this.turn.decisions.push({ tool: "make_offer", ladder: true, rule: terms?.rule ?? null });
      if (!terms)
        return {
          decision: "refuse",
          reason: "ladder_exhausted",
          explanation: "no further step on the ladder",
        };
      outcome = { decision: "accept", reason: "ladder" };
    }
    const offer = await this.record(terms);
    this.turn.state = {
      ...this.turn.state,
      phase: "negotiating",
      step: this.turn.state.step + (counterRound ? 1 : 0),
    };
    return { ...outcome, offer };
  }

  /**
   * A lump sum below the amount due is the debtor's answer to the plan or full payment on the
   * table: that offer counts as declined, which is what unlocks a settlement on the ladder.
   */
  private async declinePendingFor(proposal: Proposal): Promise<void> {
    if (proposal.kind !== "settlement") return;
    const pending = this.pending();
    if (!pending || pending.kind === "settlement") return;
    if (!declineOpenOffer(this.bundle, this.turn, pending.id)) return;
    const declinedKinds = this.turn.state.declinedKinds.includes(pending.kind)
      ? this.turn.state.declinedKinds
      : [...this.turn.state.declinedKinds, pending.kind];
    // A decline moves the ladder on; it is not a counter-offer round (`step` counts only those).
    this.turn.state = { ...this.turn.state, declinedKinds };
    this.turn.decisions.push({
      tool: "decline",
      offerId: pending.id,
      kind: pending.kind,
      because: "settlement_proposal",
    });
  }

  private async record(terms: OfferTerms): Promise<RecordedOffer> {
    const tz = this.bundle.facts.timeZone;
    const expiresAt = terms.expiresAt
      ? endOfDayInZone(terms.expiresAt, tz)
      : defaultOfferExpiry(this.bundle.today, tz);
    const id = newId();
    this.turn.offerWrites.push({
      id,
      kind: terms.kind,
      status: "proposed",
      total: terms.total,
      currency: terms.currency,
      discountBps: terms.discountBps,
      instalments: terms.instalments,
      terms: { ...terms } as Record<string, unknown>,
      rule: terms.rule,
      policyVersionId: this.bundle.policy.versionId,
      source: "engine",
      expiresAt,
    });
    const offer: RecordedOffer = {
      ...terms,
      id,
      policyVersionId: this.bundle.policy.versionId,
      expiresAt: expiresAt.toISOString(),
      expiresOn: toLocalDate(expiresAt.toISOString(), tz),
    };
    this.turn.offers.push(offer);
    return offer;
  }

  async escalate(kind: EscalationKind, claim: string, locale?: Locale): Promise<EscalationOpened> {
    if (this.turn.escalation) return { policyNotice: this.turn.escalationNotice?.text ?? null };
    const due = this.bundle.due;
    const offers = [...this.bundle.offers, ...this.turn.offers];
    // The pack's words in the language the debtor is answered in (they may have switched).
    const notice = policyNotice(this.bundle.policy.pack, kind, locale ?? this.bundle.facts.locale);
    const summary = {
      kind,
      why: kind,
      claim: claim.slice(0, 2000),
      phase: this.turn.state.phase,
      verified: this.turn.verified,
      amounts: this.turn.verified
        ? {
            currency: due.currency,
            principal: due.principal,
            interest: due.interest,
            fees: due.fees,
            paid: due.paid,
            total: due.total,
          }
        : null,
      offersMade: offers.map((o) => ({
        id: o.id,
        kind: o.kind,
        total: o.total,
        instalments: o.instalments.length,
        rule: o.rule,
      })),
      limitHit: this.turn.lastRefusal ?? null,
      reasonForNonPayment: this.turn.state.reason ?? null,
      policyVersionId: this.bundle.policy.versionId,
      // The pack's trigger: what it expects of the collector, and the words the debtor was shown.
      policy: notice
        ? {
            trigger: notice.kind,
            action: notice.action,
            stopCollection: notice.stopCollection,
            rules: [...notice.rules],
            debtorWasTold: notice.text,
          }
        : null,
    };
    const id = newId();
    this.turn.escalationWrite = { id, kind, summary };
    this.turn.escalation = { id, kind };
    if (notice) this.turn.escalationNotice = notice;
    const correction = this.correctionFor(id, kind, notice?.correctableWithinMinutes);
    const { correction: _earlier, ...state } = this.turn.state;
    this.turn.state = { ...state, phase: "escalated", ...(correction ? { correction } : {}) };
    return { policyNotice: notice?.text ?? null, ...(correction ? { correctable: true } : {}) };
  }

  /** The pack lets the debtor take this escalation back for a while: until when, and back to where. */
  private correctionFor(id: string, kind: EscalationKind, minutes: number | undefined) {
    const from = this.turn.state.phase;
    if (minutes === undefined || from === "escalated" || from === "closed") return null;
    const until = new Date(this.app.clock.now().getTime() + minutes * 60_000).toISOString();
    return { escalationId: id, kind, until, resumePhase: from };
  }

  async withdrawEscalation(words: string, onlyKind?: EscalationKind): Promise<EscalationWithdrawal> {
    const open = await this.app.stores.chat.unresolvedEscalations(this.bundle.detail.id);
    const latest = open[0];
    const correction = this.turn.state.correction;
    const refuse = (reason: "none" | "other_kind" | "not_correctable" | "final"): EscalationWithdrawal => {
      this.turn.decisions.push({ tool: "withdraw_escalation", refused: reason, kind: latest?.kind ?? null });
      return { withdrawn: false, kind: latest?.kind ?? null, reason };
    };
    if (!latest) return refuse("none");
    // "Je ne conteste pas" does not take back an "already paid": the debtor denied something else.
    if (onlyKind && latest.kind !== onlyKind) return refuse("other_kind");
    // Only the escalation opened with a correction window (the pack allows it for that kind).
    if (!correction || correction.escalationId !== latest.id) return refuse("not_correctable");
    // Final once a person has picked it up, after the window, or with another escalation open.
    const final =
      open.length > 1 ||
      latest.status !== "open" ||
      latest.assigneeId !== null ||
      this.bundle.humanOwnerId !== null ||
      new Date(correction.until).getTime() <= this.app.clock.now().getTime();
    if (final) return refuse("final");
    this.turn.withdrawal = { id: latest.id, kind: latest.kind, words };
    const { correction: _done, ...state } = this.turn.state;
    this.turn.state = { ...state, phase: correction.resumePhase };
    this.turn.decisions.push({ tool: "withdraw_escalation", escalationId: latest.id, kind: latest.kind });
    return { withdrawn: true, kind: latest.kind as EscalationKind, phase: correction.resumePhase };
  }

  async verifyIdentity(
    answer: string,
  ): Promise<{ verified: boolean; attemptsLeft: number; locked: boolean }> {
    const detail = this.bundle.detail;
    const verified = await answerMatches(this.app.answers, detail, answer, {
      monthFirst: this.bundle.facts.jurisdiction === "US",
    });
    const attempts = this.turn.verifyAttempts + (verified ? 0 : 1);
    const locked = !verified && attempts >= MAX_VERIFY_ATTEMPTS;
    const at = this.app.clock.now();
    if (verified) this.turn.verifiedAt ??= at;
    if (locked) this.turn.lockedAt ??= at;
    this.turn.verifyAttempts = attempts;
    this.turn.decisions.push({ tool: "verify_identity", verified, attempts, locked });
    if (verified) {
      this.turn.verified = true;
      this.turn.state = { ...this.turn.state, phase: "reason" };
      this.turn.caseStatus = "negotiating";
    }
    return { verified, attemptsLeft: Math.max(0, MAX_VERIFY_ATTEMPTS - attempts), locked };
  }

  async withdrawPromise(): Promise<boolean> {
    const promise = await this.app.stores.chat.activePromise(this.bundle.detail.id);
    if (!promise) return false;
    this.turn.cancelPromiseId = promise.id;
    this.turn.caseStatus = "negotiating";
    this.turn.decisions.push({ tool: "withdraw_promise", promiseId: promise.id });
    this.turn.state = { ...this.turn.state, phase: "negotiating", declinedKinds: [] };
    return true;
  }
}
