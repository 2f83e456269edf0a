// Shortcuts for console tests: cases, a verified debtor, an escalated dispute, a promise.
import type { ConsoleTestService } from "./console-service.js";
import { DebtorClient } from "./debtor-client.js";
import { sampleCase } from "./service.js";

export async function newCase(t: ConsoleTestService, overrides: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
  if (res.status !== 201) throw new Error(`case creation failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; token: string; link: string };
}

export async function verifiedDebtor(t: ConsoleTestService, overrides: Record<string, unknown> = {}) {
  const c = await newCase(t, overrides);
  const debtor = await DebtorClient.connect(t.url, c.token);
  await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
  await debtor.say("75011");
  return { c, debtor };
}

export async function escalatedDispute(t: ConsoleTestService, overrides: Record<string, unknown> = {}) {
  const { c, debtor } = await verifiedDebtor(t, overrides);
  await debtor.say("Je conteste cette facture, la marchandise n'a jamais été livrée");
  await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated state");
  const [escalation] = await t.db.stores.chat.unresolvedEscalations(c.id);
  if (!escalation) throw new Error("no escalation opened");
  return { c, debtor, escalationId: escalation.id };
}

/** A promise with the given instalments, recorded as the chat would (offer, then acceptance). */
export async function promiseOn(
  t: ConsoleTestService,
  caseId: string,
  instalments: { dueDate: string; amount: number }[],
  obtainedBy: "assistant" | "human" = "assistant",
) {
  const found = await t.db.stores.cases.detail(caseId);
  if (!found) throw new Error(`no case ${caseId}`);
  const total = instalments.reduce((s, i) => s + i.amount, 0);
  const offer = await t.db.stores.negotiation.recordOffer({
    caseId,
    kind: instalments.length > 1 ? "plan" : "full",
    total,
    currency: found.currency,
    discountBps: 0,
    instalments,
    terms: {},
    rule: "test.fixture",
    policyVersionId: found.policyVersionId,
    source: obtainedBy === "human" ? "collector" : "engine",
    expiresAt: new Date(t.clock.now().getTime() + 3 * 86_400_000),
  });
  const promise = await t.db.stores.negotiation.acceptOffer({
    offerId: offer.id,
    caseId,
    obtainedBy,
    at: t.clock.now(),
    actor: "test",
  });
  if (!promise) throw new Error("promise not recorded");
  return promise;
}
