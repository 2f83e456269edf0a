// The hard lock, at the API level: a model reply still in flight when a collector takes over is
// neither sent to the debtor nor stored; the transcript records its suppression. The LLM is a msw
// mock of the OpenAI API that answers slowly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LlmLanguageLayer } from "../../agent/llm/llm-layer.js";
import { SETTINGS } from "../../agent/llm/test-support/fixtures.js";
import { completion, mockOpenAi, reply, slow } from "../../agent/llm/test-support/openai-mock.js";
import { OfflineLanguageLayer } from "../../agent/offline/offline-layer.js";
import { verifiedDebtor } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";

const { mock, server, listen } = mockOpenAi();
const LATE = "Merci pour votre message, je reviens vers vous avec une solution.";

describe.each(TEST_TARGETS)("hard lock on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    listen();
    const offline = new OfflineLanguageLayer();
    const primary = new LlmLanguageLayer({
      settings: { ...SETTINGS, timeoutMs: 10_000, maxRetries: 0 },
      backoffMs: () => 0,
    });
    t = await startConsoleTestService(target, { layers: { offline, primary } });
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    await t?.close();
    server.close();
  });

  const transcript = async (caseId: string) =>
    (await t.api("GET", `/api/cases/${caseId}/transcript`, { token: t.tokens.collector })).body;

  it("suppresses a slow model reply that arrives after the takeover: not sent, not stored, recorded", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const assistantBefore = debtor.assistant().length;
    mock.enqueue(slow(1500, completion({ text: LATE })));

    expect((await debtor.send("Je voudrais trouver une solution pour payer")).ok).toBe(true);
    await debtor.waitFor(() => mock.requests.length === 1, "the model call in flight");
    const taken = await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });
    expect(taken.status).toBe(200);

    const { conversationId } = taken.body as { conversationId: string };
    await t.service.chat.idle(conversationId);
    await new Promise((r) => setTimeout(r, 100));

    expect(debtor.messages.some((m) => m.text === LATE)).toBe(false);
    expect(debtor.assistant()).toHaveLength(assistantBefore);
    expect(debtor.messages.at(-1)).toMatchObject({
      role: "system",
      text: expect.stringMatching(/rejoint la conversation/),
    });
    const after = await transcript(c.id);
    expect(after.messages.some((m: { text: string }) => m.text === LATE)).toBe(false);
    expect(after.messages.filter((m: { role: string }) => m.role === "assistant")).toHaveLength(
      assistantBefore,
    );
    const suppressed = after.events.filter((e: { kind: string }) => e.kind === "assistant.suppressed");
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].data).toMatchObject({ reason: "human_owner" });
    debtor.close();
  });

  it("lets the model answer again after the hand-back", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });
    // While a person owns the conversation, no model call is even made.
    await debtor.send("Vous êtes là ?");
    await t.service.chat.idle();
    expect(mock.requests).toHaveLength(0);
    await t.api("POST", `/api/cases/${c.id}/handback`, {
      token: t.tokens.collector,
      body: { note: "Retour à l'assistant" },
    });
    mock.enqueue(reply(completion({ text: "Je suis de nouveau là pour vous aider." })));
    const answer = await debtor.say("Je voudrais trouver une solution pour payer");
    expect(answer).toMatchObject({
      role: "assistant",
      text: expect.stringContaining("Je suis de nouveau là pour vous aider."),
    });
    expect(mock.requests).toHaveLength(1);
    debtor.close();
  });
});
