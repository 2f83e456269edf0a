// What the model reads back from a tool: JSON with every amount both in minor units (to reuse in a
// later tool call) and formatted for the locale (to quote to the debtor as is), so the model never
// has to convert or compute a figure itself. Internal computation details are left out.
import type { CaseFacts, Locale } from "../../domain/case-facts.js";
import { formatMoney, money } from "../../domain/money.js";
import type { AmountDue, OfferTerms } from "../../policy/index.js";
import type { RecordedOffer, ToolOutcome } from "../language-layer.js";

const text = (amount: number, currency: string, locale: Locale) =>
  formatMoney(money(amount, currency), locale);

/** Terms from evaluate_proposal have no id: they are not an offer until make_offer records them. */
export function presentOffer(o: RecordedOffer | OfferTerms, locale: Locale) {
  return {
    ...("id" in o ? { id: o.id } : {}),
    kind: o.kind,
    total: o.total,
    totalText: text(o.total, o.currency, locale),
    instalments: o.instalments.map((i) => ({
      dueDate: i.dueDate,
      amount: i.amount,
      amountText: text(i.amount, o.currency, locale),
    })),
    ...(o.discountBps > 0 ? { discountBps: o.discountBps } : {}),
    waived: o.waived,
    // The last day, in the debtor's calendar (recorded offers carry it; engine terms are dates).
    expiresAt: "expiresOn" in o ? o.expiresOn : o.expiresAt,
  };
}

/** Bounds keys that hold money; the rest (counts, days, dates, flags) pass through unchanged. */
const MONEY_BOUNDS = new Set(["amountDue", "minInstalment", "minDownPayment"]);

function presentBounds(bounds: Record<string, unknown>, fallbackCurrency: string, locale: Locale) {
  const currency = typeof bounds.currency === "string" ? bounds.currency : fallbackCurrency;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(bounds)) {
    out[k] = v;
    if (MONEY_BOUNDS.has(k) && typeof v === "number" && Number.isSafeInteger(v))
      out[`${k}Text`] = text(v, currency, locale);
  }
  return out;
}

/** `currency` is the case currency, used when the bounds do not name one. */
export function presentOutcome(o: ToolOutcome, currency: string, locale: Locale) {
  return {
    decision: o.decision,
    ...(o.offer ? { offer: presentOffer(o.offer, locale) } : {}),
    ...(o.terms && !o.offer ? { terms: presentOffer(o.terms, locale), recorded: false } : {}),
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
    ...(o.explanation !== undefined ? { explanation: o.explanation } : {}),
    ...(o.bounds ? { bounds: presentBounds(o.bounds, currency, locale) } : {}),
    ...(o.decision !== "accept"
      ? { note: "Quote only these figures. No other terms are possible unless a tool returns them." }
      : {}),
  };
}

export function presentCase(
  s: { facts: CaseFacts; due: AmountDue; pendingOffer: RecordedOffer | null },
  locale: Locale,
) {
  const { facts, due } = s;
  const m = (amount: number) => ({ amount, text: text(amount, due.currency, locale) });
  return {
    reference: facts.reference,
    creditorName: facts.creditorName,
    debtorName: facts.debtorName,
    invoices: facts.invoices.map((i) => ({
      number: i.number,
      issuedAt: i.issuedAt,
      dueAt: i.dueAt,
      amount: m(i.amount),
    })),
    due: {
      asOf: due.asOf,
      total: m(due.total),
      principal: m(due.principal),
      interest: m(due.interest),
      feesIncludingIndemnity: m(due.fees),
      paid: m(due.paid),
      daysPastDue: due.daysPastDue,
      timeBarred: due.timeBarred,
    },
    pendingOffer: s.pendingOffer ? presentOffer(s.pendingOffer, locale) : null,
  };
}
