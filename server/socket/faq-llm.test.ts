// The FAQ with an LLM answering, on the real service (output guard included) and msw mocks of
// OpenAI: a model that uses answer_question passes the pack's words on; a model that answers a
// question outside the FAQ with a forbidden claim is blocked by the guard, and the debtor gets the
// pack's reviewed answer instead.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mockedLlmLayers } from "../agent/llm/test-support/mocked-layers.js";
import { completion, mockOpenAi, reply } from "../agent/llm/test-support/openai-mock.js";
import { loadPacks } from "../policy/index.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

const { mock, server, listen } = mockOpenAi();
const pack = loadPacks("policies").get("fr-business")?.pack;
const MISSED = pack?.faq?.missed_payment?.fr?.replace(
  "{graceDays}",
  String(pack.limits.promiseBrokenAfterDays?.value),
);

describe("the pack's FAQ through the LLM layer", () => {
  let t: TestService;
  beforeAll(async () => {
    listen();
    t = await startTestService("pglite", {}, {}, { layers: mockedLlmLayers() });
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    await t?.close();
    server.close();
  });

  async function verified() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    return { id: res.body.id as string, debtor };
  }

  it("a model that calls answer_question says the pack's reviewed words", async () => {
    expect(MISSED).toBeTruthy();
    const { debtor } = await verified();
    mock.enqueue(
      reply(completion({ tools: [{ name: "answer_question", args: { topic: "missed_payment" } }] })),
      reply(completion({ text: String(MISSED) })),
    );
    const answer = await debtor.say("et si on rate une echeance il se passe quoi ?");
    expect(answer.text).toBe(MISSED);
    debtor.close();
  });

  it("a model answering outside the FAQ with a threat is blocked twice, and the debtor reads the pack's answer", async () => {
    const { id, debtor } = await verified();
    const threat = "Si vous ratez une échéance, un huissier procédera à la saisie de vos biens.";
    mock.enqueue(reply(completion({ text: threat })), reply(completion({ text: threat })));
    const answer = await debtor.say("et si on rate une echeance il se passe quoi ?");
    expect(answer.text).not.toMatch(/huissier|saisie/);
    expect(answer.text).toBe(MISSED);
    const transcript = await t.api("GET", `/api/cases/${id}/transcript`, { token: t.tokens.collector });
    const kinds = transcript.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["guard.blocked", "guard.replaced"]));
    debtor.close();
  });
});
