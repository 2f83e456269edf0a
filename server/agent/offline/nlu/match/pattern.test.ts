import { describe, expect, it } from "vitest";
import { prepare } from "../text/prepare.js";
import { isNegated, type MatchToken, matchAt } from "./matcher.js";
import { compilePattern, compilePatterns } from "./pattern.js";
import { Vocabulary } from "./vocabulary.js";

function tokens(text: string, keys: string[]): MatchToken[] {
  const vocab = new Vocabulary(keys);
  const prep = prepare(text);
  return prep.words.map((t, i) => ({
    keys: t.kind === "num" ? new Set(["#"]) : vocab.keysFor(t.text),
    sentence: t.sentence,
    clause: t.clause,
    negator: prep.negators[i] ?? false,
  }));
}

function find(pattern: string, text: string) {
  const ps = compilePatterns(pattern);
  const keys = ps.flatMap((p) => p.elements.flatMap((e) => (e.kind === "alt" ? e.options.flat() : [])));
  const toks = tokens(text, keys);
  for (const p of ps)
    for (let i = 0; i < toks.length; i++) {
      const m = matchAt(p, toks, i);
      if (m) return { m, toks };
    }
  return null;
}

describe("pattern language", () => {
  it("compiles words, stems, choices, optional parts, gaps, anchors and numbers", () => {
    const p = compilePattern("^ (je|j)? (peux|pourrais) ..2 pay* (en|sur) # fois $");
    expect(p.elements.map((e) => e.kind)).toEqual([
      "start",
      "alt",
      "alt",
      "gap",
      "alt",
      "alt",
      "alt",
      "alt",
      "end",
    ]);
    expect(p.firstKeys).toEqual(["w:je", "w:j", "w:peux", "w:pourrais"]);
  });

  it("splits a top-level choice of phrases into patterns", () => {
    expect(compilePatterns("opt out|unsubscribe|cease and desist")).toHaveLength(3);
    expect(compilePatterns("(opt out|unsubscribe) now")).toHaveLength(1);
  });

  it("rejects malformed patterns", () => {
    expect(() => compilePattern("(a|b")).toThrow();
    expect(() => compilePattern("a? ..3")).toThrow();
    expect(() => compilePattern("É")).toThrow();
  });

  it("matches with lazy gaps inside one sentence", () => {
    expect(find("pay* ..2 (tout|totalite)", "je vais payer vraiment tout")).not.toBeNull();
    expect(find("pay* ..2 (tout|totalite)", "je vais payer. Tout va bien")).toBeNull();
    expect(find("^ stop $", "stop")).not.toBeNull();
    expect(find("^ stop $", "stop calling")).toBeNull();
    expect(find("payer en # fois", "payer en 3 fois")).not.toBeNull();
  });

  it("tolerates typos on long keywords", () => {
    expect(find("echeancier", "un echancier")).not.toBeNull();
    expect(find("payment plan", "paymnet plan")).not.toBeNull();
    expect(find("plan", "plam")).toBeNull();
  });

  it("sees a negation before or inside a match, not across a clause", () => {
    const neg = find("peux ..2 payer", "je ne peux pas payer");
    expect(neg && isNegated(neg.m, neg.toks)).toBe(true);
    const other = find("peux ..2 payer", "je ne sais pas, mais je peux payer");
    expect(other && isNegated(other.m, other.toks)).toBe(false);
  });
});
