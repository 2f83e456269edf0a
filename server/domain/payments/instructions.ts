// How a debtor pays one case, as data: how much now, to whom, by which route, with what reference.
// Pure: the app layer loads the creditor's settings and the promise, a renderer turns this into
// words (chat, receipt, calendar, e-mail), the EPC QR code is drawn from it.
import { formatPaymentReference } from "./payment-reference.js";

export interface PayeeSettings {
  readonly name: string;
  readonly displayName?: string | null;
  readonly accountHolder?: string | null;
  readonly iban?: string | null;
  readonly bic?: string | null;
  readonly ukSortCode?: string | null;
  readonly ukAccountNumber?: string | null;
  readonly usRoutingNumber?: string | null;
  readonly usAccountNumber?: string | null;
  readonly paymentUrl?: string | null;
  readonly contactEmail?: string | null;
  readonly contactPhone?: string | null;
}

export type BankRoute =
  | { readonly kind: "iban"; readonly holder: string; readonly iban: string; readonly bic: string | null }
  | {
      readonly kind: "uk";
      readonly holder: string;
      readonly sortCode: string;
      readonly accountNumber: string;
    }
  | {
      readonly kind: "us";
      readonly holder: string;
      readonly routingNumber: string;
      readonly accountNumber: string;
    };

/** What is asked for now: the whole balance, or the next (part-paid) instalment of a promise. */
export type AmountNow =
  | { readonly what: "total"; readonly amount: number; readonly dueDate: string | null }
  | {
      readonly what: "instalment";
      readonly amount: number;
      readonly dueDate: string;
      readonly seq: number;
      readonly count: number;
    }
  | { readonly what: "nothing" };

export interface PaymentInstructions {
  readonly payee: string;
  readonly currency: string;
  readonly now: AmountNow;
  /** ISO 11649 reference, compact ("RF18539007547034") and as printed ("RF18 5390 0754 7034"). */
  readonly reference: string;
  readonly referenceText: string;
  readonly bank: BankRoute | null;
  /** The creditor's own payment page. */
  readonly paymentUrl: string | null;
  /** A card or direct-debit payment can be started from the debtor's page (Stripe configured). */
  readonly payNow: boolean;
  readonly contact: { readonly email: string | null; readonly phone: string | null };
  /** A SEPA credit transfer QR code (EPC069-12) can be drawn: euro amount and an IBAN. */
  readonly sepaQr: boolean;
}

/**
 * The transfer route that suits the currency: sort code and account number for sterling, ABA
 * routing for dollars, the IBAN otherwise (and as the fallback for either when it is all there is).
 */
export function bankRoute(payee: PayeeSettings, currency: string): BankRoute | null {
  const holder = payee.accountHolder ?? payee.name;
  const iban: BankRoute | null = payee.iban
    ? { kind: "iban", holder, iban: payee.iban, bic: payee.bic ?? null }
    : null;
  if (currency === "GBP" && payee.ukSortCode && payee.ukAccountNumber)
    return { kind: "uk", holder, sortCode: payee.ukSortCode, accountNumber: payee.ukAccountNumber };
  if (currency === "USD" && payee.usRoutingNumber && payee.usAccountNumber)
    return {
      kind: "us",
      holder,
      routingNumber: payee.usRoutingNumber,
      accountNumber: payee.usAccountNumber,
    };
  return iban;
}

export function buildInstructions(input: {
  readonly payee: PayeeSettings;
  readonly currency: string;
  readonly now: AmountNow;
  readonly reference: string;
  readonly payNowAvailable: boolean;
}): PaymentInstructions {
  const bank = bankRoute(input.payee, input.currency);
  const owing = input.now.what !== "nothing" && input.now.amount > 0;
  return {
    payee: input.payee.displayName ?? input.payee.name,
    currency: input.currency,
    now: input.now,
    reference: input.reference,
    referenceText: formatPaymentReference(input.reference),
    bank,
    paymentUrl: input.payee.paymentUrl ?? null,
    payNow: input.payNowAvailable && owing,
    contact: { email: input.payee.contactEmail ?? null, phone: input.payee.contactPhone ?? null },
    sepaQr: owing && input.currency === "EUR" && bank?.kind === "iban",
  };
}

/** The next instalment not fully paid, as what is due now (its unpaid part). */
export function nextInstalmentDue(
  instalments: readonly { seq: number; dueDate: string; amount: number; paidAmount: number }[],
): AmountNow {
  const next = instalments.find((i) => i.paidAmount < i.amount);
  if (!next) return { what: "nothing" };
  return {
    what: "instalment",
    amount: next.amount - next.paidAmount,
    dueDate: next.dueDate,
    seq: next.seq,
    count: instalments.length,
  };
}
