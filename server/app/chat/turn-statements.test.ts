// The SQL work of a debtor turn, counted for real on PostgreSQL: every statement the service sends
// through the pg driver while one turn runs (the store-before-ack of the debtor's message included,
// BEGIN and COMMIT included), so that the count cannot creep back up. Issue 15 asks for at most 6;
// a turn without writes of its own is claimed and written in one statement (no BEGIN, no COMMIT),
// and the case, when the turn before changed it, is read by the statement that stores the debtor's
// message (decision 0112), so the bound here is 2: the message stored, the commit. When the service
// holds the turn's context (the turn before left the case as it knows it), the message and its answer
// are one statement (decision 0116). PostgreSQL only: PGlite runs in-process and does not go
// through the driver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";
import { isAdapterNotify, statementsDuring } from "../../test-support/statements.js";
import type { DebtorSession } from "./chat-service.js";

const MAX_STATEMENTS_PER_TURN = 2;
const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl)
  console.warn("turn-statements.test.ts skipped: set TEST_DATABASE_URL to count statements on PostgreSQL");

describe.skipIf(!postgresUrl)("SQL statements per debtor turn on PostgreSQL", () => {
  let t: TestService;
  beforeAll(async () => {
    // The policy studio's job worker polls the database every second: not a turn's work, so off.
    t = await startTestService("postgres", {}, {}, { console: { jobPollMs: 0 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`greets, verifies and negotiates in at most ${MAX_STATEMENTS_PER_TURN} statements a turn`, async () => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    const chat = t.service.chat;
    const session: DebtorSession = await chat.openSession(res.body.token);
    const replies: string[] = [];
    const stop = t.service.ctx.events.subscribe((e) => {
      if (e.type === "message.stored" && e.message.role === "assistant") replies.push(e.message.text);
    });
    const counts: Record<string, number> = {};
    const statements: Record<string, string[]> = {};

    statements.greeting = await statementsDuring(() => chat.resume(session));
    let n = 0;
    const turn = async (name: string, text: string) => {
      const before = replies.length;
      statements[name] = await statementsDuring(async () => {
        await chat.postMessage(session, { clientMessageId: `m-${++n}`, text });
        await chat.idle(session.conversationId);
      });
      // Each turn did answer (a turn that wrote nothing would count few statements for nothing).
      expect(replies.length, `${name}: ${replies.at(-1)}`).toBe(before + 1);
    };
    await turn("verification", "75011");
    await turn("reason", "J'ai oublié, désolé.");
    await turn("proposal", "Je peux payer 500 euros maintenant et le reste le mois prochain");
    await turn("decline", "Non, ça ne me va pas");
    await turn("question", "Combien je dois exactement ?");
    stop();

    // The socket.io PostgreSQL adapter relays each room broadcast to the other instances with a
    // `SELECT pg_notify(...)` on its own connection (decision 0012): counted apart, not storage work.
    const notifies: Record<string, number> = {};
    for (const [name, list] of Object.entries(statements)) {
      const relay = list.filter(isAdapterNotify);
      notifies[name] = relay.length;
      statements[name] = list.filter((q) => !relay.includes(q));
      counts[name] = (statements[name] ?? []).length;
    }
    console.info("statements per turn (BEGIN and COMMIT included):", counts);
    console.info("socket.io adapter notifications per turn:", notifies);
    const detail = JSON.stringify(statements, null, 1);
    // The greeting read the case; the verification turn changed only its status, which the service
    // applied to its copy (decision 0114): it and the next store their message and commit their answer
    // in one statement (decision 0116). The reason turn offered a date to pay by (an offer written):
    // the turns after it store the message with the case read again, then commit (decision 0112).
    const oneStatement = ["SELECT amiable_store_and_answer("];
    for (const name of ["verification", "reason"])
      expect(
        statements[name]?.map((q) => q.slice(0, oneStatement[0]?.length)),
        name,
      ).toEqual(oneStatement);
    for (const name of ["proposal", "decline", "question"]) {
      expect(statements[name]?.[0], name).toContain("amiable_store_debtor_message_context(");
      expect(statements[name]?.[1], name).toContain("amiable_commit_plain_turn(");
    }
    expect(replies).toHaveLength(6);
    for (const [name, count] of Object.entries(counts)) {
      expect(count, `${name} turn: ${detail}`).toBeLessThanOrEqual(MAX_STATEMENTS_PER_TURN);
      // At least the statement that commits the answer: 0 would mean nothing was counted.
      expect(count, `${name} turn`).toBeGreaterThanOrEqual(1);
      // These turns have no writes of their own: one statement commits them, no transaction is opened.
      expect(statements[name], `${name} turn`).not.toContain("BEGIN");
    }
  });
});
