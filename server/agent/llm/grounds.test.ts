// Write tools need grounds in what the debtor said: through the real LLM layer with a scripted
// model, an escalation or an offer the debtor's words do not support is refused and nothing is
// recorded; the same calls with grounds go through.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { escalationGrounds, offerGrounds } from "./grounds.js";
import { LlmLanguageLayer } from "./llm-layer.js";
import { SETTINGS, toolbox, turn } from "./test-support/fixtures.js";
import { completion, mockOpenAi, reply } from "./test-support/openai-mock.js";

const { mock, server, listen } = mockOpenAi();
beforeAll(listen);
afterEach(() => mock.reset());
afterAll(() => server.close());

const layer = () => new LlmLanguageLayer({ settings: SETTINGS, backoffMs: () => 0 });
const toolResult = (n: number) => JSON.parse(String(mock.messages(n, "tool").at(-1)?.content));

describe("tool grounds through the LLM layer", () => {
  it("refuses a dispute escalation after 'I had cash-flow problems'", async () => {
    const tb = toolbox();
    mock.enqueue(
      reply(
        completion({ tools: [{ name: "escalate", args: { kind: "dispute", claim: "Conteste la dette." } }] }),
      ),
      reply(completion({ text: "Je comprends. Pouvez-vous m'en dire plus ?" })),
    );
    await layer().respond(turn(tb, { locale: "en", debtorText: "I had cash-flow problems." }));
    expect(tb.escalations).toEqual([]);
    expect(toolResult(1)).toMatchObject({ escalated: false, refused: true, reason: "no_grounds" });
  });

  it("accepts the dispute when the debtor disputes, now or in a recent message", async () => {
    const tb = toolbox();
    const args = { kind: "dispute", claim: "Goods never delivered." };
    mock.enqueue(
      reply(completion({ tools: [{ name: "escalate", args }] })),
      reply(completion({ text: "A colleague will look into it." })),
    );
    await layer().respond(
      turn(tb, {
        locale: "en",
        debtorText: "Yes.",
        history: [
          { role: "debtor", text: "I never received the goods, I dispute this invoice." },
          { role: "assistant", text: "Do you dispute the invoice?" },
          { role: "debtor", text: "Yes." },
        ],
      }),
    );
    expect(tb.escalations).toEqual([args]);
  });

  it("refuses an offer with figures the debtor never gave, and an offer while they dispute", async () => {
    const tb = toolbox({ declinedKinds: ["full", "plan"] });
    mock.enqueue(
      reply(completion({ tools: [{ name: "make_offer", args: { kind: "settlement", total: 1000 } }] })),
      reply(completion({ text: "Je reviens vers vous." })),
    );
    await layer().respond(turn(tb, { debtorText: "Je ne peux pas tout payer d'un coup." }));
    expect(tb.offers).toEqual([]);
    expect(toolResult(1)).toMatchObject({ refused: true, reason: "no_grounds" });
    expect(toolResult(1).explanation).toMatch(/total/);

    mock.reset();
    mock.enqueue(
      reply(completion({ tools: [{ name: "make_offer", args: {} }] })),
      reply(completion({ text: "Je transmets." })),
    );
    await layer().respond(
      turn(tb, { debtorText: "Je conteste cette facture, je n'ai jamais reçu la marchandise." }),
    );
    expect(tb.offers).toEqual([]);
    expect(toolResult(1).explanation).toMatch(/dispute/);
  });

  it("lets the debtor's own figures through", async () => {
    const tb = toolbox({ signals: { fullPaymentImpossible: true } });
    mock.enqueue(
      reply(
        completion({
          tools: [
            { name: "make_offer", args: { kind: "plan", instalmentAmount: 20000, cadence: "monthly" } },
          ],
        }),
      ),
      reply(completion({ text: "Voici ma proposition." })),
    );
    await layer().respond(turn(tb, { debtorText: "Je peux payer 200 € par mois." }));
    expect(toolResult(1)).not.toHaveProperty("refused");
    expect(tb.offers).toHaveLength(1);
  });
});

describe("grounds", () => {
  const ctx = (debtorText: string) => turn(toolbox(), { locale: "en", debtorText });

  it.each([
    ["dispute", "I never ordered this, it's not my invoice."],
    ["already_paid", "I already paid it last month."],
    ["human_request", "I want to talk to a real person."],
    ["stop_request", "Stop contacting me."],
    ["hardship", "I lost my job and can't pay anything."],
  ] as const)("%s is grounded by %j", (kind, text) => {
    expect(escalationGrounds(kind, ctx(text))).toEqual({ ok: true });
  });

  it.each([
    ["dispute", "I had cash-flow problems."],
    ["already_paid", "I can pay 100 euros a month."],
    ["attorney", "Hello."],
    ["third_party", "I can pay next week."],
  ] as const)("%s is not grounded by %j", (kind, text) => {
    expect(escalationGrounds(kind, ctx(text)).ok).toBe(false);
  });

  it("checks each figure of a proposal against the debtor's", () => {
    const c = ctx("I can pay 150 euros a month for 6 months.");
    expect(offerGrounds({ instalmentAmount: 15000, count: 6 }, c)).toEqual({ ok: true });
    expect(offerGrounds({ instalmentAmount: 15000, count: 6, total: 90000 }, c)).toEqual({ ok: true });
    expect(offerGrounds({ instalmentAmount: 5000 }, c)).toMatchObject({ ok: false });
    expect(offerGrounds({ discountBps: 5000 }, c)).toMatchObject({ ok: false });
    expect(offerGrounds({ discountBps: 5000 }, ctx("Could you take half off? 50% off?"))).toEqual({
      ok: true,
    });
    expect(offerGrounds({ count: 3 }, ctx("Can I spread the payments over a few months?"))).toEqual({
      ok: true,
    });
    expect(offerGrounds({ count: 3 }, ctx("I already paid."))).toMatchObject({ ok: false });
  });
});
