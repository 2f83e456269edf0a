// A debtor can take back a misunderstood escalation ("non je conteste pas") while the pack allows it
// and nobody has picked it up: the real service, a real debtor socket and a real console socket.
// The escalation is never lost: the console lists it as withdrawn by the debtor, with their words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mockedLlmLayers } from "../agent/llm/test-support/mocked-layers.js";
import { completion, mockOpenAi, reply } from "../agent/llm/test-support/openai-mock.js";
import { ConsoleClient } from "../test-support/console-client.js";
import { escalatedDispute, verifiedDebtor } from "../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../test-support/console-service.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase } from "../test-support/service.js";

describe.each(TEST_TARGETS)(
  "a debtor corrects a misunderstood escalation (fr-business pack, %s)",
  (target) => {
    let t: ConsoleTestService;
    beforeAll(async () => {
      t = await startConsoleTestService(target);
    });
    afterAll(async () => {
      await t?.close();
    });

    const escalation = (caseId: string) => t.db.prisma.escalation.findFirstOrThrow({ where: { caseId } });

    it("withdraws the dispute, returns to negotiation and shows the withdrawal to the console", async () => {
      const console = await ConsoleClient.connect(t.url, t.tokens.collector);
      const { c, debtor } = await verifiedDebtor(t);
      const opened = await debtor.say("Je conteste cette facture, la marchandise n'a jamais été livrée");
      // The reply says what it understood and that the debtor may say so if it is wrong.
      expect(opened.text).toContain("J'ai compris que vous contestez cette somme");
      expect(opened.text).toContain("je ne conteste pas");
      await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated state");
      const { id } = await escalation(c.id);
      await console.waitFor(
        () => console.named("escalation.opened").find((e) => e.escalationId === id),
        "escalation.opened on the console",
      );

      const words = "non non je conteste pas, je demandais juste pourquoi il y a des pénalités";
      const corrected = await debtor.say(words);
      expect(corrected.text).toContain("j'avais mal compris");
      // The question that was misread is answered now: each charge with its rule.
      expect(corrected.text).toMatch(/pénalités/);
      expect(corrected.text).toMatch(/L441-10|FR-B1/);
      expect(corrected.quickReplies?.length).toBeGreaterThan(0);
      await debtor.waitFor(() => debtor.states.at(-1) === "negotiating", "negotiating state");

      const row = await escalation(c.id);
      expect(row).toMatchObject({ status: "resolved", outcome: "withdrawn_by_debtor", note: words });
      expect(row.assigneeId).toBeNull();
      const kase = await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(kase.status).toBe("negotiating");

      // The console is told live, and its list and transcript keep the escalation and the words.
      const updated = await console.waitFor(
        () => console.named("escalation.updated").find((e) => e.escalationId === id),
        "escalation.updated on the console",
      );
      expect(updated.status).toBe("resolved");
      expect(updated.escalation).toMatchObject({
        status: "resolved",
        outcome: "withdrawn_by_debtor",
        note: words,
      });
      const list = await t.api("GET", `/api/escalations?status=all&caseId=${c.id}`, {
        token: t.tokens.collector,
      });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id, kind: "dispute", outcome: "withdrawn_by_debtor", note: words }),
      ]);
      const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
      const event = transcript.body.events.find((e: { kind: string }) => e.kind === "escalation.withdrawn");
      expect(event?.data).toEqual({ escalationId: id, kind: "dispute", words });
      const audit = await t.db.prisma.auditLog.findFirstOrThrow({
        where: { action: "escalation.withdraw", entityId: c.id },
      });
      expect(audit.actorType).toBe("debtor");

      // Negotiation is back: a proposal gets an offer.
      const offer = await debtor.say("je peux payer 500 euros par mois");
      expect(offer.offer?.kind).toBe("plan");
      if (process.env.SHOW_CHAT)
        for (const m of debtor.messages) process.stdout.write(`${m.role}: ${m.text}\n`);
      debtor.close();
      console.close();
    });

    it("keeps the escalation once a collector has assigned it to themselves", async () => {
      const { c, debtor, escalationId } = await escalatedDispute(t);
      const assigned = await t.api("POST", `/api/escalations/${escalationId}/assign`, {
        token: t.tokens.collector,
      });
      expect(assigned.status).toBe(200);
      const reply = await debtor.say("non je ne conteste pas");
      expect(reply.text).toContain("Je ne peux plus retirer cette demande moi-même");
      expect(reply.offer).toBeUndefined();
      expect(await escalation(c.id)).toMatchObject({ status: "assigned", outcome: null });
      expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("escalated");
      debtor.close();
    });

    it("keeps the escalation when a collector has taken the conversation over (the assistant is silent)", async () => {
      const { c, debtor } = await escalatedDispute(t);
      const took = await t.api("POST", `/api/cases/${c.id}/takeover`, {
        token: t.tokens.collector,
        body: {},
      });
      expect(took.status).toBe(200);
      const before = debtor.messages.length;
      await debtor.send("non je ne conteste pas");
      await new Promise((r) => setTimeout(r, 300));
      expect(debtor.messages.slice(before).filter((m) => m.role === "assistant")).toEqual([]);
      const row = await escalation(c.id);
      expect(row.status).not.toBe("resolved");
      expect(row.outcome).toBeNull();
      expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("escalated");
      debtor.close();
    });

    it("keeps the escalation after the pack's window (60 minutes)", async () => {
      const { c, debtor } = await escalatedDispute(t);
      t.clock.set(new Date(t.clock.now().getTime() + 61 * 60_000).toISOString());
      const reply = await debtor.say("c pas ce que j'ai dit");
      expect(reply.text).toContain("Je ne peux plus retirer cette demande moi-même");
      expect(await escalation(c.id)).toMatchObject({ status: "open", outcome: null });
      debtor.close();
    });

    it("never lets the debtor take back a kind the pack protects (vulnerability)", async () => {
      const { c, debtor } = await verifiedDebtor(t);
      const opened = await debtor.say("je suis en dépression depuis mon licenciement, je n'y arrive plus");
      await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated state");
      expect(opened.text).not.toContain("si je me suis trompé");
      const row = await escalation(c.id);
      expect(row.kind).toBe("vulnerability");
      const reply = await debtor.say("non c'est pas ce que j'ai dit, vous avez mal compris");
      expect(reply.text).toContain("Je ne peux plus retirer cette demande moi-même");
      expect(await escalation(c.id)).toMatchObject({ status: "open", outcome: null });
      debtor.close();
    });

    it("does not take back an 'already paid' when the debtor says they do not dispute", async () => {
      const { c, debtor } = await verifiedDebtor(t);
      await debtor.say("j'ai déjà payé cette facture le mois dernier par virement");
      await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated state");
      expect((await escalation(c.id)).kind).toBe("already_paid");
      const reply = await debtor.say("je conteste pas la facture hein");
      expect(reply.text).not.toContain("j'avais mal compris");
      expect(await escalation(c.id)).toMatchObject({ status: "open" });
      // "Not paid yet" is what takes it back.
      const back = await debtor.say("ah non pardon, j'ai pas encore payé en fait");
      expect(back.text).toContain("j'avais mal compris");
      expect(await escalation(c.id)).toMatchObject({ status: "resolved", outcome: "withdrawn_by_debtor" });
      debtor.close();
    });

    it("a dispute raised before the identity check, taken back, returns to the identity question", async () => {
      const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
      const debtor = await DebtorClient.connect(t.url, res.body.token);
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
      await debtor.say("je conteste cette dette");
      await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated state");
      const reply = await debtor.say("non je conteste pas, c'était une erreur");
      // (The collector's next question after a plain correction, once verified, is what they can pay:
      // see the offline layer's unit test.)
      expect(reply.text).toContain("j'avais mal compris");
      expect(reply.text).toContain("Code postal ?");
      await debtor.waitFor(() => debtor.states.at(-1) === "verifying", "verifying state");
      const verified = await debtor.say("75011");
      expect(verified.text).not.toContain("Code postal ?");
      debtor.close();
    });
  },
);

describe("a debtor corrects a misunderstood escalation with the LLM layer (mocked OpenAI)", () => {
  const { mock, server, listen } = mockOpenAi();
  let t: ConsoleTestService;
  beforeAll(async () => {
    listen();
    t = await startConsoleTestService("pglite", { layers: mockedLlmLayers() });
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    await t?.close();
    server.close();
  });

  it("the model withdraws it through its tool while the window is open, and negotiation resumes", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    const words = "nan mais c'était juste une question, je conteste pas du tout";
    mock.enqueue(
      reply(completion({ tools: [{ name: "withdraw_escalation", args: {} }] })),
      reply(completion({ text: "Merci, c'est corrigé. Que pourriez-vous payer, et à quel rythme ?" })),
    );
    const back = await debtor.say(words);
    expect(back.text).toBe("Merci, c'est corrigé. Que pourriez-vous payer, et à quel rythme ?");
    // The escalated turn went to the model with the withdraw tool, and no offer tool.
    expect(mock.toolNames(0)).toEqual(["case_summary", "withdraw_escalation"]);
    await debtor.waitFor(() => debtor.states.at(-1) === "negotiating", "negotiating state");
    const row = await t.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalationId } });
    expect(row).toMatchObject({ status: "resolved", outcome: "withdrawn_by_debtor", note: words });
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("negotiating");
    debtor.close();
  });

  it("after the window, the offline engine answers and nothing is withdrawn", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    t.clock.set(new Date(t.clock.now().getTime() + 61 * 60_000).toISOString());
    const reply = await debtor.say("non je conteste pas");
    expect(mock.requests).toHaveLength(0);
    expect(reply.text).toContain("Je ne peux plus retirer cette demande moi-même");
    const row = await t.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalationId } });
    expect(row.status).toBe("open");
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("escalated");
    debtor.close();
  });
});
