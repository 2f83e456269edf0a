// Exactly one assistant turn per debtor message, and every turn and action written whole or not at
// all: the connect-time race (a message sent from the client's `connect` handler while resume()
// runs), resends of the same clientMessageId, and a store that fails in the middle of a turn's or
// an action's writes. Real server, real socket.io client, real database.
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LanguageLayer } from "../agent/language-layer.js";
import { OfflineLanguageLayer } from "../agent/offline/offline-layer.js";
import { loadEnv } from "../config/env.js";
import { createLogger } from "../logging/logger.js";
import { startService } from "../service.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

interface StoredMessage {
  id: string;
  seq: number;
  role: string;
  text: string;
  clientMessageId: string | null;
  meta: Record<string, unknown>;
}

describe.each(TEST_TARGETS)("one turn per debtor message on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target, {}, {}, { debtorRateLimit: { burst: 1000, perSecond: 1000 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newCase() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  }

  const transcript = async (caseId: string) =>
    (await t.api("GET", `/api/cases/${caseId}/transcript`, { token: t.tokens.collector })).body as {
      conversationId: string;
      messages: StoredMessage[];
      events: { kind: string; messageId: string | null }[];
    };
  const caseOf = async (caseId: string) =>
    (await t.api("GET", `/api/cases/${caseId}`, { token: t.tokens.collector })).body;

  /** Each debtor message has exactly one assistant reply; at most one greeting. */
  function expectOneReplyEach(messages: StoredMessage[]) {
    const debtor = messages.filter((m) => m.role === "debtor");
    const assistant = messages.filter((m) => m.role === "assistant");
    // A reply to a debtor message records the intent it answered; the greeting answers none.
    const replies = assistant.filter((m) => m.meta.intent !== undefined);
    const shown = JSON.stringify(messages.map((m) => `${m.role}: ${m.text.slice(0, 40)}`));
    expect(replies.length, shown).toBe(debtor.length);
    expect(assistant.length - replies.length, shown).toBeLessThanOrEqual(1);
  }

  /** Connects a raw socket.io client that sends `texts` from its connect handler (the page's outbox). */
  function connectAndSend(token: string, sends: { clientMessageId: string; text: string }[], delayMs = 0) {
    const socket = io(`${t.url}/debtor`, {
      auth: { token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    const acks = new Promise<{ ok: boolean; id?: string }[]>((resolve, reject) => {
      socket.once("connect_error", reject);
      socket.once("connect", async () => {
        // The runs sweep the window in which the server reads the history and resumes.
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        void Promise.all(
          sends.map(
            (s) =>
              socket.timeout(10_000).emitWithAck("debtor:message", s) as Promise<{
                ok: boolean;
                id?: string;
              }>,
          ),
        ).then(resolve, reject);
      });
    });
    return { socket, acks };
  }

  it("answers a message sent from the connect handler once, over many runs, with resends after a drop", async () => {
    // Many runs: the race is a matter of timing (on PostgreSQL, main answered twice within a few).
    const runs = 20;
    for (let run = 0; run < runs; run++) {
      const c = await newCase();
      const first = { clientMessageId: randomUUID(), text: "75011" };
      const a = connectAndSend(c.token, [first], run % 6);
      const acksA = await a.acks;
      expect(acksA.every((x) => x.ok)).toBe(true);
      // Every other run, the connection drops at once and the page resends from its outbox on the
      // next connection, with a new message too.
      if (run % 2 === 1) {
        a.socket.close();
        const second = { clientMessageId: randomUUID(), text: "Bonjour" };
        const b = connectAndSend(c.token, [first, second]);
        const acksB = await b.acks;
        expect(acksB[0]?.id).toBe(acksA[0]?.id);
        await t.service.chat.idle();
        b.socket.close();
      } else {
        await t.service.chat.idle();
        a.socket.close();
      }
      await t.service.chat.idle();
      const { messages } = await transcript(c.id);
      expectOneReplyEach(messages);
      // The postcode is an identity answer, never a payment proposal: no offer was made.
      const view = await caseOf(c.id);
      expect(view.offers).toEqual([]);
    }
  }, 240_000);

  it("answers once when another instance resumes the conversation while the message's own turn runs", async () => {
    // Instance A thinks slowly (a model taking its time); instance B, on the same database, gets the
    // debtor's reconnection and resumes the conversation meanwhile.
    const offline = new OfflineLanguageLayer();
    const slow: LanguageLayer = {
      name: "offline",
      respond: async (ctx) => {
        await new Promise((r) => setTimeout(r, 500));
        return offline.respond(ctx);
      },
    };
    const a = await startService({
      env: loadEnv({
        PORT: "0",
        LOG_LEVEL: "silent",
        ADMIN_EMAIL: "admin@test.local",
        ADMIN_PASSWORD: "x".repeat(16),
      }),
      log: createLogger("silent"),
      clock: t.clock,
      db: t.db,
      layers: { offline: slow, primary: slow },
    });
    try {
      const c = await newCase();
      const onA = await a.chat.openSession(c.token);
      await a.chat.resume(onA);
      const sent = await a.chat.postMessage(onA, { clientMessageId: randomUUID(), text: "75011" });
      expect(sent.created).toBe(true);
      const onB = await t.service.chat.openSession(c.token);
      await t.service.chat.resume(onB);
      await Promise.all([a.chat.idle(), t.service.chat.idle()]);
      const { messages } = await transcript(c.id);
      expect(messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
      expectOneReplyEach(messages);
    } finally {
      await a.close();
    }
  });

  it("reruns a turn on fresh data when a collector records a payment while the turn is prepared", async () => {
    const offline = new OfflineLanguageLayer();
    let calls = 0;
    let caseId = "";
    const paying: LanguageLayer = {
      name: "offline",
      respond: async (ctx) => {
        calls++;
        // While the first attempt thinks, a collector records a 100.00 EUR payment.
        if (calls === 1) {
          const paid = await t.api("POST", "/api/payments", {
            token: t.tokens.collector,
            body: { caseId, amount: 10_000, currency: "EUR", paidAt: "2026-11-21" },
          });
          expect(paid.status).toBe(201);
        }
        return offline.respond(ctx);
      },
    };
    const a = await startService({
      env: loadEnv({
        PORT: "0",
        LOG_LEVEL: "silent",
        ADMIN_EMAIL: "admin@test.local",
        ADMIN_PASSWORD: "x".repeat(16),
      }),
      log: createLogger("silent"),
      clock: t.clock,
      db: t.db,
      layers: { offline: paying, primary: paying },
    });
    try {
      const c = await newCase();
      caseId = c.id;
      const session = await a.chat.openSession(c.token);
      await a.chat.resume(session);
      await a.chat.postMessage(session, { clientMessageId: randomUUID(), text: "75011" });
      await a.chat.idle();
      expect(calls).toBe(2);
      const { messages } = await transcript(c.id);
      expect(messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
      // The reply states what is due after the payment (1,634.34 - 100.00), not before it.
      expect(messages[2]?.text).toContain("1 534,34");
      expect(messages[2]?.text).not.toContain("1 634,34");
    } finally {
      await a.close();
    }
  });

  it("leaves no partial turn when a store fails between a turn's writes, and answers the resend once", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const prisma = t.service.ctx.db.prisma;
    const { conversationId, messages: before, events: eventsBefore } = await transcript(c.id);
    // A real failure after the reply is written and before its transcript events are.
    const fn = `fail_ev_${conversationId.replaceAll("-", "")}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."conversationId" = '${conversationId}' THEN RAISE EXCEPTION 'simulated failure between writes'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "ConversationEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    const clientMessageId = randomUUID();
    try {
      const ack = await debtor.send("75011", clientMessageId);
      expect(ack.ok).toBe(true);
      await debtor.waitFor(() => debtor.messages.find((m) => m.role === "system"), "the failure notice");
      await t.service.chat.idle();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "ConversationEvent"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    // Nothing of the turn remains: no reply, no events, no state, no case status.
    const failed = await transcript(c.id);
    expect(failed.messages.map((m) => m.role)).toEqual([...before.map((m) => m.role), "debtor"]);
    expect(failed.events).toHaveLength(eventsBefore.length);
    expect((await caseOf(c.id)).status).toBe("verifying");
    const conv = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.verifiedAt).toBeNull();
    expect(conv.answeredSeq).toBe(0);

    // The page resends the same message: stored once, answered once.
    const again = await debtor.send("75011", clientMessageId);
    expect(again.ok).toBe(true);
    await debtor.waitFor(() => debtor.assistant().length >= 2, "the reply to the resend");
    const resentTwice = await debtor.send("75011", clientMessageId);
    expect(resentTwice.ok && resentTwice.id).toBe(again.ok && again.id);
    await t.service.chat.idle();
    const done = await transcript(c.id);
    expect(done.messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
    expect(done.events.filter((e) => e.messageId === done.messages[2]?.id).length).toBeGreaterThan(0);
    expect((await caseOf(c.id)).status).toBe("negotiating");
    debtor.close();
  });

  it("leaves no partial accept when a store fails between its writes; the retry records one promise", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    const offerMsg = await debtor.say("J'ai oublié, désolé. Je peux tout payer.");
    const offer = offerMsg.offer;
    expect(offer?.kind).toBe("full");
    const prisma = t.service.ctx.db.prisma;
    const { conversationId, messages: before } = await transcript(c.id);
    // Fails the transcript event written after the promise: the promise must not survive it.
    const fn = `fail_acc_${conversationId.replaceAll("-", "")}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."conversationId" = '${conversationId}' THEN RAISE EXCEPTION 'simulated failure between writes'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "ConversationEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    const clientMessageId = randomUUID();
    try {
      const ack = await debtor.action("accept_offer", offer?.id, clientMessageId);
      expect(ack.ok).toBe(false);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "ConversationEvent"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const failed = await caseOf(c.id);
    expect(failed.promises).toEqual([]);
    expect(failed.status).toBe("negotiating");
    expect(failed.offers.find((o: { id: string }) => o.id === offer?.id)?.status).toBe("proposed");
    const afterFailure = await transcript(c.id);
    expect(afterFailure.messages).toHaveLength(before.length);

    // The retry completes it, once; a second retry repeats the same result.
    const retry = await debtor.action("accept_offer", offer?.id, clientMessageId);
    expect(retry.ok).toBe(true);
    const repeat = await debtor.action("accept_offer", offer?.id, clientMessageId);
    expect(repeat).toEqual(retry);
    await t.service.chat.idle();
    const done = await caseOf(c.id);
    expect(done.promises).toHaveLength(1);
    expect(done.status).toBe("promised");
    const final = await transcript(c.id);
    const added = final.messages.slice(before.length);
    // The action's record is a system message, never debtor text; then the confirmation.
    expect(added.map((m) => m.role)).toEqual(["system", "assistant"]);
    expect(added[0]?.meta).toMatchObject({ action: "accept_offer", offerId: offer?.id });
    expect(final.messages.filter((m) => m.role === "debtor" && m.text.includes("accept_offer"))).toEqual([]);

    // A new connection does not answer the action as if the debtor had written it.
    debtor.close();
    const back = await DebtorClient.connect(t.url, c.token);
    await back.waitFor(() => back.messages.length >= final.messages.length && back.messages, "history");
    await new Promise((r) => setTimeout(r, 200));
    await t.service.chat.idle();
    expect((await transcript(c.id)).messages).toHaveLength(final.messages.length);
    expect((await caseOf(c.id)).offers.filter((o: { status: string }) => o.status === "proposed")).toEqual(
      [],
    );
    back.close();
  });
});
