// What a receipt and its calendar restate, as plain data, and the thin loader that reads it for
// one promise of one case. The builders (receipt-pdf, receipt-ics) are pure functions of this.
import type { CaseFacts, Locale } from "../../domain/case-facts.js";
import { epcPayload } from "../../domain/payments/epc-qr.js";
import { disclosuresDue, type PolicyPack } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import { loadPaymentInstructions, renderPaymentInstructions } from "../payments/instructions.js";
import type { ReceiptRow } from "../ports/payments.js";

export interface ReceiptData {
  readonly locale: Locale;
  /** The debtor's IANA time zone, for the acceptance time. */
  readonly timeZone: string;
  readonly reference: string;
  readonly promiseId: string;
  /** ISO-8601 instant of the debtor's acceptance. */
  readonly acceptedAt: string;
  readonly creditor: {
    readonly name: string;
    readonly contactEmail?: string;
    readonly contactPhone?: string;
  };
  readonly debtor: { readonly name: string };
  readonly currency: string;
  readonly invoices: readonly { number: string; issuedAt: string; dueAt: string; amount: number }[];
  readonly kind: "full" | "plan" | "settlement";
  /** Settlement discount in basis points (0 for full payment and plans). */
  readonly discountBps: number;
  readonly total: number;
  readonly instalments: readonly { seq: number; dueDate: string; amount: number }[];
  readonly policy: { readonly versionId: string; readonly packId: string; readonly hash: string };
  /** The pack's disclosures due with an offer of this kind, rendered in the receipt's locale. */
  readonly disclosures: readonly { id: string; text: string }[];
  /** Where the promise stands: a cancelled one is printed as cancelled, its calendar cancels its events. */
  readonly status: "active" | "kept" | "broken" | "cancelled";
  /** How to pay, for a promise still to be paid; null otherwise. */
  readonly payment: ReceiptPayment | null;
}

export interface ReceiptPayment {
  /** The ISO 11649 reference as printed ("RF18 5390 0754 7034"). */
  readonly referenceText: string;
  /** The instructions in words (see app/payments/instructions.ts). */
  readonly text: string;
  /** EPC069-12 payload for a SEPA transfer QR code, when the creditor has an IBAN and it is euros. */
  readonly epc: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function factsOf(row: ReceiptRow): CaseFacts {
  return caseFacts(row.case);
}

/** The disclosures an offer of this kind carries (offer terms, amounts, settlement wording). */
export function receiptDisclosures(
  pack: PolicyPack,
  facts: CaseFacts,
  kind: ReceiptData["kind"],
): { id: string; text: string }[] {
  const { due } = disclosuresDue(pack, {
    locale: facts.locale,
    moment: kind === "settlement" ? "settlement" : "offer",
    // Session notices (AI, privacy) belong to the chat, not to the written agreement.
    shown: pack.disclosures.filter((d) => d.moment === "session_start").map((d) => d.id),
    flags: new Set(),
    hasAmount: true,
    facts,
  });
  return due.map((d) => ({ id: d.id, text: d.text }));
}

export function toReceiptData(
  row: ReceiptRow,
  pack: PolicyPack,
  payment: ReceiptPayment | null = null,
): ReceiptData {
  const facts = factsOf(row);
  const c = row.case;
  return {
    locale: c.debtor.locale,
    timeZone: c.debtor.timeZone,
    reference: c.reference,
    promiseId: row.id,
    acceptedAt: row.acceptedAt.toISOString(),
    creditor: {
      name: c.creditor.name,
      ...(c.creditor.contactEmail ? { contactEmail: c.creditor.contactEmail } : {}),
      ...(c.creditor.contactPhone ? { contactPhone: c.creditor.contactPhone } : {}),
    },
    debtor: { name: c.debtor.name },
    currency: row.currency,
    invoices: facts.invoices,
    kind: row.offer.kind,
    discountBps: row.offer.discountBps,
    total: Number(row.total),
    instalments: row.instalments.map((i) => ({
      seq: i.seq,
      dueDate: day(i.dueDate),
      amount: Number(i.amount),
    })),
    policy: {
      versionId: row.offer.policyVersion.id,
      packId: row.offer.policyVersion.packId,
      hash: row.offer.policyVersion.hash,
    },
    disclosures: receiptDisclosures(pack, facts, row.offer.kind),
    status: row.status,
    payment: row.status === "active" || row.status === "broken" ? payment : null,
  };
}

/** The receipt data of a promise of the case, or null when the case has no such promise. */
export async function loadReceipt(
  ctx: AppContext,
  caseId: string,
  promiseId: string,
): Promise<ReceiptData | null> {
  const row = await ctx.stores.debtorPages.promiseForReceipt(caseId, promiseId);
  if (!row) return null;
  const policy = await ctx.policies.forVersion(row.offer.policyVersion.id);
  const found = await loadPaymentInstructions(ctx, caseId);
  const payment = found
    ? {
        referenceText: found.referenceText,
        text: renderPaymentInstructions(found, found.locale),
        epc: epcPayload(found),
      }
    : null;
  return toReceiptData(row, policy.pack, payment);
}
