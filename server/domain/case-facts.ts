// The facts of a case that the policy engine and the negotiation need, independent of storage.

export type Jurisdiction = "FR" | "US" | "UK";
export type DebtorKind = "business" | "consumer";
export type Locale = "fr" | "en";

export interface InvoiceFacts {
  readonly number: string;
  /** ISO date (YYYY-MM-DD). */
  readonly issuedAt: string;
  /** ISO date (YYYY-MM-DD). */
  readonly dueAt: string;
  /** Minor units of the case currency. */
  readonly amount: number;
}

export interface CaseFacts {
  readonly reference: string;
  readonly creditorName: string;
  readonly debtorName: string;
  readonly debtorKind: DebtorKind;
  readonly locale: Locale;
  readonly jurisdiction: Jurisdiction;
  /** US state (two letters) when known, for limitation-period overrides. */
  readonly usState?: string;
  readonly currency: string;
  /** IANA time zone of the debtor, for due dates. */
  readonly timeZone: string;
  readonly invoices: readonly InvoiceFacts[];
  /** Payments already received on the case, in minor units. */
  readonly paidAmount?: number;
}
