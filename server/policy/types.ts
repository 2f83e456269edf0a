// Shapes shared by the engine and its callers. Amounts are integers in minor units of `currency`;
// dates are calendar dates "YYYY-MM-DD" in the debtor's time zone.
import type { CaseFacts } from "../domain/case-facts.js";

export type OfferKind = "full" | "plan" | "settlement";
export type Cadence = "weekly" | "biweekly" | "monthly";

export interface Instalment {
  readonly dueDate: string;
  readonly amount: number;
}

export type AmountLineKind = "principal" | "interest" | "indemnity" | "fee";

export interface AmountLine {
  readonly kind: AmountLineKind;
  readonly invoiceNumber?: string;
  readonly amount: number;
  /** Pack path that produced the line, e.g. "fees.lateInterest". */
  readonly rule: string;
  readonly citations: readonly string[];
  /** How the figure was computed, for collectors and the audit log (never shown as is to debtors). */
  readonly detail: string;
  /** The same as data (amounts in minor units), so a page can write it in its reader's language. */
  readonly how: AmountHow;
}

/** One late-interest period at one rate: days from a date, the reference rate plus the margin. */
export interface InterestSegment {
  readonly days: number;
  readonly from: string;
  readonly rateBps: number;
  readonly marginBps: number;
}

export type AmountHow =
  | { readonly code: "invoice"; readonly invoice: string; readonly issuedAt: string; readonly dueAt: string }
  | {
      readonly code: "late_interest";
      readonly principal: number;
      readonly currency: string;
      readonly dayCountBasis: number;
      readonly segments: readonly InterestSegment[];
      /** Days before the rate table's first entry: not charged. */
      readonly uncharged?: { readonly days: number; readonly before: string };
    }
  | { readonly code: "fixed_per_invoice"; readonly amount: number; readonly currency: string }
  | {
      readonly code: "fee_fixed";
      readonly label: { readonly fr: string; readonly en: string };
      readonly amount: number;
      readonly currency: string;
    }
  | {
      readonly code: "fee_percent";
      readonly label: { readonly fr: string; readonly en: string };
      readonly bps: number;
      readonly base: number;
      readonly currency: string;
    };

export interface AmountDue {
  readonly currency: string;
  readonly asOf: string;
  readonly principal: number;
  /** Late-payment interest (FR business penalties). */
  readonly interest: number;
  /** Recovery indemnity only (part of `fees`), kept apart because waiving it is a concession. */
  readonly indemnity: number;
  /** Indemnity plus contractual fees. */
  readonly fees: number;
  readonly paid: number;
  /** principal + interest + fees - paid, never below zero. */
  readonly total: number;
  readonly lines: readonly AmountLine[];
  /** Days since the oldest due date (0 when nothing is overdue). */
  readonly daysPastDue: number;
  readonly timeBarred: boolean;
  readonly barredInvoices: readonly string[];
  readonly limitationYears: number;
  /** Which limitation setting applied, e.g. "limitation.overrides[US/CA]: 4 years (US-14)". */
  readonly limitationRule: string;
}

export interface OfferTerms {
  readonly kind: OfferKind;
  readonly currency: string;
  readonly total: number;
  readonly instalments: readonly Instalment[];
  /** Settlement discount on the amount due, in basis points (rounded up); 0 for full and plan. */
  readonly discountBps: number;
  readonly waived: { readonly interest: boolean; readonly indemnity: boolean };
  /** What produced the terms: "ladder.<step id>" or "proposal.<kind>". */
  readonly rule: string;
  /** COMPLIANCE.md ids of the limits and steps that govern the terms. */
  readonly citations: readonly string[];
  /** Last day the offer can be accepted (a settlement: its pay-by date). */
  readonly expiresAt?: string;
  readonly packId: string;
}

export interface NegotiationSignals {
  readonly fullPaymentImpossible: boolean;
  readonly hardship: boolean;
  readonly promptPayment?: boolean;
}

export interface NegotiationState {
  readonly facts: CaseFacts;
  readonly due: AmountDue;
  /** The debtor's calendar date. */
  readonly today: string;
  readonly offersMade: readonly OfferTerms[];
  readonly declinedKinds: readonly OfferKind[];
  readonly signals: NegotiationSignals;
  /** Counter-offer rounds spent so far (see spendsCounterRound); declines do not count. */
  readonly step: number;
}

/** What a debtor (or the model on its behalf) asks for; every field optional. */
export interface Proposal {
  readonly source: "debtor" | "model";
  readonly kind?: OfferKind;
  /** Total the proposer would pay (a settlement when below the amount due). */
  readonly total?: number;
  readonly instalmentAmount?: number;
  /**
   * A first instalment of the proposer's own ("500 now and the rest next month"): the rest is split
   * evenly over the other instalments (`count`, two when absent).
   */
  readonly firstAmount?: number;
  /**
   * With `firstAmount`: the day the proposer pays the rest, in one payment ("500 now and the rest in
   * March"). The plan is then two payments, the second on that day rather than a cadence later.
   */
  readonly restDate?: string;
  readonly count?: number;
  readonly firstDate?: string;
  readonly cadence?: Cadence;
  readonly discountBps?: number;
}

export type ReasonCode =
  | "invalid_proposal"
  | "nothing_due"
  | "time_barred"
  | "too_many_rounds"
  | "kind_not_available"
  | "settlement_not_available"
  | "settlement_lump_sum_only"
  | "date_in_past"
  | "first_payment_too_late"
  | "settlement_too_late"
  | "too_many_instalments"
  | "instalment_below_minimum"
  | "down_payment_too_low"
  | "rest_before_first"
  | "plan_too_long"
  | "plan_not_possible"
  | "cadence_not_allowed"
  | "total_mismatch"
  | "discount_too_high";

/**
 * Limits that may be told to the debtor or the model. Deliberately without any discount figure: the
 * settlement floor is the creditor's secret and must not leak through a refusal.
 */
export interface PublicBounds {
  readonly currency: string;
  readonly amountDue: number;
  readonly maxInstalments: number;
  readonly minInstalment: number;
  readonly maxPlanMonths: number;
  readonly cadences: readonly Cadence[];
  readonly firstPaymentWithinDays: number;
  readonly latestFirstPaymentDate: string;
  readonly latestPlanEndDate: string;
  readonly minDownPayment: number;
  readonly settlementAvailable: boolean;
  readonly settlementPayWithinDays?: number;
}

export type ProposalDecision =
  | { readonly decision: "accept"; readonly offer: OfferTerms }
  | {
      readonly decision: "counter";
      readonly offer: OfferTerms;
      readonly reason: ReasonCode;
      readonly explanation: string;
      /** Whether this counter spends one of the pack's counter-offer rounds (NegotiationState.step). */
      readonly round: boolean;
    }
  | {
      readonly decision: "refuse";
      readonly reason: ReasonCode;
      readonly bounds: PublicBounds;
      /** true for debtor proposals: the machine never rejects a debtor on its own, a person decides. */
      readonly handoff: boolean;
      readonly explanation: string;
    };
