// What the debtor owes on a given day, line by line, from the case facts and the pack's fees section.
// Principal is the sum of the invoices; interest, indemnity and fees are added only where the pack
// allows them (FR-B1 for business debtors in France; contractual fees elsewhere, none by default:
// FR-P1, FR-P2, US-13, UK-11). Payments received are subtracted from the total as a whole, because
// the facts do not say when or against what they were paid; interest is therefore computed on the
// invoice amounts (callers that know a part payment per invoice should pass the net invoice amount).
import type { CaseFacts } from "../domain/case-facts.js";
import { majorText } from "../domain/money.js";
import { isNonNegativeSafeInt, mulDiv } from "./arith.js";
import { daysBetween, isIsoDate } from "./dates.js";
import { PolicyError } from "./errors.js";
import { lateInterest } from "./interest.js";
import { limitationFor } from "./limitation.js";
import type { PolicyPack } from "./schema.js";
import type { AmountDue, AmountLine } from "./types.js";

function validate(facts: CaseFacts, pack: PolicyPack, asOf: string): void {
  if (!pack.currencies.includes(facts.currency))
    throw new PolicyError(
      "currency_not_allowed",
      `pack ${pack.id} accepts ${pack.currencies.join(", ")}, not ${facts.currency}`,
    );
  if (!isIsoDate(asOf)) throw new PolicyError("invalid_date", `asOf is not a date: ${asOf}`);
  if (facts.invoices.length === 0)
    throw new PolicyError("invalid_facts", "a case needs at least one invoice");
  for (const inv of facts.invoices) {
    if (!isNonNegativeSafeInt(inv.amount))
      throw new PolicyError("invalid_facts", `invoice ${inv.number}: amount must be a non-negative integer`);
    if (!isIsoDate(inv.dueAt) || !isIsoDate(inv.issuedAt))
      throw new PolicyError("invalid_facts", `invoice ${inv.number}: issuedAt and dueAt must be dates`);
  }
  if (facts.paidAmount !== undefined && !isNonNegativeSafeInt(facts.paidAmount))
    throw new PolicyError("invalid_facts", "paidAmount must be a non-negative integer");
}

export function amountDue(facts: CaseFacts, pack: PolicyPack, asOf: string): AmountDue {
  validate(facts, pack, asOf);
  const { fees } = pack;
  const lines: AmountLine[] = [];
  const overdue = facts.invoices.filter((inv) => inv.dueAt < asOf);

  for (const inv of facts.invoices) {
    lines.push({
      kind: "principal",
      invoiceNumber: inv.number,
      amount: inv.amount,
      rule: "facts.invoices",
      citations: [],
      detail: `invoice ${inv.number} issued ${inv.issuedAt}, due ${inv.dueAt}`,
      how: { code: "invoice", invoice: inv.number, issuedAt: inv.issuedAt, dueAt: inv.dueAt },
    });
  }
  if (fees.lateInterest) {
    for (const inv of overdue) {
      const r = lateInterest(inv.amount, inv.dueAt, asOf, fees.lateInterest, facts.currency);
      if (r.amount > 0)
        lines.push({
          kind: "interest",
          invoiceNumber: inv.number,
          amount: r.amount,
          rule: "fees.lateInterest",
          citations: fees.lateInterest.rules,
          detail: r.detail,
          how: {
            code: "late_interest",
            principal: inv.amount,
            currency: facts.currency,
            dayCountBasis: fees.lateInterest.dayCountBasis,
            segments: r.segments,
            ...(r.uncharged ? { uncharged: r.uncharged } : {}),
          },
        });
    }
  }
  const indemnity = fees.recoveryIndemnity;
  if (indemnity) {
    // The pack's currencies are restricted to the indemnity's currency, so validate() has already
    // refused any other: a fixed 40 EUR is never converted.
    for (const inv of overdue) {
      lines.push({
        kind: "indemnity",
        invoiceNumber: inv.number,
        amount: indemnity.amount,
        rule: "fees.recoveryIndemnity",
        citations: indemnity.rules,
        detail: `fixed ${majorText(indemnity.amount, indemnity.currency)} per overdue invoice`,
        how: { code: "fixed_per_invoice", amount: indemnity.amount, currency: indemnity.currency },
      });
    }
  }
  for (const fee of fees.contractualFees) {
    const targets = fee.per === "case" ? (overdue.length > 0 ? [undefined] : []) : overdue;
    for (const inv of targets) {
      const base = inv ? inv.amount : facts.invoices.reduce((s, i) => s + i.amount, 0);
      const amount = fee.amount ?? mulDiv(base, fee.bps ?? 0, 10_000, "half_up");
      const how =
        fee.amount !== undefined
          ? `fixed ${majorText(fee.amount, facts.currency)}`
          : `${(fee.bps ?? 0) / 100} % of ${majorText(base, facts.currency)}, rounded half up`;
      lines.push({
        kind: "fee",
        ...(inv ? { invoiceNumber: inv.number } : {}),
        amount,
        rule: `fees.contractualFees[${fee.id}]`,
        citations: fee.rules,
        detail: `${fee.label.en}: ${how}`,
        how:
          fee.amount !== undefined
            ? { code: "fee_fixed", label: fee.label, amount: fee.amount, currency: facts.currency }
            : { code: "fee_percent", label: fee.label, bps: fee.bps ?? 0, base, currency: facts.currency },
      });
    }
  }

  const sumOf = (kind: AmountLine["kind"]) =>
    lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);
  const principal = sumOf("principal");
  const interest = sumOf("interest");
  const indemnityTotal = sumOf("indemnity");
  const feeTotal = indemnityTotal + sumOf("fee");
  const paid = facts.paidAmount ?? 0;
  const limitation = limitationFor(facts, pack, asOf);
  const daysPastDue = Math.max(0, ...facts.invoices.map((inv) => daysBetween(inv.dueAt, asOf)));

  return {
    currency: facts.currency,
    asOf,
    principal,
    interest,
    indemnity: indemnityTotal,
    fees: feeTotal,
    paid,
    total: Math.max(0, principal + interest + feeTotal - paid),
    lines,
    daysPastDue,
    timeBarred: limitation.barredInvoices.length > 0,
    barredInvoices: limitation.barredInvoices,
    limitationYears: limitation.years,
    limitationRule: `${limitation.rule} (${limitation.citations.join(", ")})`,
  };
}
