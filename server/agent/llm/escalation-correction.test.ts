// The LLM layer taking back a misunderstood escalation through its tools, against msw mocks of the
// Chat Completions API and the real fr-business / us-consumer packs behind the policy toolbox.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadPacks } from "../../policy/index.js";
import { understand } from "../offline/nlu/index.js";
import { LlmLanguageLayer } from "./llm-layer.js";
import { FACTS, SETTINGS, toolbox, turn } from "./test-support/fixtures.js";
import { completion, mockOpenAi, reply } from "./test-support/openai-mock.js";

const { mock, server, listen } = mockOpenAi();
beforeAll(listen);
afterEach(() => mock.reset());
afterAll(() => server.close());

const layer = () => new LlmLanguageLayer({ settings: SETTINGS, backoffMs: () => 0 });
const toolResult = (n: number) => JSON.parse(String(mock.messages(n, "tool").at(-1)?.content));
const said = (text: string) => understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });

async function escalatedDispute(tb: ReturnType<typeof toolbox>) {
  const text = "je conteste ces pénalités, c'est du vol";
  mock.enqueue(
    reply(
      completion({
        tools: [{ name: "escalate", args: { kind: "dispute", claim: "conteste les pénalités" } }],
      }),
    ),
    reply(
      completion({ text: "J'ai compris que vous contestez les pénalités ; dites-le-moi si je me trompe." }),
    ),
  );
  await layer().respond(turn(tb, { debtorText: text, understanding: said(text) }));
  return toolResult(1);
}

describe("LLM layer: a debtor takes back a misunderstood escalation", () => {
  it("is told the escalation is correctable, then withdraws it on the debtor's denial", async () => {
    const tb = toolbox();
    expect(await escalatedDispute(tb)).toMatchObject({
      escalated: true,
      correctable: true,
      sayWhatYouUnderstood: true,
    });
    mock.reset();

    const text = "non non je conteste pas, je voulais juste comprendre";
    mock.enqueue(
      reply(completion({ tools: [{ name: "withdraw_escalation", args: {} }] })),
      reply(completion({ text: "Merci, c'est corrigé. Que pourriez-vous payer, et à quel rythme ?" })),
    );
    const result = await layer().respond(
      turn(tb, { phase: "escalated", debtorText: text, understanding: said(text) }),
    );
    // The tool is offered while escalated, and the debtor's own words are kept (not the model's).
    expect(mock.toolNames(0)).toEqual(["case_summary", "withdraw_escalation"]);
    expect(toolResult(1)).toEqual({ withdrawn: true, kind: "dispute", phase: "negotiating" });
    expect(tb.escalationWithdrawals).toEqual([{ kind: "dispute", words: text }]);
    expect(result.text).toContain("Que pourriez-vous payer");
  });

  it("refuses a withdrawal the debtor never asked for (a misbehaving model on 'ok merci')", async () => {
    const tb = toolbox();
    await escalatedDispute(tb);
    mock.reset();
    mock.enqueue(
      reply(completion({ tools: [{ name: "withdraw_escalation", args: {} }] })),
      reply(completion({ text: "Un conseiller va vous répondre." })),
    );
    await layer().respond(
      turn(tb, { phase: "escalated", debtorText: "ok merci", understanding: said("ok merci") }),
    );
    expect(toolResult(1)).toMatchObject({ withdrawn: false, refused: true, reason: "no_grounds" });
    expect(tb.escalationWithdrawals).toEqual([]);
  });

  it("refuses a denial that raises another reason for a person", async () => {
    const tb = toolbox();
    await escalatedDispute(tb);
    mock.reset();
    const text = "c pas ce que j'ai dit, je suis en dépression";
    mock.enqueue(
      reply(completion({ tools: [{ name: "withdraw_escalation", args: {} }] })),
      reply(completion({ text: "Un conseiller va vous répondre." })),
    );
    await layer().respond(turn(tb, { phase: "escalated", debtorText: text, understanding: said(text) }));
    expect(toolResult(1)).toMatchObject({ withdrawn: false, reason: "no_grounds" });
    expect(tb.escalationWithdrawals).toEqual([]);
  });

  it("cannot withdraw under a pack that forbids it (us-consumer)", async () => {
    const us = loadPacks("policies").get("us-consumer");
    if (!us) throw new Error("policies/us-consumer.yaml is missing");
    const tb = toolbox({
      pack: us.pack,
      facts: {
        ...FACTS,
        jurisdiction: "US",
        currency: "USD",
        debtorKind: "consumer",
        timeZone: "America/New_York",
      },
    });
    const opened = await escalatedDispute(tb);
    expect(opened.correctable).toBeUndefined();
    mock.reset();
    const text = "non je conteste pas";
    mock.enqueue(
      reply(completion({ tools: [{ name: "withdraw_escalation", args: {} }] })),
      reply(completion({ text: "Un conseiller vérifiera avec vous." })),
    );
    await layer().respond(turn(tb, { phase: "escalated", debtorText: text, understanding: said(text) }));
    expect(toolResult(1)).toEqual({ withdrawn: false, kind: "dispute", reason: "not_correctable" });
    expect(tb.escalationWithdrawals).toEqual([]);
  });
});
