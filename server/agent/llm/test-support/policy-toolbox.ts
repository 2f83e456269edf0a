// A Toolbox for tests that runs the REAL policy engine over an in-memory case: offers, escalations
// and verification answers are recorded in arrays so tests can assert on what the model caused.
import type { CaseFacts, Locale } from "../../../domain/case-facts.js";
import type { PaymentInstructions } from "../../../domain/payments/instructions.js";
import {
  type AmountDue,
  amountDue,
  evaluateProposal,
  type NegotiationSignals,
  type NegotiationState,
  nextOffer,
  type OfferKind,
  type OfferTerms,
  type PolicyPack,
  type Proposal,
  type ProposalDecision,
  policyNotice,
} from "../../../policy/index.js";
import type {
  EscalationKind,
  EscalationOpened,
  EscalationWithdrawal,
  RecordedOffer,
  Toolbox,
  ToolOutcome,
} from "../../language-layer.js";

export interface PolicyToolboxOptions {
  readonly facts: CaseFacts;
  readonly pack: PolicyPack;
  readonly policyVersionId: string;
  readonly today: string;
  readonly signals?: Partial<NegotiationSignals>;
  readonly declinedKinds?: readonly OfferKind[];
  readonly verificationAnswer?: string;
  /** What payment_instructions answers (null when absent: as before verification). */
  readonly payment?: { data: PaymentInstructions; text: string };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export class PolicyToolbox implements Toolbox {
  readonly offers: RecordedOffer[] = [];
  readonly escalations: { kind: EscalationKind; claim: string }[] = [];
  readonly verifications: string[] = [];
  withdrawals = 0;
  /** Every proposal the layer passed to the engine, read or write. */
  readonly proposals: { tool: "evaluate" | "make"; proposal: Proposal | undefined }[] = [];
  readonly due: AmountDue;
  private counterRounds = 0;

  constructor(private readonly o: PolicyToolboxOptions) {
    this.due = amountDue(o.facts, o.pack, o.today);
  }

  state(): NegotiationState {
    return {
      facts: this.o.facts,
      due: this.due,
      today: this.o.today,
      offersMade: this.offers,
      declinedKinds: this.o.declinedKinds ?? [],
      signals: { fullPaymentImpossible: false, hardship: false, ...this.o.signals },
      step: this.counterRounds,
    };
  }

  caseSummary() {
    return {
      facts: this.o.facts,
      due: this.due,
      pendingOffer: this.offers.at(-1) ?? null,
      faq: this.o.pack.faq,
      graceDays: this.o.pack.limits.promiseBrokenAfterDays?.value,
    };
  }

  async paymentInstructions() {
    return this.o.payment ?? null;
  }

  evaluateProposal(proposal: Proposal): ToolOutcome {
    this.proposals.push({ tool: "evaluate", proposal });
    const d = evaluateProposal(proposal, this.state(), this.o.pack);
    if (d.decision === "refuse") return this.refusal(d);
    return d.decision === "accept"
      ? { decision: "accept", terms: d.offer }
      : { decision: "counter", terms: d.offer, reason: d.reason, explanation: d.explanation };
  }

  async makeOffer(request: { proposal?: Proposal }): Promise<ToolOutcome> {
    this.proposals.push({ tool: "make", proposal: request.proposal });
    if (request.proposal)
      return this.recordDecision(evaluateProposal(request.proposal, this.state(), this.o.pack));
    const next = nextOffer(this.state(), this.o.pack);
    if (!next) return { decision: "refuse", reason: "ladder_exhausted" };
    return { decision: "accept", offer: this.record(next) };
  }

  async escalate(kind: EscalationKind, claim: string, locale?: Locale): Promise<EscalationOpened> {
    this.escalations.push({ kind, claim });
    const notice = policyNotice(this.o.pack, kind, locale ?? this.o.facts.locale);
    return {
      policyNotice: notice?.text ?? null,
      ...(notice?.correctableWithinMinutes !== undefined ? { correctable: true } : {}),
    };
  }

  /** Escalations the debtor took back, with their words (no clock: the window never passes here). */
  readonly escalationWithdrawals: { kind: string; words: string }[] = [];

  async withdrawEscalation(words: string, onlyKind?: EscalationKind): Promise<EscalationWithdrawal> {
    const last = this.escalations.at(-1);
    if (!last || this.escalationWithdrawals.length >= this.escalations.length)
      return { withdrawn: false, kind: null, reason: "none" };
    if (onlyKind && last.kind !== onlyKind)
      return { withdrawn: false, kind: last.kind, reason: "other_kind" };
    const minutes = policyNotice(this.o.pack, last.kind, this.o.facts.locale)?.correctableWithinMinutes;
    if (minutes === undefined) return { withdrawn: false, kind: last.kind, reason: "not_correctable" };
    this.escalationWithdrawals.push({ kind: last.kind, words });
    return { withdrawn: true, kind: last.kind, phase: "negotiating" };
  }

  async verifyIdentity(answer: string) {
    this.verifications.push(answer);
    const verified = answer.trim().toLowerCase() === (this.o.verificationAnswer ?? "").toLowerCase();
    return { verified, attemptsLeft: verified ? 3 : 3 - this.verifications.length, locked: false };
  }

  async withdrawPromise(): Promise<boolean> {
    this.withdrawals++;
    return true;
  }

  private refusal(d: Extract<ProposalDecision, { decision: "refuse" }>): ToolOutcome {
    return { decision: "refuse", reason: d.reason, explanation: d.explanation, bounds: { ...d.bounds } };
  }

  private recordDecision(d: ProposalDecision): ToolOutcome {
    if (d.decision === "refuse") return this.refusal(d);
    if (d.decision === "accept") return { decision: "accept", offer: this.record(d.offer) };
    if (d.round) this.counterRounds++;
    return { decision: "counter", offer: this.record(d.offer), reason: d.reason, explanation: d.explanation };
  }

  private record(terms: OfferTerms): RecordedOffer {
    const offer: RecordedOffer = {
      ...terms,
      id: `offer-${this.offers.length + 1}`,
      policyVersionId: this.o.policyVersionId,
      expiresAt: terms.expiresAt ?? addDays(this.o.today, 7),
      expiresOn: terms.expiresAt ?? addDays(this.o.today, 7),
    };
    this.offers.push(offer);
    return offer;
  }
}
