// LLM failures end in the offline engine: every HTTP, timeout and tool-call failure becomes an
// LlmFailure with a stable reason, and FallbackLanguageLayer answers with the fallback's text.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TurnResult } from "../language-layer.js";
import { FallbackLanguageLayer } from "./fallback-layer.js";
import { LlmLanguageLayer } from "./llm-layer.js";
import { FixedLayer, SETTINGS, toolbox, turn } from "./test-support/fixtures.js";
import {
  completion,
  dropConnection,
  mockOpenAi,
  type Responder,
  reply,
  slow,
  status,
} from "./test-support/openai-mock.js";

const { mock, server, listen } = mockOpenAi();
beforeAll(listen);
afterEach(() => mock.reset());
afterAll(() => server.close());

function setup() {
  const backoffs: number[] = [];
  const offline = new FixedLayer();
  const llm = new LlmLanguageLayer({
    settings: { ...SETTINGS, timeoutMs: 300, maxRetries: 2 },
    backoffMs: (attempt) => {
      backoffs.push(attempt);
      return 0;
    },
    sleep: async () => {},
  });
  const tb = toolbox({ declinedKinds: ["full", "plan"] });
  return { layer: new FallbackLanguageLayer(llm, offline), offline, backoffs, tb, ctx: turn(tb) };
}

const expectFallback = (r: TurnResult, reason: string) => {
  expect(r.text).toBe("Réponse du moteur hors ligne.");
  expect(r.meta).toEqual({ layer: "offline", fallbackReason: reason });
};

describe("retries", () => {
  it("retries a 500 with backoff, then falls back with http_5xx", async () => {
    const s = setup();
    mock.enqueue(status(500), status(502), status(503));
    expectFallback(await s.layer.respond(s.ctx), "http_5xx");
    expect(mock.requests).toHaveLength(3);
    expect(s.backoffs).toEqual([1, 2]);
  });

  it("recovers when a retry succeeds", async () => {
    const s = setup();
    mock.enqueue(status(500), reply(completion({ text: "Bonjour !" })));
    const r = await s.layer.respond(s.ctx);
    expect(r.text).toBe("Bonjour !");
    expect(r.meta.fallbackReason).toBeUndefined();
    expect(s.offline.calls).toBe(0);
  });

  it("falls back with http_429 after the retries are spent", async () => {
    const s = setup();
    mock.enqueue(status(429), status(429), status(429));
    expectFallback(await s.layer.respond(s.ctx), "http_429");
    expect(mock.requests).toHaveLength(3);
  });

  it("does not retry a 401 (http_4xx)", async () => {
    const s = setup();
    mock.enqueue(status(401));
    expectFallback(await s.layer.respond(s.ctx), "http_4xx");
    expect(mock.requests).toHaveLength(1);
  });

  it("falls back with network when the connection drops", async () => {
    const s = setup();
    mock.enqueue(dropConnection, dropConnection, dropConnection);
    expectFallback(await s.layer.respond(s.ctx), "network");
    expect(mock.requests).toHaveLength(3);
  });

  it("falls back with timeout when the model is slower than timeoutMs, without retrying", async () => {
    const s = setup();
    mock.enqueue(slow(1500, completion({ text: "trop tard" })));
    const started = Date.now();
    expectFallback(await s.layer.respond(s.ctx), "timeout");
    expect(Date.now() - started).toBeLessThan(1200);
    expect(mock.requests).toHaveLength(1);
  });
});

describe("bad model output", () => {
  // LangChain warns on a message whose every tool call is unparsable; that case is the point here.
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  const cases: [string, string, Responder][] = [
    [
      "unparsable tool arguments",
      "malformed_tool_call",
      reply(completion({ tools: [{ name: "make_offer", args: "{not json" }] })),
    ],
    [
      "valid JSON that fails the schema",
      "malformed_tool_call",
      reply(
        completion({ tools: [{ name: "make_offer", args: { kind: "settlement", discountBps: "ninety" } }] }),
      ),
    ],
    [
      "an unknown escalation kind",
      "malformed_tool_call",
      reply(completion({ tools: [{ name: "escalate", args: { kind: "angry", claim: "x" } }] })),
    ],
    [
      "a tool that does not exist",
      "malformed_tool_call",
      reply(completion({ tools: [{ name: "cancel_debt", args: {} }] })),
    ],
    ["neither text nor tool call", "empty", reply(completion({ text: "" }))],
  ];
  it.each(cases)("%s: falls back with %s and runs no tool", async (_name, reason, responder) => {
    const s = setup();
    mock.enqueue(responder);
    expectFallback(await s.layer.respond(s.ctx), reason);
    expect(s.tb.proposals).toEqual([]);
    expect(s.tb.offers).toEqual([]);
    expect(s.tb.escalations).toEqual([]);
  });

  it("validates every call of a message before running any: a bad second call blocks the first", async () => {
    const s = setup();
    mock.enqueue(
      reply(
        completion({
          tools: [
            { name: "make_offer", args: {} },
            { name: "escalate", args: { kind: "dispute" } },
          ],
        }),
      ),
    );
    expectFallback(await s.layer.respond(s.ctx), "malformed_tool_call");
    expect(s.tb.offers).toEqual([]);
  });

  it("caps the loop: the last call asks for text only, and more tool calls end in tool_loop", async () => {
    const s = setup();
    const again = () => reply(completion({ tools: [{ name: "case_summary", args: {} }] }));
    mock.enqueue(again(), again(), again(), again());
    expectFallback(await s.layer.respond(s.ctx), "tool_loop");
    expect(mock.requests).toHaveLength(4);
    expect(mock.requests.map((r) => r.tool_choice)).toEqual([undefined, undefined, undefined, "none"]);
  });

  it("falls back to the offline engine when a rewrite fails", async () => {
    const s = setup();
    mock.enqueue(status(500), status(500), status(500));
    expectFallback(await s.layer.regenerate(s.ctx, "texte bloqué", ["huissier"]), "http_5xx");
    expect(s.offline.calls).toBe(1);
  });
});
