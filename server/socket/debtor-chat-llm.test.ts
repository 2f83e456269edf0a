// The same debtor flows with an LLM as the language layer, against msw mocks of the OpenAI API:
// a normal round trip to a promise, a misbehaving model caught by the policy and the output
// guard, and failures that fall back to the offline engine while the conversation goes on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mockedLlmLayers } from "../agent/llm/test-support/mocked-layers.js";
import { completion, mockOpenAi, reply, slow, status } from "../agent/llm/test-support/openai-mock.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

const { mock, server, listen } = mockOpenAi();

describe("debtor chat with a mocked LLM", () => {
  let t: TestService;
  beforeAll(async () => {
    listen();
    t = await startTestService(
      "pglite",
      {},
      {},
      { layers: mockedLlmLayers({ timeoutMs: 500, maxRetries: 1 }) },
    );
  });
  afterEach(() => mock.reset());
  afterAll(async () => {
    await t?.close();
    server.close();
  });

  async function negotiating() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011"); // identity is checked by code, never by the model
    expect(mock.requests).toHaveLength(0);
    return { id: res.body.id as string, debtor };
  }

  const transcript = (id: string) =>
    t.api("GET", `/api/cases/${id}/transcript`, { token: t.tokens.collector }).then((r) => r.body);
  const caseOf = (id: string) =>
    t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector }).then((r) => r.body);

  it("negotiates a plan through tool calls and records the promise the debtor accepts", async () => {
    const { id, debtor } = await negotiating();
    mock.enqueue(
      reply(
        completion({ tools: [{ name: "make_offer", args: { kind: "plan", count: 3 } }], usage: [300, 40] }),
      ),
      reply(
        completion({ text: "Voici un échéancier en trois fois, détaillé ci-dessous.", usage: [350, 30] }),
      ),
    );
    const answer = await debtor.say("Je préférerais étaler le paiement sur quelques mois.");
    expect(answer.text).toContain("Voici un échéancier en trois fois");
    expect(answer.offer?.kind).toBe("plan");
    expect(answer.offer?.instalments).toHaveLength(3);
    // The model's system prompt carried the verified facts, the debtor's words came as user content.
    const system = JSON.stringify(mock.messages(0, "system"));
    expect(system).toContain("F-1001");
    expect(system).not.toContain("étaler le paiement");

    await debtor.action("accept_offer", answer.offer?.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    const view = await caseOf(id);
    expect(view.promises[0].total).toBe(answer.offer?.total);
    const message = (await transcript(id)).messages.find((m: { id: string }) => m.id === answer.id);
    expect(message.meta).toMatchObject({
      layer: "llm",
      model: "gpt-4o-mini-2024-07-18", // the snapshot the API answered with
      promptId: expect.stringMatching(/^negotiator\.fr@/),
      promptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      usage: { inputTokens: 650, outputTokens: 70 },
      policyVersionId: view.policyVersion.id,
    });
    debtor.close();
  });

  it("refuses a 90 % discount the model asks for: no offer beyond the policy is recorded", async () => {
    const { id, debtor } = await negotiating();
    mock.enqueue(
      reply(completion({ tools: [{ name: "make_offer", args: { kind: "settlement", discountBps: 9000 } }] })),
      reply(completion({ text: "Je ne peux pas accorder une telle remise, mais parlons d'un échéancier." })),
    );
    const answer = await debtor.say("Faites-moi un geste commercial.");
    expect(answer.text).toContain("Je ne peux pas accorder");
    const view = await caseOf(id);
    for (const offer of view.offers) expect(offer.discountBps).toBeLessThanOrEqual(2000);
    const decisions = (await transcript(id)).events.filter(
      (e: { kind: string }) => e.kind === "policy.decision",
    );
    expect(decisions.some((e: { data: { decision?: string } }) => e.data.decision !== "accept")).toBe(true);
    debtor.close();
  });

  it("blocks an invented amount and a huissier threat: one regeneration, then the safe template", async () => {
    const { id, debtor } = await negotiating();
    mock.enqueue(
      reply(completion({ text: "Réglez 999,99 € aujourd'hui ou un huissier passera demain." })),
      reply(completion({ text: "Sans paiement, le commissaire de justice procédera à une saisie." })),
    );
    const answer = await debtor.say("Je ne sais pas trop quoi faire.");
    expect(answer.text).not.toMatch(/999,99|huissier|commissaire|saisie/i);
    const events = (await transcript(id)).events.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(expect.arrayContaining(["guard.blocked", "guard.regenerated", "guard.replaced"]));
    // The regeneration request told the model why its reply was refused.
    expect(JSON.stringify(mock.requests[1]?.messages)).toMatch(/forbidden_wording|unknown_amount/);
    debtor.close();
  });

  it("blocks a model that says the debt is cancelled", async () => {
    const { id, debtor } = await negotiating();
    mock.enqueue(
      reply(completion({ text: "Bonne nouvelle : votre dette est annulée, vous ne devez plus rien." })),
      reply(completion({ text: "Votre dette est annulée." })),
    );
    const answer = await debtor.say("Qu'est-ce que je dois faire maintenant ?");
    expect(answer.text).not.toMatch(/annulée|ne devez plus rien/);
    expect((await transcript(id)).events.some((e: { kind: string }) => e.kind === "guard.replaced")).toBe(
      true,
    );
    debtor.close();
  });

  it.each([
    ["HTTP 500", () => [status(500), status(500)]],
    ["HTTP 429", () => [status(429), status(429)]],
    ["a timeout", () => [slow(2000, completion({ text: "trop tard" }))]],
    [
      "malformed tool-call JSON",
      () => [reply(completion({ tools: [{ name: "make_offer", args: "{not json" }] }))],
    ],
  ])("falls back to the offline engine on %s and the conversation goes on", async (_name, responders) => {
    const { id, debtor } = await negotiating();
    mock.enqueue(...responders());
    const answer = await debtor.say("J'ai oublié, je peux tout payer.");
    expect(answer.offer?.kind).toBe("full");
    const after = await transcript(id);
    const message = after.messages.find((m: { id: string }) => m.id === answer.id);
    expect(message.meta.layer).toBe("offline");
    expect(message.meta.fallbackReason).toEqual(expect.any(String));
    expect(after.events.some((e: { kind: string }) => e.kind === "llm.fallback")).toBe(true);
    const ack = await debtor.action("accept_offer", answer.offer?.id);
    expect(ack.ok).toBe(true);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    debtor.close();
  });
});
