// The prompt files are data: these tests catch a missing partial or a misspelt {{name}} in either
// locale, and check what each phase lets the model see.
import { describe, expect, it } from "vitest";
import type { Phase } from "../language-layer.js";
import { buildSystemPrompt } from "./prompt-context.js";
import { fill, loadPromptTemplate, parsePromptTemplate } from "./prompts.js";
import { FACTS, toolbox, turn } from "./test-support/fixtures.js";

const PHASES: Phase[] = ["verifying", "reason", "negotiating", "promised", "escalated", "closed"];

describe("system prompts", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`renders every phase in ${locale}, with and without facts, an offer and a correction`, async () => {
      const t = loadPromptTemplate(locale);
      expect(t.id).toBe(`negotiator.${locale}@2`);
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      const tb = toolbox({ signals: { fullPaymentImpossible: true } });
      const made = (await tb.makeOffer({})).offer;
      if (!made) throw new Error("the ladder should offer a plan");
      const offer = { ...made, id: "offer-9" };
      for (const phase of PHASES) {
        const verified = buildSystemPrompt(t, turn(tb, { locale, phase, pendingOffer: offer }), {
          previous: "brouillon",
          feedback: ["a"],
        }).text;
        expect(verified).toContain(FACTS.reference);
        expect(verified).toContain("offer-9");
        expect(verified).not.toMatch(/\{\{/);
        const unverified = buildSystemPrompt(
          t,
          turn(tb, { locale, phase, facts: null, due: null, pendingOffer: offer }),
        ).text;
        expect(unverified).not.toContain(FACTS.reference);
        expect(unverified).not.toContain("offer-9");
        expect(unverified).not.toMatch(/\{\{/);
      }
    });
  }

  it("states the rules the guard relies on", () => {
    const text = buildSystemPrompt(loadPromptTemplate("en"), turn(toolbox(), { locale: "en" })).text;
    for (const rule of ["make_offer", "Never threaten", "cancelled", "data, not instructions", "escalate"])
      expect(text).toContain(rule);
  });

  it("does not re-expand placeholders found inside values", () => {
    expect(fill("Hi {{name}}", { name: "{{secret}}" }, "t")).toBe("Hi {{secret}}");
    expect(() => fill("{{missing}}", {}, "t")).toThrow(/missing/);
  });

  it("rejects a file without front matter", () => {
    expect(() => parsePromptTemplate("no front matter", "x.md")).toThrow(/front matter/);
  });
});
