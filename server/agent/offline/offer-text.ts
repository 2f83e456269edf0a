// Words for the debt and for offers, from engine figures only.
import type { CaseFacts } from "../../domain/case-facts.js";
import type { AmountDue } from "../../policy/index.js";
import type { ToolOutcome } from "../language-layer.js";
import { date, list, money, offerDate, scheduleSummary } from "./format.js";
import type { Reply } from "./reply.js";

export function invoiceList(reply: Reply, facts: CaseFacts): string {
  const fr = reply.locale === "fr";
  const items = facts.invoices.map((i) =>
    fr
      ? `la facture ${i.number} du ${date(i.issuedAt, "fr")} (${money(i.amount, facts.currency, "fr")}, échue le ${date(i.dueAt, "fr")})`
      : `invoice ${i.number} of ${date(i.issuedAt, "en")} (${money(i.amount, facts.currency, "en")}, due ${date(i.dueAt, "en")})`,
  );
  return list(items, reply.locale);
}

export function debtSummary(reply: Reply, facts: CaseFacts, due: AmountDue): string {
  const m = (v: number) => money(v, due.currency, reply.locale);
  // Each charge is named with its own figure: a sum of charges is not a case fact the guard knows.
  const fr = reply.locale === "fr";
  const charges = [
    ...(due.interest > 0
      ? [`${m(due.interest)} ${fr ? "de pénalités de retard" : "of late-payment interest"}`]
      : []),
    ...(due.indemnity > 0
      ? [
          `${m(due.indemnity)} ${fr ? "d'indemnité forfaitaire de recouvrement" : "of fixed recovery indemnity"}`,
        ]
      : []),
    ...(due.fees - due.indemnity > 0
      ? [`${m(due.fees - due.indemnity)} ${fr ? "de frais" : "of fees"}`]
      : []),
  ];
  const chargeList = charges.length ? `, ${charges.join(", ")}` : "";
  const extras = charges.length
    ? reply.text("debt_summary_extras", { principal: m(due.principal), chargeList })
    : "";
  return reply.text("debt_summary", {
    reference: facts.reference,
    creditor: facts.creditorName,
    invoiceList: invoiceList(reply, facts),
    total: m(due.total),
    extras,
  });
}

export function explainDebt(reply: Reply, facts: CaseFacts, due: AmountDue): string {
  const m = (v: number) => money(v, due.currency, reply.locale);
  const fr = reply.locale === "fr";
  const parts = [
    `${fr ? "principal" : "original amount"} ${m(due.principal)}`,
    ...(due.interest > 0
      ? [`${fr ? "pénalités de retard" : "late-payment interest"} ${m(due.interest)}`]
      : []),
    ...(due.indemnity > 0
      ? [`${fr ? "indemnité forfaitaire de recouvrement" : "fixed recovery indemnity"} ${m(due.indemnity)}`]
      : []),
    ...(due.fees - due.indemnity > 0 ? [`${fr ? "frais" : "fees"} ${m(due.fees - due.indemnity)}`] : []),
    ...(due.paid > 0 ? [`${fr ? "déjà réglé" : "already paid"} ${m(due.paid)}`] : []),
  ];
  const invoices = invoiceList(reply, facts);
  // The list starts a sentence here: "Invoice NB-… of …", not "invoice NB-…".
  const opening = invoices.charAt(0).toUpperCase() + invoices.slice(1);
  return `${opening}. ${reply.text("explain_debt", { breakdown: parts.join(", "), total: m(due.total) })}`;
}

/**
 * Why each charge on top of the invoices is there, with the rule that allows it (the pack's own
 * citations, from the engine's amount lines). No charge: the debtor is told only the invoices count.
 */
export function explainFees(reply: Reply, due: AmountDue): string {
  const m = (v: number) => money(v, due.currency, reply.locale);
  const rulesOf = (kind: string) => {
    const ids = [...new Set(due.lines.filter((l) => l.kind === kind).flatMap((l) => l.citations))];
    return ids.length ? reply.text("fees_rule", { rules: ids.join(", ") }) : "";
  };
  const parts = [
    ...(due.interest > 0
      ? [reply.text("fees_interest", { amount: m(due.interest), rule: rulesOf("interest") })]
      : []),
    ...(due.indemnity > 0
      ? [reply.text("fees_indemnity", { amount: m(due.indemnity), rule: rulesOf("indemnity") })]
      : []),
    ...(due.fees - due.indemnity > 0
      ? [reply.text("fees_contractual", { amount: m(due.fees - due.indemnity), rule: rulesOf("fee") })]
      : []),
  ];
  if (parts.length === 0) return reply.text("fees_none", { principal: m(due.principal) });
  return reply.text("fees_intro", {
    principal: m(due.principal),
    list: parts.join(" "),
    total: m(due.total),
  });
}

/** The offer paragraph: an intro (accepted or countered), the terms, and how to accept. */
export function describeOutcome(reply: Reply, outcome: ToolOutcome): string {
  const offer = outcome.offer;
  if (!offer) return "";
  const m = (v: number) => money(v, offer.currency, reply.locale);
  // A counter says why it differs from what was asked, with the offer's own figures only, for the
  // limits the catalogue has a sentence for (counter_why_<reason>).
  const whyKey = `counter_why_${outcome.reason}`;
  const why =
    outcome.decision === "counter" && reply.catalogue.has(whyKey)
      ? reply.text(whyKey, { first: m(offer.instalments[0]?.amount ?? 0) })
      : "";
  const intro =
    outcome.decision === "counter"
      ? [reply.text("offer_intro_counter"), why].filter(Boolean).join(" ")
      : outcome.decision === "accept" && outcome.reason !== "ladder"
        ? reply.text("offer_intro_accept")
        : "";
  let terms: string;
  if (offer.kind === "plan") {
    terms = reply.text("offer_plan", {
      count: offer.instalments.length,
      // One sentence on a phone: the full schedule is in the offer card.
      schedule: scheduleSummary(offer.instalments, offer.currency, reply.locale),
      total: m(offer.total),
    });
  } else {
    const key =
      offer.kind === "settlement"
        ? "offer_settlement"
        : offer.waived.interest || offer.waived.indemnity
          ? "offer_full_waived"
          : "offer_full";
    terms = reply.text(key, { total: m(offer.total), date: date(offerDate(offer), reply.locale) });
  }
  const footer = reply.text("offer_footer", { expires: date(offer.expiresOn, reply.locale) });
  return [intro, terms, footer].filter(Boolean).join(" ");
}
