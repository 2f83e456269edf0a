// Debtor conversations over the real socket.io client, real server and real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPacks } from "../policy/index.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe.each(TEST_TARGETS)("debtor chat on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newCase(overrides: Record<string, unknown> = {}) {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  }

  async function verified(overrides: Record<string, unknown> = {}) {
    const c = await newCase(overrides);
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    return { c, debtor };
  }

  const caseOf = (id: string) =>
    t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector }).then((r) => r.body);

  it("refuses a bad, revoked or missing token at the handshake with a clear error", async () => {
    await expect(DebtorClient.connect(t.url, "nope")).rejects.toMatchObject({
      data: { code: "link_invalid" },
    });
    await expect(DebtorClient.connect(t.url, undefined)).rejects.toMatchObject({
      data: { code: "link_invalid" },
    });
    const c = await newCase();
    await t.api("DELETE", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "link_invalid" },
    });
  });

  it("greets with the session-start notices and asks the verification question, revealing nothing of the debt", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    const greeting = await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    expect(greeting.text).toContain("Code postal ?");
    expect(greeting.text).toMatch(/assistant|IA|intelligence artificielle/i);
    // The notices name the creditor as data controller; the debt itself stays hidden.
    expect(greeting.text).not.toMatch(/F-1001|F-1002|1 200|1 500|300,50|€/);
    expect(debtor.states).toEqual(["verifying"]);
    const events = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    expect(events.body.events.some((e: { kind: string }) => e.kind === "disclosure.added")).toBe(true);
    debtor.close();
  });

  it("continues the same conversation on reconnection, without a second greeting", async () => {
    const c = await newCase();
    const first = await DebtorClient.connect(t.url, c.token);
    await first.waitFor(() => first.lastAssistant(), "greeting");
    await first.say("mauvaise réponse");
    first.close();
    const again = await DebtorClient.connect(t.url, c.token);
    await again.waitFor(() => again.messages.length >= 3 && again.messages, "history");
    expect(again.messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(again.messages).toHaveLength(3);
    again.close();
  });

  it("tells the debtor when storage fails during a turn, and answers the kept message on reconnection", async () => {
    const c = await newCase();
    const first = await DebtorClient.connect(t.url, c.token);
    await first.waitFor(() => first.lastAssistant(), "greeting");
    const prisma = t.service.ctx.db.prisma;
    const { id: conversationId } = await prisma.conversation.findFirstOrThrow({ where: { caseId: c.id } });
    // A real database failure, for this conversation only: the assistant's reply cannot be stored.
    const fn = `fail_${conversationId.replaceAll("-", "")}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."conversationId" = '${conversationId}' AND NEW.role::text = 'assistant' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      const ack = await first.send("75011");
      expect(ack.ok).toBe(true);
      const notice = await first.waitFor(
        () => first.messages.find((m) => m.role === "system"),
        "the technical-problem notice",
      );
      expect(notice.text).toMatch(/problème technique/);
      expect(notice.text).toMatch(/enregistré/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Message"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    first.close();
    // The notice was not stored; the debtor's message was, and a new connection answers it.
    const again = await DebtorClient.connect(t.url, c.token);
    const reply = await again.waitFor(() => again.assistant()[1], "the reply to the kept message");
    expect(reply.text).toMatch(/confirm|merci/i);
    expect(again.messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
    again.close();
  });

  it("locks the link after three wrong answers and opens an identity escalation", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("00000");
    await debtor.say("11111");
    const last = await debtor.say("22222");
    expect(last.text).toMatch(/bloqué/);
    debtor.close();
    const view = await caseOf(c.id);
    expect(view.status).toBe("escalated");
    expect(view.escalations.map((e: { kind: string }) => e.kind)).toEqual(["identity"]);
    await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "link_locked" },
    });
  });

  it("takes a French debtor from the link to a recorded promise", async () => {
    const { c, debtor } = await verified();
    const summary = debtor.lastAssistant();
    expect(summary?.text).toContain("F-1001");
    const offerMsg = await debtor.say("J'ai oublié, désolé. Je peux tout payer.");
    const offer = offerMsg.offer;
    expect(offer?.kind).toBe("full");
    const ack = await debtor.action("accept_offer", offer?.id);
    expect(ack.ok).toBe(true);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised state");
    const confirmation = await debtor.waitFor(
      () => debtor.assistant().find((m) => /engagement est enregistré/.test(m.text)),
      "confirmation",
    );
    expect(confirmation.text).toContain("Récapitulatif");
    const view = await caseOf(c.id);
    expect(view.status).toBe("promised");
    expect(view.promises).toHaveLength(1);
    const promise = view.promises[0];
    expect(promise.total).toBe(offer?.total);
    expect(promise.instalments.reduce((s: number, i: { amount: number }) => s + i.amount, 0)).toBe(
      promise.total,
    );
    expect(view.offers.find((o: { id: string }) => o.id === offer?.id)?.status).toBe("accepted");
    debtor.close();
  });

  it("takes an English consumer to a plan of monthly instalments inside the policy", async () => {
    const { c, debtor } = await verified({
      jurisdiction: "UK",
      currency: "GBP",
      debtor: { name: "Sam Taylor", kind: "consumer", locale: "en" },
    });
    await debtor.say("Money is tight at the moment, I lost some hours at work");
    const offerMsg = await debtor.say("I could pay £300 a month");
    expect(offerMsg.offer?.kind).toBe("plan");
    const offer = offerMsg.offer!;
    expect(offer.instalments.reduce((s, i) => s + i.amount, 0)).toBe(offer.total);
    await debtor.action("accept_offer", offer.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    const view = await caseOf(c.id);
    expect(view.promises[0].instalments.length).toBe(offer.instalments.length);
    debtor.close();
  });

  it("stops negotiating on a dispute: escalation with a summary, and no offer afterwards", async () => {
    const { c, debtor } = await verified();
    const reply = await debtor.say("Je conteste cette facture, la marchandise n'a jamais été livrée");
    expect(reply.offer).toBeUndefined();
    // The pack's own words come first, verbatim; then what happens next and when.
    const notice = loadPacks()
      .get("fr-business")
      ?.pack.escalation.find((e) => e.kind === "dispute");
    expect(reply.text.startsWith(`${notice?.handling.fr}\n\n`)).toBe(true);
    expect(reply.text).toMatch(/vous répondra/);
    await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated");
    const after = await debtor.say("Bon d'accord je peux payer 100 euros par mois");
    expect(after.offer).toBeUndefined();
    const view = await caseOf(c.id);
    expect(view.status).toBe("escalated");
    expect(view.escalations[0]).toMatchObject({ kind: "dispute", status: "open" });
    expect(view.escalations[0].summary).toMatchObject({
      kind: "dispute",
      claim: expect.stringContaining("jamais été livrée"),
    });
    expect(view.offers).toEqual([]);
    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.events).toContainEqual(
      expect.objectContaining({ kind: "escalation.notice", data: { kind: "dispute", rules: notice?.rules } }),
    );
    debtor.close();
  });

  it("walks a haggler's settlement round by round: declined offers and the ladder's own moves spend no round", async () => {
    // Over a year overdue: the tier allows more than the pack's three rounds of 2.5 points reach.
    const { c, debtor } = await verified({
      invoices: [{ number: "F-0901", issuedAt: "2025-08-01", dueAt: "2025-08-31", amount: 150_050 }],
    });
    await debtor.say("C'est trop cher, je veux une remise.");
    await debtor.say("Non, ça ne me va pas.");
    // Each lump sum declines what is on the table until a settlement is, then haggles.
    for (let i = 0; i < 5; i++) await debtor.say("Je paie 700 € tout de suite, pas plus.");
    const view = await caseOf(c.id);
    const settlements = view.offers
      .filter((o: { kind: string }) => o.kind === "settlement")
      .map((o: { discountBps: number }) => o.discountBps);
    expect(settlements).toEqual([250, 500, 750, 1000]);
    expect(view.escalations).toEqual([]);
    debtor.close();
  });

  it("stores a repeated clientMessageId once and acknowledges it with the same id", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const first = await debtor.send("75011", "retry-1");
    const second = await debtor.send("75011", "retry-1");
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    await debtor.waitFor(() => debtor.assistant().length >= 2, "reply");
    await new Promise((r) => setTimeout(r, 200));
    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    const debtorMessages = transcript.body.messages.filter((m: { role: string }) => m.role === "debtor");
    expect(debtorMessages).toHaveLength(1);
    expect(transcript.body.messages.filter((m: { role: string }) => m.role === "assistant")).toHaveLength(2);
    debtor.close();
  });

  it("answers bad payloads with error acks, stores nothing and stays up", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const bad: [string, unknown][] = [
      ["debtor:message", { clientMessageId: "a1", text: 42 }],
      ["debtor:message", { clientMessageId: "a2", text: { nested: { deep: true } } }],
      ["debtor:message", { text: "no id" }],
      ["debtor:message", { clientMessageId: "x".repeat(500), text: "huge id" }],
      ["debtor:message", { clientMessageId: "a3", text: "y".repeat(2001) }],
      ["debtor:message", { clientMessageId: "a4", text: "   " }],
      ["debtor:message", "just a string"],
      ["debtor:message", Buffer.from([0, 1, 2])],
      ["debtor:action", { clientMessageId: "a5", type: "pay_everything" }],
      ["debtor:action", { clientMessageId: "a6", type: "accept_offer" }],
    ];
    for (const [event, payload] of bad) {
      const ack = await debtor.emit(event, payload);
      expect(ack.ok, `${event} ${JSON.stringify(payload).slice(0, 60)}`).toBe(false);
      expect(ack.ok ? undefined : ack.error.code).toEqual(
        expect.stringMatching(/validation_failed|rate_limited/),
      );
    }
    const unknown = await debtor.emit("debtor:hack", { x: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { code: "bad_request" } });
    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.messages.filter((m: { role: string }) => m.role !== "assistant")).toEqual([]);
    expect((await t.api("GET", "/healthz")).status).toBe(200);
    debtor.close();
  });

  it("refuses bursts over the rate limit without processing them", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const acks = await Promise.all(Array.from({ length: 15 }, (_, i) => debtor.send(`message ${i}`)));
    const limited = acks.filter((a) => !a.ok && a.error?.code === "rate_limited");
    expect(limited.length).toBeGreaterThan(0);
    const stored = acks.filter((a) => a.ok).length;
    await t.service.chat.idle();
    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.messages.filter((m: { role: string }) => m.role === "debtor")).toHaveLength(
      stored,
    );
    debtor.close();
  });
});
