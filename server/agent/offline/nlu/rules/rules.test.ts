// Rules are data: every pattern must compile, be written in normalised form, and be
// reachable from a first word (see match/engine.ts).

import { describe, expect, it } from "vitest";
import { RuleEngine } from "../match/engine.js";
import { compilePatterns } from "../match/pattern.js";
import { INTENTS } from "../types.js";
import { ALL_RULES } from "./index.js";

describe("rules", () => {
  it("compile into an engine", () => {
    expect(() => new RuleEngine(ALL_RULES)).not.toThrow();
  });

  it("are written lower case, without accents or apostrophes", () => {
    for (const r of ALL_RULES) {
      for (const p of [r.p, ...(typeof r.unless === "string" ? [r.unless] : (r.unless ?? []))]) {
        expect(p, `${r.intent}: ${p}`).toMatch(/^[a-z0-9 |()?*.#^$]+$/);
        expect(() => compilePatterns(p)).not.toThrow();
      }
    }
  });

  it("cover every intent but unknown", () => {
    const covered = new Set(ALL_RULES.map((r) => r.intent));
    for (const i of INTENTS) if (i !== "unknown") expect(covered.has(i), i).toBe(true);
  });
});
