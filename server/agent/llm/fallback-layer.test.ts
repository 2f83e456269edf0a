// FallbackLanguageLayer on its own, with stand-in layers: which layer answers, and what the
// transcript is told.
import { describe, expect, it } from "vitest";
import type { LanguageLayer, TurnContext, TurnResult } from "../language-layer.js";
import { LlmFailure } from "./errors.js";
import { FallbackLanguageLayer } from "./fallback-layer.js";
import { FixedLayer, toolbox, turn } from "./test-support/fixtures.js";

const ok: TurnResult = { text: "réponse du modèle", meta: { layer: "llm", model: "m" } };

function primary(o: {
  respond?: () => Promise<TurnResult>;
  regenerate?: LanguageLayer["regenerate"];
}): LanguageLayer {
  return {
    name: "llm",
    respond: o.respond ?? (async () => ok),
    ...(o.regenerate ? { regenerate: o.regenerate } : {}),
  };
}

const ctx = (): TurnContext => turn(toolbox());

describe("FallbackLanguageLayer", () => {
  it("returns the primary's answer untouched when it succeeds", async () => {
    const offline = new FixedLayer();
    const layer = new FallbackLanguageLayer(primary({}), offline);
    expect(await layer.respond(ctx())).toBe(ok);
    expect(offline.calls).toBe(0);
    expect(layer.name).toBe("llm");
  });

  it("answers with the fallback and the failure's reason code", async () => {
    const seen: unknown[] = [];
    const failure = new LlmFailure("timeout", "slow");
    const layer = new FallbackLanguageLayer(
      primary({ respond: () => Promise.reject(failure) }),
      new FixedLayer("hors ligne"),
      (e) => seen.push(e),
    );
    expect(await layer.respond(ctx())).toEqual({
      text: "hors ligne",
      meta: { layer: "offline", fallbackReason: "timeout" },
    });
    expect(seen).toEqual([failure]);
  });

  it("codes any other error as unexpected_error, without its message", async () => {
    const layer = new FallbackLanguageLayer(
      primary({ respond: () => Promise.reject(new Error("db down")) }),
      new FixedLayer(),
    );
    expect((await layer.respond(ctx())).meta.fallbackReason).toBe("unexpected_error");
  });

  it("delegates regenerate to the primary with the guard's feedback", async () => {
    const calls: unknown[] = [];
    const layer = new FallbackLanguageLayer(
      primary({
        regenerate: async (_c, previous, feedback) => {
          calls.push([previous, feedback]);
          return { ...ok, text: "réécrit" };
        },
      }),
      new FixedLayer(),
    );
    expect((await layer.regenerate(ctx(), "avant", ["huissier"])).text).toBe("réécrit");
    expect(calls).toEqual([["avant", ["huissier"]]]);
  });

  it("answers a regeneration with the fallback when the primary fails it or cannot regenerate", async () => {
    const failing = new FallbackLanguageLayer(
      primary({ regenerate: () => Promise.reject(new LlmFailure("http_5xx", "x")) }),
      new FixedLayer(),
    );
    expect((await failing.regenerate(ctx(), "avant", ["x"])).meta.fallbackReason).toBe("http_5xx");
    const noRegen = new FallbackLanguageLayer(primary({}), new FixedLayer());
    expect((await noRegen.regenerate(ctx(), "avant", ["x"])).meta.fallbackReason).toBe("no_regenerate");
  });
});
