// One deadline per turn: a slow or hanging model (the probe's 5 calls of 19 s, 95 s for one reply)
// cannot stall a turn; past the deadline the offline engine answers and nothing more is recorded.
// Retry-After is honoured when the wait fits in the deadline, and not waited out when it does not.
// Against a real OpenAI-compatible server on loopback, through the real SDK. Times are scaled down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FallbackLanguageLayer } from "./fallback-layer.js";
import { LlmLanguageLayer } from "./llm-layer.js";
import { FixedLayer, SETTINGS, toolbox, turn } from "./test-support/fixtures.js";
import { LoopbackModel } from "./test-support/loopback-model.js";
import { completion } from "./test-support/openai-mock.js";

let model: LoopbackModel;
beforeAll(async () => {
  model = await LoopbackModel.start();
});
afterAll(async () => {
  await model?.close();
});

function setup(o: { timeoutMs: number; deadlineMs: number; maxRetries?: number }) {
  const offline = new FixedLayer();
  const llm = new LlmLanguageLayer({
    settings: { ...SETTINGS, baseUrl: model.baseUrl, timeoutMs: o.timeoutMs, maxRetries: o.maxRetries ?? 2 },
    backoffMs: () => 0,
  });
  const layer = new FallbackLanguageLayer(llm, offline, undefined, { turnDeadlineMs: o.deadlineMs });
  const tb = toolbox({ signals: { fullPaymentImpossible: true } });
  return { layer, offline, tb, ctx: turn(tb, { debtorText: "Je peux payer en 6 fois." }) };
}

const summary = () => completion({ tools: [{ name: "case_summary", args: {} }] });

describe("turn deadline", () => {
  it("answers from the offline engine when each model call is slow but under its own timeout", async () => {
    // Scaled from 5 calls of 19 s under a 20 s timeout: calls of 300 ms under 1 s, deadline 700 ms
    // (without it, the four calls of the tool loop take 1.2 s).
    const s = setup({ timeoutMs: 1000, deadlineMs: 700 });
    model.play(Array.from({ length: 5 }, () => ({ kind: "reply" as const, body: summary(), afterMs: 300 })));
    const started = Date.now();
    const r = await s.layer.respond(s.ctx);
    const took = Date.now() - started;
    expect(r.meta).toMatchObject({ layer: "offline", fallbackReason: "turn_deadline" });
    expect(took).toBeLessThan(700 + 300);
    expect(model.requests.length).toBeLessThanOrEqual(3);
  });

  it("does not wait for a model that hangs past the deadline", async () => {
    const s = setup({ timeoutMs: 20_000, deadlineMs: 600 });
    model.play([], { kind: "hang" });
    const started = Date.now();
    const r = await s.layer.respond(s.ctx);
    expect(r.meta.fallbackReason).toBe("turn_deadline");
    expect(Date.now() - started).toBeLessThan(600 + 300);
    expect(s.offline.calls).toBe(1);
  });

  it("records nothing once the deadline has passed, even if the model answers later", async () => {
    const s = setup({ timeoutMs: 5000, deadlineMs: 300 });
    model.play([
      { kind: "reply", body: completion({ tools: [{ name: "make_offer", args: {} }] }), afterMs: 500 },
    ]);
    const r = await s.layer.respond(s.ctx);
    expect(r.meta.fallbackReason).toBe("turn_deadline");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(s.tb.offers).toEqual([]);
  });

  it("gives the rewrite only what is left of the turn's deadline", async () => {
    const s = setup({ timeoutMs: 5000, deadlineMs: 500 });
    model.play([{ kind: "reply", body: completion({ text: "Un huissier viendra." }), afterMs: 350 }], {
      kind: "hang",
    });
    const first = await s.layer.respond(s.ctx);
    expect(first.meta.layer).toBe("llm");
    const started = Date.now();
    const again = await s.layer.regenerate(s.ctx, first.text, ["huissier"]);
    expect(again.meta.fallbackReason).toBe("turn_deadline");
    expect(Date.now() - started).toBeLessThan(150 + 250);
  });

  it("honours Retry-After within the deadline", async () => {
    const s = setup({ timeoutMs: 2000, deadlineMs: 3000 });
    model.play([
      { kind: "status", code: 429, retryAfter: "1" },
      { kind: "reply", body: completion({ text: "Bonjour !" }) },
    ]);
    const r = await s.layer.respond(s.ctx);
    expect(r.text).toBe("Bonjour !");
    const [a, b] = model.requests;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("falls back at once when Retry-After would end past the deadline", async () => {
    const s = setup({ timeoutMs: 2000, deadlineMs: 2000 });
    model.play([{ kind: "status", code: 429, retryAfter: "30" }], {
      kind: "reply",
      body: completion({ text: "trop tard" }),
    });
    const started = Date.now();
    const r = await s.layer.respond(s.ctx);
    expect(r.meta.fallbackReason).toBe("http_429");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(model.requests).toHaveLength(1);
  });
});
