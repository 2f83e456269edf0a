// Maps stored cases to the public JSON shapes of the contract (money as integer minor units plus
// currency, dates as ISO-8601) and to the domain's CaseFacts.

import type { CaseView, EscalationView, OfferView, PromiseView } from "../../../contract/console-cases.js";
import type { Outcome } from "../../../contract/enums.js";
import type { CaseFacts } from "../../domain/case-facts.js";
import type { AmountDue } from "../../policy/index.js";
import type { CaseDetail } from "../ports/cases.js";

const day = (d: Date) => d.toISOString().slice(0, 10);
const num = (v: bigint) => Number(v);

/** The fields the facts come from: a chat turn's case, a receipt's query, any row with them. */
export interface FactsSource {
  readonly reference: string;
  readonly jurisdiction: CaseFacts["jurisdiction"];
  readonly usState: string | null;
  readonly currency: string;
  readonly creditor: { readonly name: string };
  readonly debtor: {
    readonly name: string;
    readonly kind: CaseFacts["debtorKind"];
    readonly locale: CaseFacts["locale"];
    readonly timeZone: string;
  };
  readonly invoices: readonly { number: string; issuedAt: Date; dueAt: Date; amount: bigint }[];
  readonly payments: readonly { amount: bigint }[];
}

export function caseFacts(c: FactsSource): CaseFacts {
  const paid = c.payments.reduce((s, p) => s + num(p.amount), 0);
  return {
    reference: c.reference,
    creditorName: c.creditor.name,
    debtorName: c.debtor.name,
    debtorKind: c.debtor.kind,
    locale: c.debtor.locale,
    jurisdiction: c.jurisdiction,
    ...(c.usState ? { usState: c.usState } : {}),
    currency: c.currency,
    timeZone: c.debtor.timeZone,
    invoices: c.invoices.map((i) => ({
      number: i.number,
      issuedAt: day(i.issuedAt),
      dueAt: day(i.dueAt),
      amount: num(i.amount),
    })),
    paidAmount: paid,
  };
}

export function offerView(o: CaseDetail["offers"][number]): OfferView {
  return {
    id: o.id,
    kind: o.kind,
    status: o.status,
    total: num(o.total),
    currency: o.currency,
    discountBps: o.discountBps,
    instalments: o.instalments,
    rule: o.rule,
    policyVersionId: o.policyVersionId,
    source: o.source,
    expiresAt: o.expiresAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
  };
}

export function promiseView(p: CaseDetail["promises"][number]): PromiseView {
  return {
    id: p.id,
    offerId: p.offerId,
    status: p.status,
    total: num(p.total),
    currency: p.currency,
    obtainedBy: p.obtainedBy,
    acceptedAt: p.acceptedAt.toISOString(),
    instalments: p.instalments.map((i) => ({
      id: i.id,
      seq: i.seq,
      dueDate: day(i.dueDate),
      amount: num(i.amount),
      paidAmount: num(i.paidAmount),
      paidAt: i.paidAt?.toISOString() ?? null,
      status: i.status,
    })),
  };
}

export function escalationView(e: CaseDetail["escalations"][number]): EscalationView {
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    summary: e.summary,
    assignee: e.assignee ? { id: e.assignee.id, email: e.assignee.email } : null,
    // Written only from the resolve form's list (contract/enums.ts OUTCOMES); stored as text.
    outcome: e.outcome as Outcome | null,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
  };
}

export function caseView(c: CaseDetail, due: AmountDue | undefined, now: Date): CaseView {
  const link = c.tokens[0];
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    jurisdiction: c.jurisdiction,
    usState: c.usState,
    currency: c.currency,
    creditor: {
      name: c.creditor.name,
      contactEmail: c.creditor.contactEmail,
      contactPhone: c.creditor.contactPhone,
    },
    debtor: {
      name: c.debtor.name,
      kind: c.debtor.kind,
      email: c.debtor.email,
      phone: c.debtor.phone,
      locale: c.debtor.locale,
      timeZone: c.debtor.timeZone,
    },
    invoices: c.invoices.map((i) => ({
      number: i.number,
      issuedAt: day(i.issuedAt),
      dueAt: day(i.dueAt),
      amount: num(i.amount),
    })),
    principal: { amount: num(c.principal), currency: c.currency },
    amountDue: due ?? null,
    verification: { question: c.verificationQuestion, hasAnswer: c.verificationAnswer !== null },
    link: link
      ? {
          createdAt: link.createdAt.toISOString(),
          expiresAt: link.expiresAt.toISOString(),
          revokedAt: link.revokedAt?.toISOString() ?? null,
          active: !link.revokedAt && link.expiresAt > now,
        }
      : null,
    policyVersion: { id: c.policyVersion.id, packId: c.policyVersion.packId, hash: c.policyVersion.hash },
    conversation: c.conversation
      ? {
          id: c.conversation.id,
          verified: c.conversation.verifiedAt !== null,
          locked: c.conversation.lockedAt !== null,
          humanOwnerId: c.conversation.humanOwnerId,
        }
      : null,
    offers: c.offers.map(offerView),
    promises: c.promises.map(promiseView),
    escalations: c.escalations.map(escalationView),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
