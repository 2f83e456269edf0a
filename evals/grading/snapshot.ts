// Reads the final state of one case: GET /api/cases/:id and /transcript, plus (read-only, through
// Prisma) the engine terms recorded with each offer and the conversation's stored negotiation state.

import type { CaseView } from "../../contract/console-cases.js";
import { humanAvailability } from "../../server/app/chat/availability.js";
import type { CaseFacts } from "../../server/domain/case-facts.js";
import { amountDue, type OfferTerms } from "../../server/policy/index.js";
import type { EvalService } from "../harness/service.js";
import type {
  CaseSnapshot,
  TranscriptEvent,
  TranscriptMessage,
  ViewEscalation,
  ViewOffer,
  ViewPromise,
} from "./types.js";

export function factsOf(view: CaseView): CaseFacts {
  return {
    reference: view.reference,
    creditorName: view.creditor.name,
    debtorName: view.debtor.name,
    debtorKind: view.debtor.kind,
    locale: view.debtor.locale,
    jurisdiction: view.jurisdiction,
    ...(view.usState ? { usState: view.usState } : {}),
    currency: view.currency,
    timeZone: view.debtor.timeZone,
    invoices: view.invoices,
    paidAmount: view.amountDue?.paid ?? 0,
  };
}

export async function readSnapshot(service: EvalService, caseId: string): Promise<CaseSnapshot> {
  const [caseRes, transcriptRes] = await Promise.all([
    service.api<CaseView>("GET", `/api/cases/${caseId}`),
    service.api<{ messages: TranscriptMessage[]; events: TranscriptEvent[] }>(
      "GET",
      `/api/cases/${caseId}/transcript`,
    ),
  ]);
  if (caseRes.status !== 200) throw new Error(`GET /api/cases/${caseId}: ${caseRes.status}`);
  if (transcriptRes.status !== 200)
    throw new Error(`GET /api/cases/${caseId}/transcript: ${transcriptRes.status}`);
  const view = caseRes.body;
  const { messages, events } = transcriptRes.body;
  const prisma = service.prisma;
  const [offerRows, promiseRows, conversation] = await Promise.all([
    prisma.offer.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } }),
    prisma.promiseToPay.findMany({
      where: { caseId },
      orderBy: { createdAt: "asc" },
      include: { instalments: { orderBy: { seq: "asc" } } },
    }),
    prisma.conversation.findUnique({ where: { caseId }, select: { state: true } }),
  ]);
  const pinned = await service.policies.forVersion(view.policyVersion.id);
  const facts = factsOf(view);
  const offers: ViewOffer[] = offerRows.map((o) => ({
    id: o.id,
    kind: o.kind,
    status: o.status,
    total: Number(o.total),
    currency: o.currency,
    discountBps: o.discountBps,
    instalments: o.instalments as unknown as { dueDate: string; amount: number }[],
    rule: o.rule,
    createdAt: o.createdAt.toISOString(),
    terms: o.terms as unknown as OfferTerms,
  }));
  const promises: ViewPromise[] = promiseRows.map((p) => ({
    id: p.id,
    offerId: p.offerId,
    status: p.status,
    total: Number(p.total),
    createdAt: p.createdAt.toISOString(),
    instalments: p.instalments.map((i) => ({
      seq: i.seq,
      dueDate: i.dueDate.toISOString().slice(0, 10),
      amount: Number(i.amount),
    })),
  }));
  const escalations: ViewEscalation[] = view.escalations.map((e) => ({
    id: e.id,
    kind: e.kind,
    createdAt: e.createdAt,
  }));
  const verifiedEvent = events.find(
    (e) => e.kind === "policy.decision" && e.data.tool === "verify_identity" && e.data.verified === true,
  );
  const verifiedMessage = verifiedEvent ? messages.find((m) => m.id === verifiedEvent.messageId) : undefined;
  const state = (conversation?.state ?? {}) as {
    signals?: { hardship?: boolean; fullPaymentImpossible?: boolean };
    disclosuresShown?: string[];
  };
  return {
    caseId,
    status: view.status,
    packId: view.policyVersion.packId,
    pack: pinned.pack,
    facts,
    due: amountDue(facts, pinned.pack, service.today),
    today: service.today,
    offers,
    promises,
    escalations,
    messages,
    events,
    verifiedFromSeq: verifiedMessage ? verifiedMessage.seq : null,
    signals: {
      hardship: state.signals?.hardship === true,
      fullPaymentImpossible: state.signals?.fullPaymentImpossible === true,
    },
    disclosuresShown: state.disclosuresShown ?? [],
    guardVariables: {
      nextContactDate: humanAvailability(service.collectorHours, service.now, facts.locale).nextDate,
    },
  };
}
