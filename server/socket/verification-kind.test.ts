// Verification that is kind and strict, over the real socket, server and database: greetings and
// questions do not spend an attempt, and a date or a postcode is accepted in its usual spellings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe("verification before any detail of the debt", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  async function open(overrides: Record<string, unknown> = {}) {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
    expect(res.status).toBe(201);
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    return { id: res.body.id as string, debtor };
  }

  it("answers greetings and questions with why we ask, without spending an attempt", async () => {
    const { id, debtor } = await open();
    for (const text of ["bonjour", "c quoi ?", "whats this about", "je comprends pas"]) {
      const reply = await debtor.say(text);
      // In the debtor's language: "whats this about" is answered in English.
      expect(reply.text, text).toMatch(/ne compte pas comme une tentative|didn't count as an attempt/);
      expect(reply.text).toMatch(/Code postal \?/);
      expect(reply.text).not.toMatch(/F-1001|1 200/);
    }
    // Two wrong answers afterwards still leave one attempt: the four messages above spent none.
    await debtor.say("00000");
    const second = await debtor.say("11111");
    expect(second.text).toMatch(/reste 1 essai/);
    const ok = await debtor.say("bonjour, c'est 75 011");
    expect(ok.text).toMatch(/confirm|merci/i);
    debtor.close();
    const view = await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector });
    expect(view.body.escalations).toEqual([]);
  });

  it.each(["3 novembre 1979", "3/11/1979", "le 03-11-79"])(
    "accepts %j when the stored answer is 03/11/1979",
    async (typed) => {
      const { debtor } = await open({
        verification: { question: "Date de naissance ?", answer: "03/11/1979" },
      });
      const reply = await debtor.say(typed);
      expect(reply.text).toMatch(/confirm|merci/i);
      debtor.close();
    },
  );

  it("still refuses another date", async () => {
    const { debtor } = await open({
      verification: { question: "Date de naissance ?", answer: "03/11/1979" },
    });
    const reply = await debtor.say("11/03/1979");
    expect(reply.text).toMatch(/reste 2 essai/);
    debtor.close();
  });
});
