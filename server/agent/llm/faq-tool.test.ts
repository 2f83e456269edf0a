// The pack's reviewed FAQ in the LLM layer: the answer_question tool returns the creditor's approved
// words (the same the offline engine says), against msw mocks of the Chat Completions API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LlmLanguageLayer } from "./llm-layer.js";
import { FACTS, PACK, SETTINGS, toolbox, turn } from "./test-support/fixtures.js";
import { completion, mockOpenAi, reply } from "./test-support/openai-mock.js";

const { mock, server, listen } = mockOpenAi();
beforeAll(listen);
afterEach(() => mock.reset());
afterAll(() => server.close());

const layer = () => new LlmLanguageLayer({ settings: SETTINGS, backoffMs: () => 0 });
const toolResult = (n: number) => JSON.parse(String(mock.messages(n, "tool").at(-1)?.content));

describe("answer_question", () => {
  it("gives the model the pack's reviewed answer, with the grace period and the creditor filled in", async () => {
    const tb = toolbox();
    mock.enqueue(
      reply(completion({ tools: [{ name: "answer_question", args: { topic: "missed_payment" } }] })),
      reply(completion({ tools: [{ name: "answer_question", args: { topic: "creditor" } }] })),
      reply(completion({ text: "Voici la réponse." })),
    );
    await layer().respond(
      turn(tb, { debtorText: "et si je rate une échéance il se passe quoi ? c une arnaque ?" }),
    );
    const grace = String(PACK.limits.promiseBrokenAfterDays?.value);
    const missed = PACK.faq?.missed_payment?.fr?.replace("{graceDays}", grace);
    expect(JSON.parse(String(mock.messages(1, "tool")[0]?.content))).toEqual({
      topic: "missed_payment",
      answer: missed,
      sayItAsWritten: true,
    });
    const creditor = toolResult(2);
    expect(creditor.answer).toContain(FACTS.creditorName);
    expect(creditor.answer).toContain(FACTS.reference);
    expect(creditor.answer).not.toMatch(/\{\w+\}/);
    // The prompt tells the model to use it for these questions.
    expect(String(mock.messages(0, "system")[0]?.content)).toContain("answer_question");
  });

  it("answers what the debt is for from the case's invoices", async () => {
    const tb = toolbox();
    mock.enqueue(
      reply(completion({ tools: [{ name: "answer_question", args: { topic: "what_for" } }] })),
      reply(completion({ text: "ok" })),
    );
    await layer().respond(turn(tb, { debtorText: "c pour quoi exactement cette facture ?" }));
    expect(toolResult(1).answer).toContain("F-2025-017");
  });

  it("refuses a topic outside the FAQ as a malformed call (the turn falls back to the offline engine)", async () => {
    const tb = toolbox();
    mock.enqueue(
      reply(completion({ tools: [{ name: "answer_question", args: { topic: "discounts" } }] })),
      reply(completion({ text: "ok" })),
    );
    await expect(
      layer().respond(turn(tb, { debtorText: "vous faites des remises ?" })),
    ).rejects.toMatchObject({
      reason: "malformed_tool_call",
    });
  });
});
