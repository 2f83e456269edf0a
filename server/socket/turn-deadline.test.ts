// The service wires TURN_DEADLINE_MS: with a model that hangs (a fake OpenAI-compatible server on
// loopback), the debtor still gets an answer from the offline engine once the deadline passes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoopbackModel } from "../agent/llm/test-support/loopback-model.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe("a hanging model through the whole service", () => {
  let model: LoopbackModel;
  let t: TestService;
  beforeAll(async () => {
    model = await LoopbackModel.start();
    t = await startTestService("pglite", {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_TIMEOUT_MS: "60000",
      TURN_DEADLINE_MS: "1500",
    });
  });
  afterAll(async () => {
    await t?.close();
    await model?.close();
  });

  it("answers within the deadline from the offline engine", async () => {
    model.play([], { kind: "hang" });
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    try {
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
      await debtor.say("75011");
      const started = Date.now();
      const answer = await debtor.say("Je peux payer 200 € par mois.");
      expect(Date.now() - started).toBeLessThan(1500 + 2000);
      expect(answer.text.length).toBeGreaterThan(0);
      expect(model.requests.length).toBeGreaterThan(0);
      const transcript = await t.api("GET", `/api/cases/${res.body.id}/transcript`, {
        token: t.tokens.collector,
      });
      const stored = transcript.body.messages.find((m: { id: string }) => m.id === answer.id);
      expect(stored.meta).toMatchObject({ layer: "offline", fallbackReason: "turn_deadline" });
    } finally {
      debtor.close();
    }
  });
});
