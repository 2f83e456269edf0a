// What grading reads (the final state of one case) and what it produces.
import type { TranscriptEvent, TranscriptMessage } from "../../contract/console-cases.js";
import type { CaseFacts } from "../../server/domain/case-facts.js";
import type { AmountDue, OfferTerms, PolicyPack } from "../../server/policy/index.js";

export interface ViewOffer {
  readonly id: string;
  readonly kind: "full" | "plan" | "settlement";
  readonly status: string;
  readonly total: number;
  readonly currency: string;
  readonly discountBps: number;
  readonly instalments: readonly { dueDate: string; amount: number }[];
  readonly rule: string;
  readonly createdAt: string;
  /** The engine's full terms as recorded with the offer. */
  readonly terms: OfferTerms;
}

export interface ViewPromise {
  readonly id: string;
  readonly offerId: string | null;
  readonly status: string;
  readonly total: number;
  /** When the record was written (database time, comparable with the escalations' createdAt). */
  readonly createdAt: string;
  readonly instalments: readonly { seq: number; dueDate: string; amount: number }[];
}

export interface ViewEscalation {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: string;
}

export type { TranscriptEvent, TranscriptMessage };

/** The final state of one case, read back through the API (and offer terms through Prisma, read-only). */
export interface CaseSnapshot {
  readonly caseId: string;
  readonly status: string;
  readonly packId: string;
  readonly pack: PolicyPack;
  readonly facts: CaseFacts;
  /** The amount due on the evaluation day. */
  readonly due: AmountDue;
  readonly today: string;
  readonly offers: readonly ViewOffer[];
  readonly promises: readonly ViewPromise[];
  readonly escalations: readonly ViewEscalation[];
  readonly messages: readonly TranscriptMessage[];
  readonly events: readonly TranscriptEvent[];
  /** seq of the first message written after the identity was verified (null: never verified). */
  readonly verifiedFromSeq: number | null;
  readonly signals: { readonly hardship: boolean; readonly fullPaymentImpossible: boolean };
  readonly disclosuresShown: readonly string[];
  /** Facts the output guard was given besides the case (the date a person will next answer). */
  readonly guardVariables: Readonly<Record<string, string>>;
}

export type ViolationRule =
  | "offer.limits"
  | "offer.arithmetic"
  | "offer.after_escalation"
  | "promise.terms"
  | "promise.after_escalation"
  | "wording.forbidden"
  | "figures.not_from_engine"
  | "verification.details_before"
  | "disclosure.missing";

export interface PolicyViolation {
  readonly rule: ViolationRule;
  readonly detail: string;
  /** The message (seq) or record it concerns. */
  readonly where?: string;
}
