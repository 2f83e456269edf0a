// The one-statement path of a debtor message (decision 0116) when what the service holds is behind:
// another writer (another tab on another instance) stored a message the service does not know of.
// The new message then takes a number the prepared turn did not expect: it must be stored without
// that turn, and answered once by the usual path from a fresh read, after both messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

describe.each(TEST_TARGETS)("a message and its answer in one statement on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("falls back to the usual turn when another message came in behind the service's back", async () => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    const chat = t.service.chat;
    const session = await chat.openSession(res.body.token);
    const replies: string[] = [];
    const stop = t.service.ctx.events.subscribe((e) => {
      if (e.type === "message.stored" && e.message.role === "assistant") replies.push(e.message.id);
    });
    await chat.resume(session);
    await chat.postMessage(session, { clientMessageId: "m-1", text: "75011" });
    await chat.idle(session.conversationId);
    expect(replies).toHaveLength(2);

    // Stored by another writer: this service's copy of the conversation does not have it.
    await t.service.ctx.stores.chat.storeDebtorMessage(session.conversationId, "other-tab", "bonjour");
    const posted = await chat.postMessage(session, { clientMessageId: "m-2", text: "J'ai oublié, désolé." });
    await chat.idle(session.conversationId);
    stop();
    expect(posted.created).toBe(true);
    expect(replies).toHaveLength(3);

    const transcript = await t.api("GET", `/api/cases/${res.body.id}/transcript`, {
      token: t.tokens.collector,
    });
    const messages = transcript.body.messages as { id: string; role: string; text: string }[];
    expect(messages.map((m) => m.role)).toEqual([
      "assistant",
      "debtor",
      "assistant",
      "debtor",
      "debtor",
      "assistant",
    ]);
    expect(messages[4]?.id).toBe(posted.id);
    expect(messages[5]?.id).toBe(replies[2]);
    // The same message sent again is the same message, not answered twice.
    const again = await chat.postMessage(session, { clientMessageId: "m-2", text: "J'ai oublié, désolé." });
    await chat.idle(session.conversationId);
    expect(again).toEqual({ id: posted.id, created: false });
    expect(replies).toHaveLength(3);
  });
});
