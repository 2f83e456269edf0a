// The LLM debtor against a mocked OpenAI Chat Completions API (msw): it voices the rules' moves,
// keeps scripted lines verbatim, falls back to the rules on any failure, and counts its tokens.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MOCK_BASE_URL } from "../../server/agent/llm/test-support/fixtures.js";
import { completion, mockOpenAi, reply, status } from "../../server/agent/llm/test-support/openai-mock.js";
import { debtorSchema } from "../scenario/schema.js";
import { LlmDebtor, openAiDebtorModel } from "./llm.js";
import { RuleDebtor } from "./rules.js";
import type { DebtorView } from "./types.js";

const { mock, server, listen } = mockOpenAi();
beforeAll(() => listen());
afterEach(() => mock.reset());
afterAll(() => server.close());

const facts = { locale: "en" as const, currency: "GBP", amountDue: 96_000, verificationAnswer: "14/03/1986" };
const spec = debtorSchema.parse({
  goal: "An affordable plan, £40 a month at most.",
  budget: { monthly: 4000 },
  reveals: [{ when: "verified", say: "Money is tight, I lost some hours at work." }],
});
const model = () =>
  openAiDebtorModel({
    apiKey: "test-key",
    baseUrl: MOCK_BASE_URL,
    model: "gpt-4o-mini",
    timeoutMs: 2000,
    maxRetries: 0,
  });
const view = (status: string, turns: number): DebtorView => ({ status, offer: null, turns, messages: [] });

describe("the LLM debtor", () => {
  it("keeps the verification answer and scripted reveals verbatim, without calling the model", async () => {
    const d = new LlmDebtor(new RuleDebtor(spec, facts), model());
    expect(await d.next(view("verifying", 0))).toMatchObject({ kind: "say", text: "14/03/1986" });
    expect(await d.next(view("negotiating", 1))).toMatchObject({
      text: "Money is tight, I lost some hours at work.",
    });
    expect(mock.requests).toHaveLength(0);
  });

  it("voices the rules' proposal in its own words, keeping the amount, and counts the tokens", async () => {
    mock.enqueue(
      reply(completion({ text: "Honestly the most I can manage is £40 a month.", usage: [210, 14] })),
    );
    const d = new LlmDebtor(new RuleDebtor(spec, facts), model());
    await d.next(view("verifying", 0));
    await d.next(view("negotiating", 1));
    const move = await d.next(view("negotiating", 2));
    expect(move).toMatchObject({ kind: "say", text: "Honestly the most I can manage is £40 a month." });
    expect(d.usage).toEqual({ inputTokens: 210, outputTokens: 14 });
    const system = mock.messages(0, "system")[0]?.content;
    expect(String(system)).toContain("£40 per month");
    expect(String(mock.messages(0, "user").at(-1)?.content)).toContain("I can pay £40 a month.");
  });

  it("falls back to the rules' words when the model fails or drops the amount", async () => {
    mock.enqueue(status(500), reply(completion({ text: "I can pay something monthly." })));
    const d = new LlmDebtor(new RuleDebtor(spec, facts), model());
    await d.next(view("verifying", 0));
    await d.next(view("negotiating", 1));
    expect(await d.next(view("negotiating", 2))).toMatchObject({ text: "I can pay £40 a month." });
    expect(await d.next(view("negotiating", 3))).toMatchObject({ text: "I can pay £40 a month." });
    expect(d.failures).toBe(1);
  });
});
