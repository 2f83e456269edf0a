// --provider openai end to end, against a fake OpenAI-compatible server on loopback (no network):
// the assistant's LLM layer and the LLM debtor both talk to it, and the run counts their tokens and
// prices them. The fake model only writes polite text, so no deal is expected: this checks the wiring
// and the accounting, not the negotiation.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { armTotals } from "./report/metrics.js";
import { filterScenarios, loadScenarios } from "./scenario/load.js";
import { runShard } from "./suite.js";

let server: Server;
let calls = { assistant: 0, debtor: 0 };
const saved = { ...process.env };

function completion(n: number, text: string) {
  return {
    id: `chatcmpl-fake-${n}`,
    object: "chat.completion",
    created: 1_780_000_000 + n,
    model: "gpt-4o-mini",
    choices: [
      { index: 0, message: { role: "assistant", content: text }, finish_reason: "stop", logprobs: null },
    ],
    usage: { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 },
  };
}

beforeAll(async () => {
  let n = 0;
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const request = JSON.parse(body) as { messages: { role: string; content: string }[] };
      const system = String(request.messages[0]?.content ?? "");
      let text: string;
      if (system.startsWith("You play a debtor")) {
        calls.debtor++;
        const last = String(request.messages.at(-1)?.content ?? "");
        text = last.slice(last.indexOf("): ") + 3);
      } else {
        calls.assistant++;
        text = "Thank you for telling me. Let me see what we can arrange for you.";
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completion(++n, text)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(process.env, {
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
    OPENAI_MODEL: "gpt-4o-mini",
    OPENAI_MAX_RETRIES: "0",
  });
});

afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("LLM mode (--provider openai)", () => {
  it("drives the LLM assistant with the LLM debtor and reports tokens and cost", {
    timeout: 120_000,
  }, async () => {
    calls = { assistant: 0, debtor: 0 };
    const scenarios = filterScenarios(loadScenarios("evals/scenarios"), "uk-consumer-hardship");
    const result = await runShard({
      scenarios,
      arms: ["assistant"],
      trials: 1,
      redteam: [],
      provider: "openai",
      debtor: "llm",
      concurrency: 1,
    });
    const [run] = result.conversations;
    expect(result.model).toBe("gpt-4o-mini");
    expect(run?.harnessError).toBeUndefined();
    expect(run?.transcript.some((l) => l.meta?.startsWith("llm"))).toBe(true);
    expect(calls.assistant).toBeGreaterThan(0);
    expect(calls.debtor).toBeGreaterThan(0);
    expect(run?.violations).toEqual([]);
    const totals = armTotals("assistant", result.conversations, result.model);
    expect(totals.tokens.input).toBe(300 * calls.assistant);
    expect(totals.tokens.simulatorInput).toBe(300 * calls.debtor);
    expect(totals.costUsd).toBeGreaterThan(0);
  });
});
