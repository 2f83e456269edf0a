// The case facts as words for outreach texts: invoice lists, amount breakdowns, plan summaries. Every
// figure is the policy engine's (AmountDue, the accepted offer), formatted like the receipts.
import type { CaseFacts, Locale } from "../../domain/case-facts.js";
import type { AmountDue } from "../../policy/index.js";
import { dateText, moneyText } from "../receipts/receipt-text.js";

const WORDS = {
  fr: {
    invoice: (n: string, issued: string, due: string, amount: string) =>
      `- Facture ${n} du ${issued}, échéance le ${due} : ${amount}`,
    principal: "Factures (principal)",
    interest: "Pénalités de retard",
    indemnity: "Indemnité forfaitaire pour frais de recouvrement",
    fee: "Frais",
    paid: "Déjà réglé",
    total: "Solde dû",
    instalment: (i: number, amount: string, date: string) => `- Versement ${i} : ${amount} le ${date}`,
    planTotal: (amount: string) => `Montant total de l'accord : ${amount}`,
  },
  en: {
    invoice: (n: string, issued: string, due: string, amount: string) =>
      `- Invoice ${n} issued ${issued}, due ${due}: ${amount}`,
    principal: "Invoices (principal)",
    interest: "Late-payment interest",
    indemnity: "Fixed recovery indemnity",
    fee: "Fees",
    paid: "Already paid",
    total: "Balance due",
    instalment: (i: number, amount: string, date: string) => `- Payment ${i}: ${amount} on ${date}`,
    planTotal: (amount: string) => `Total of the agreement: ${amount}`,
  },
} as const;

export function invoiceList(facts: CaseFacts, locale: Locale): string {
  const w = WORDS[locale];
  return facts.invoices
    .map((i) =>
      w.invoice(
        i.number,
        dateText(i.issuedAt, locale),
        dateText(i.dueAt, locale),
        moneyText(i.amount, facts.currency, locale),
      ),
    )
    .join("\n");
}

/** Fees other than the indemnity: an engine figure the guard must accept when it is shown. */
export function otherFees(due: AmountDue): number {
  return due.fees - due.indemnity;
}

export function breakdown(due: AmountDue, locale: Locale): string {
  const w = WORDS[locale];
  const m = (v: number) => moneyText(v, due.currency, locale);
  const lines = [`- ${w.principal}: ${m(due.principal)}`];
  if (due.interest > 0) lines.push(`- ${w.interest}: ${m(due.interest)}`);
  if (due.indemnity > 0) lines.push(`- ${w.indemnity}: ${m(due.indemnity)}`);
  if (otherFees(due) > 0) lines.push(`- ${w.fee}: ${m(otherFees(due))}`);
  if (due.paid > 0) lines.push(`- ${w.paid}: ${m(due.paid)}`);
  lines.push(`- ${w.total}: ${m(due.total)}`);
  return lines.map((l) => (locale === "fr" ? l.replace(/: /, " : ") : l)).join("\n");
}

export interface PlanFacts {
  readonly total: number;
  readonly currency: string;
  readonly instalments: readonly { readonly amount: number; readonly dueDate: string }[];
}

export function planSummary(plan: PlanFacts, locale: Locale): string {
  const w = WORDS[locale];
  const lines = plan.instalments.map((i, n) =>
    w.instalment(n + 1, moneyText(i.amount, plan.currency, locale), dateText(i.dueDate, locale)),
  );
  return [...lines, w.planTotal(moneyText(plan.total, plan.currency, locale))].join("\n");
}
