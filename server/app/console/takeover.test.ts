// Live takeover over real sockets: a debtor (socket.io /debtor) and a collector (HTTP + /console).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../../test-support/console-client.js";
import { escalatedDispute, newCase, verifiedDebtor } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";

describe.each(TEST_TARGETS)("takeover on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, body?: unknown, token = t.tokens.collector) =>
    t.api("POST", path, { token, body: body ?? {} });

  it("sends the collector's messages to the debtor as role agent, tells the debtor a person joined, and hands back", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const live = await ConsoleClient.connect(t.url, t.tokens.collector);
    expect((await live.emit("console:join_case", { caseId: c.id })).ok).toBe(true);

    const taken = await post(`/api/cases/${c.id}/takeover`);
    expect(taken.status).toBe(200);
    expect(taken.body.message).toMatchObject({
      role: "system",
      text: "Une personne de notre équipe a rejoint la conversation.",
      notice: "takeover",
    });
    // The page learns from `notice`, not from the wording, that a person now holds the chat.
    const joined = await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && /rejoint la conversation/.test(m.text)),
      "joined notice",
    );
    expect(joined.notice).toBe("takeover");

    const sent = await post(`/api/cases/${c.id}/messages`, {
      text: "Bonjour, je suis Claire du service client.",
    });
    expect(sent.status).toBe(201);
    const agent = await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "agent"),
      "agent message",
    );
    expect(agent.text).toBe("Bonjour, je suis Claire du service client.");

    // The debtor answers: stored, shown live to the collector, and the assistant stays silent.
    const before = debtor.assistant().length;
    expect((await debtor.send("Merci, je préfère vous parler")).ok).toBe(true);
    await live.waitFor(
      () => live.named("case.message").find((e) => e.message.role === "debtor"),
      "debtor message in the case room",
    );
    await t.service.chat.idle();
    await new Promise((r) => setTimeout(r, 150));
    expect(debtor.assistant()).toHaveLength(before);

    const back = await post(`/api/cases/${c.id}/handback`, {
      note: "Client rassuré, il attend une proposition.",
    });
    expect(back.status).toBe(200);
    await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && /l'assistant reprend/.test(m.text)),
      "hand-back notice",
    );
    const resumed = await debtor.say("J'ai oublié, je peux tout payer");
    expect(resumed.role).toBe("assistant");
    expect(resumed.offer?.kind).toBe("full");

    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    const kinds = transcript.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["takeover.started", "takeover.ended"]));
    const ended = transcript.body.events.find((e: { kind: string }) => e.kind === "takeover.ended");
    expect(ended.data.note).toBe("Client rassuré, il attend une proposition.");
    const agentRow = transcript.body.messages.find((m: { role: string }) => m.role === "agent");
    expect(agentRow.meta).toMatchObject({ layer: "human" });
    const actions = (
      await t.db.prisma.auditLog.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["conversation.takeover", "conversation.message", "conversation.handback"]),
    );
    live.close();
    debtor.close();
  });

  it("writes the joined notice in English for an English debtor", async () => {
    const { c, debtor } = await verifiedDebtor(t, {
      jurisdiction: "UK",
      currency: "GBP",
      debtor: { name: "Sam Taylor", kind: "consumer", locale: "en" },
    });
    await post(`/api/cases/${c.id}/takeover`);
    await debtor.waitFor(
      () => debtor.messages.find((m) => m.text === "A member of our team has joined the conversation."),
      "english notice",
    );
    await post(`/api/cases/${c.id}/handback`, { note: "done" });
    debtor.close();
  });

  it("lets only the owner write or hand back; takeover twice is idempotent for the owner", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const notYet = await post(`/api/cases/${c.id}/messages`, { text: "Bonjour" });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe("not_allowed_now");
    expect((await post(`/api/cases/${c.id}/takeover`)).status).toBe(200);
    const again = await post(`/api/cases/${c.id}/takeover`);
    expect(again.status).toBe(200);
    expect(again.body.message).toBeNull();
    const other = await post(`/api/cases/${c.id}/takeover`, {}, t.tokens.collector2);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("conversation_locked");
    expect(
      (await post(`/api/cases/${c.id}/messages`, { text: "Moi aussi" }, t.tokens.collector2)).body.error.code,
    ).toBe("conversation_locked");
    expect((await post(`/api/cases/${c.id}/handback`, { note: "x" }, t.tokens.collector2)).status).toBe(409);
    // An admin may hand back a conversation someone else owns.
    expect(
      (await post(`/api/cases/${c.id}/handback`, { note: "collector left for the day" }, t.tokens.admin))
        .status,
    ).toBe(200);
    expect((await post(`/api/cases/${c.id}/handback`, { note: "x" })).body.error.code).toBe(
      "not_allowed_now",
    );
    debtor.close();
  });

  it("stores an agent message once per clientMessageId and validates the text", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    await post(`/api/cases/${c.id}/takeover`);
    const first = await post(`/api/cases/${c.id}/messages`, {
      text: "Une seule fois",
      clientMessageId: "m-1",
    });
    const second = await post(`/api/cases/${c.id}/messages`, {
      text: "Une seule fois",
      clientMessageId: "m-1",
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    for (const body of [
      { text: "" },
      { text: "x".repeat(2001) },
      { text: 5 },
      { text: "ok", extra: true },
      {},
    ]) {
      const res = await post(`/api/cases/${c.id}/messages`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await post(`/api/cases/${c.id}/handback`, {})).status).toBe(400);
    expect((await post("/api/cases/00000000-0000-0000-0000-000000000000/takeover")).status).toBe(404);
    await post(`/api/cases/${c.id}/handback`, { note: "ok" });
    debtor.close();
  });

  it("runs the escalation queue live: opened event with summary, assign to me, reply by takeover, resolve", async () => {
    const live = await ConsoleClient.connect(t.url, t.tokens.collector);
    const { c, debtor, escalationId } = await escalatedDispute(t);
    const opened = await live.waitFor(
      () => live.named("escalation.opened").find((e) => e.escalationId === escalationId),
      "escalation.opened",
    );
    expect(opened.escalation).toMatchObject({
      kind: "dispute",
      status: "open",
      summary: { kind: "dispute", claim: expect.stringContaining("jamais été livrée") },
      case: { id: c.id, debtor: { name: "Dupont Transport SARL" } },
    });

    const list = await t.api("GET", "/api/escalations?kind=dispute", { token: t.tokens.collector });
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(escalationId);
    const mineBefore = await t.api("GET", "/api/escalations?assignee=me", { token: t.tokens.collector });
    expect(mineBefore.body.items.map((e: { id: string }) => e.id)).not.toContain(escalationId);

    const assigned = await post(`/api/escalations/${escalationId}/assign`);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: "assigned", assignee: { email: "collector@test.local" } });
    await live.waitFor(
      () =>
        live
          .named("escalation.updated")
          .find((e) => e.escalationId === escalationId && e.status === "assigned"),
      "assigned event",
    );
    const mine = await t.api("GET", "/api/escalations?assignee=me&status=assigned", {
      token: t.tokens.collector,
    });
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([escalationId]);

    await post(`/api/cases/${c.id}/takeover`);
    await post(`/api/cases/${c.id}/messages`, { text: "Nous vérifions la livraison avec le transporteur." });
    await debtor.waitFor(() => debtor.messages.find((m) => m.role === "agent"), "agent reply");
    await post(`/api/cases/${c.id}/handback`, { note: "Preuve de livraison demandée" });

    const bad = await post(`/api/escalations/${escalationId}/resolve`, { outcome: "maybe", note: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["outcome", "note"]),
    );
    const resolved = await post(`/api/escalations/${escalationId}/resolve`, {
      outcome: "dispute_rejected",
      note: "Bon de livraison signé retrouvé.",
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: "resolved",
      outcome: "dispute_rejected",
      note: "Bon de livraison signé retrouvé.",
    });
    await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && /la somme reste due/.test(m.text)),
      "resolution notice",
    );
    await debtor.waitFor(() => debtor.states.at(-1) === "negotiating", "negotiating state");
    await live.waitFor(
      () => live.named("case.status").find((e) => e.caseId === c.id && e.status === "negotiating"),
      "case.status",
    );
    expect(
      (await post(`/api/escalations/${escalationId}/resolve`, { outcome: "no_action", note: "again" })).body
        .error.code,
    ).toBe("not_allowed_now");
    expect((await post(`/api/escalations/${escalationId}/assign`)).status).toBe(409);

    // The assistant negotiates again.
    const reply = await debtor.say("D'accord, je peux tout payer");
    expect(reply.offer?.kind).toBe("full");
    const view = await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector });
    expect(view.body.status).toBe("negotiating");
    live.close();
    debtor.close();
  });

  it("closes the case when a dispute is upheld", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    const upheld = await post(`/api/escalations/${escalationId}/resolve`, {
      outcome: "dispute_upheld",
      note: "Avoir émis",
    });
    expect(upheld.status).toBe(200);
    await debtor.waitFor(() => debtor.states.at(-1) === "closed", "closed state");
    expect((await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector })).body.status).toBe(
      "closed",
    );
    debtor.close();
  });

  it("lifts an identity lock when a collector resolves the identity escalation", async () => {
    const c = await newCase(t);
    const d = await DebtorClient.connect(t.url, c.token);
    await d.waitFor(() => d.lastAssistant(), "greeting");
    for (const wrong of ["00000", "11111", "22222"]) await d.say(wrong);
    d.close();
    await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "link_locked" },
    });
    const identity = await t.db.prisma.escalation.findFirstOrThrow({
      where: { caseId: c.id, kind: "identity" },
    });
    const res = await post(`/api/escalations/${identity.id}/resolve`, {
      outcome: "other",
      note: "Identité confirmée par téléphone",
    });
    expect(res.status).toBe(200);
    expect((await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector })).body.status).toBe(
      "verifying",
    );
    const again = await DebtorClient.connect(t.url, c.token);
    await again.waitFor(
      () => again.messages.find((m) => m.role === "system" && /examiné votre demande/.test(m.text)),
      "notice in history",
    );
    await again.say("75011");
    await again.waitFor(() => again.states.includes("negotiating"), "verified now");
    again.close();
  });

  it("hands the conversation back when its owner resolves the escalation; refuses another collector", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    expect((await post(`/api/cases/${c.id}/takeover`)).status).toBe(200);
    const refused = await post(
      `/api/escalations/${escalationId}/resolve`,
      { outcome: "dispute_rejected", note: "Pas moi" },
      t.tokens.collector2,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("conversation_locked");

    const resolved = await post(`/api/escalations/${escalationId}/resolve`, {
      outcome: "dispute_rejected",
      note: "Bon de livraison signé.",
    });
    expect(resolved.status).toBe(200);
    const back = await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && m.notice === "handback"),
      "hand-back notice",
    );
    expect(back.text).toContain("l'assistant reprend");
    const view = await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector });
    expect(view.body).toMatchObject({ status: "negotiating", conversation: { humanOwnerId: null } });
    const ended = await t.db.prisma.conversationEvent.findMany({
      where: { conversationId: view.body.conversation.id, kind: "takeover.ended" },
    });
    expect(ended).toHaveLength(1);
    // The assistant answers again.
    const reply = await debtor.say("D'accord, je peux tout payer");
    expect(reply.offer?.kind).toBe("full");
    debtor.close();
  });
});
