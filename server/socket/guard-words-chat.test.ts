// The probe's sentences, from a mocked model through the whole service: figures and debt releases
// written in words never reach the debtor; the guard blocks them, asks once for a rewrite, then
// sends the safe template.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mockedLlmLayers } from "../agent/llm/test-support/mocked-layers.js";
import { completion, mockOpenAi, reply } from "../agent/llm/test-support/openai-mock.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

const { mock, server, listen } = mockOpenAi();

describe("guard words through the chat", () => {
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

  it.each([
    ["We can accept ten euros to close the file for good.", /ten euros/i],
    ["I can give you a ninety percent reduction on everything you owe.", /ninety percent/i],
    [
      "the creditor has decided to drop the whole matter and will not ask you for payment.",
      /drop the whole matter/i,
    ],
    ["Je peux vous faire quatre-vingt-dix pour cent de remise.", /quatre-vingt-dix/i],
    ["Payez la moitié de ce que vous devez et on n'en parle plus.", /moitié/i],
  ])("%s never reaches the debtor", async (text, shown) => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    try {
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
      await debtor.say("75011");
      mock.enqueue(reply(completion({ text })), reply(completion({ text })));
      const answer = await debtor.say("Je ne peux pas tout payer.");
      expect(answer.text).not.toMatch(shown);
      const transcript = await t.api("GET", `/api/cases/${res.body.id}/transcript`, {
        token: t.tokens.collector,
      });
      const kinds = transcript.body.events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(["guard.blocked", "guard.replaced"]));
    } finally {
      debtor.close();
    }
  });
});
