// The seam between the conversation and whatever produces the assistant's words: the offline
// engine (default) or an LLM. Either one decides what to do next through the Toolbox, whose
// write tools run the policy engine and record the result; neither ever invents an offer.
import type { CaseFacts, Locale } from "../domain/case-facts.js";
import type { AssistantEscalationKind } from "../domain/escalation-kinds.js";
import type { PaymentInstructions } from "../domain/payments/instructions.js";
import type { AmountDue, OfferTerms, PolicyPack, Proposal } from "../policy/index.js";
import type { Understanding } from "./offline/nlu/index.js";

export type { Phase } from "../negotiation/conversation-state.js";

import type { Phase } from "../negotiation/conversation-state.js";

export type EscalationKind = AssistantEscalationKind;

/** An offer as recorded: the engine's terms plus its id and the policy version that produced it. */
export interface RecordedOffer extends OfferTerms {
  readonly id: string;
  readonly policyVersionId: string;
  /** The instant the offer expires (end of its last day in the debtor's time zone). */
  readonly expiresAt: string;
  /** Its last valid day, as the debtor's calendar date: what the debtor is told. */
  readonly expiresOn: string;
}

/** What opening an escalation produced. */
export interface EscalationOpened {
  /**
   * The policy pack's fixed notice for this kind, which the system shows the debtor ahead of the
   * reply; null when the pack has no text for it and the reply itself must say what happens.
   */
  readonly policyNotice: string | null;
  /** Set when the pack lets the debtor take this escalation back if it was misunderstood. */
  readonly correctable?: boolean;
}

/** What a debtor's "that's not what I said" did to the open escalation. */
export type EscalationWithdrawal =
  | {
      readonly withdrawn: true;
      readonly kind: EscalationKind;
      /** Where the conversation resumes: the identity check, negotiation or the recorded promise. */
      readonly phase: "verifying" | "reason" | "negotiating" | "promised";
    }
  | {
      readonly withdrawn: false;
      readonly kind: string | null;
      /** none: nothing open; other_kind: the debtor denied another kind than the one open;
       *  not_correctable: the pack forbids it for this kind; final: a person has picked it up, or
       *  its window passed, or another escalation is open. */
      readonly reason: "none" | "other_kind" | "not_correctable" | "final";
    };

/** What the debtor is told when a proposal is refused: never the settlement floor. */
export interface ToolOutcome {
  readonly decision: "accept" | "counter" | "refuse";
  /** Set by make_offer: the recorded offer now shown to the debtor. */
  readonly offer?: RecordedOffer;
  /** Set by evaluate_proposal: the terms the policy would give, not recorded. */
  readonly terms?: OfferTerms;
  readonly reason?: string;
  readonly explanation?: string;
  readonly bounds?: Record<string, unknown>;
}

/**
 * The only way a language layer acts on the case. Read tools have no side effect; write tools
 * record offers or escalations (idempotent within a turn) and are the sole source of numbers.
 */
export interface Toolbox {
  /** read: the case facts and amount due (only once identity is verified). */
  caseSummary(): {
    facts: CaseFacts;
    due: AmountDue;
    pendingOffer: RecordedOffer | null;
    /** Escalations the policy requires from the case facts alone (a time-barred debt). */
    mustEscalate?: readonly EscalationKind[];
    /** The pack's reviewed answers to debtors' questions, and its grace period for a late instalment. */
    faq?: PolicyPack["faq"];
    graceDays?: number;
  };
  /**
   * read: how to pay now (amount due now or the next instalment, bank route, reference to quote,
   * payment page, whether the page's "Pay now" button works), as data and as ready words; null
   * before identity verification (nothing about the debt may be said then).
   */
  paymentInstructions(): Promise<{ data: PaymentInstructions; text: string } | null>;
  /** read: what the policy would answer to a proposal, without recording anything. */
  evaluateProposal(proposal: Proposal): ToolOutcome;
  /** write: records and presents an offer: the engine's answer to a proposal, or the next ladder step. */
  makeOffer(request: { proposal?: Proposal }): Promise<ToolOutcome>;
  /**
   * write: opens an escalation (once per turn); the conversation stops negotiating. `locale`: the
   * language the reply is written in, for the pack's notice (the case's language by default).
   */
  escalate(kind: EscalationKind, claim: string, locale?: Locale): Promise<EscalationOpened>;
  /** write: checks the debtor's answer to the verification question. */
  verifyIdentity(answer: string): Promise<{ verified: boolean; attemptsLeft: number; locked: boolean }>;
  /**
   * write: the debtor takes back the open escalation ("non je ne conteste pas"), when the pack allows
   * it for its kind and nobody has picked it up yet; `words` are the debtor's, kept with it.
   */
  withdrawEscalation(words: string, onlyKind?: EscalationKind): Promise<EscalationWithdrawal>;
  /** write: the debtor withdraws the promise they made; negotiation resumes. */
  withdrawPromise(): Promise<boolean>;
}

/** Dialogue memory a layer may update between turns (the offline engine uses it). */
export interface DialogueMemory {
  readonly askedForProposal?: boolean;
  readonly proposalsOutside?: number;
  readonly abuseCount?: number;
  readonly unclearCount?: number;
  readonly reason?: "forgot" | "admin" | "dispute" | "hardship";
}

export interface TurnContext {
  readonly conversationId: string;
  readonly locale: Locale;
  readonly phase: Phase;
  /** Facts are present only after identity verification. */
  readonly facts: CaseFacts | null;
  readonly due: AmountDue | null;
  readonly verificationQuestion: string;
  readonly pendingOffer: RecordedOffer | null;
  /** The last messages, oldest first (debtor, assistant and agent turns). */
  readonly history: readonly { role: "debtor" | "assistant" | "agent" | "system"; text: string }[];
  readonly debtorText: string;
  /** The offline understanding of the debtor's text, available to both layers. */
  readonly understanding: Understanding;
  readonly turn: number;
  /** When a person can answer (collector hours), for honest handoff wording. */
  readonly availability: {
    readonly onDuty: boolean;
    readonly nextAt: string;
    readonly when: string;
    /** `when` in each language, when known (the reply may follow the debtor's language). */
    readonly whenIn?: Readonly<Record<Locale, string>>;
  };
  readonly memory: Required<Omit<DialogueMemory, "reason">> & Pick<DialogueMemory, "reason">;
  readonly tools: Toolbox;
  /** Aborted when the turn's deadline passes: model calls stop and no further tool runs. */
  readonly signal?: AbortSignal;
  /** The turn's deadline (epoch ms): waits that would end later are not started. */
  readonly deadlineAt?: number;
}

export interface TurnMeta {
  readonly layer: "offline" | "llm";
  readonly model?: string;
  readonly promptId?: string;
  readonly promptHash?: string;
  readonly usage?: { inputTokens: number; outputTokens: number };
  /** Set when the LLM failed and the offline engine answered instead. */
  readonly fallbackReason?: string;
  /**
   * The language the reply is written in when the layer followed the debtor's (they switched the
   * page or wrote in another language): the guard checks it, and adds disclosures, in that language.
   */
  readonly locale?: Locale;
}

export interface TurnResult {
  readonly text: string;
  readonly quickReplies?: readonly string[];
  readonly meta: TurnMeta;
  readonly memory?: DialogueMemory;
}

export interface LanguageLayer {
  readonly name: "offline" | "llm";
  respond(ctx: TurnContext): Promise<TurnResult>;
  /** One more try after the output guard refused `previous`, with the violations as feedback. */
  regenerate?(ctx: TurnContext, previous: string, feedback: readonly string[]): Promise<TurnResult>;
}
