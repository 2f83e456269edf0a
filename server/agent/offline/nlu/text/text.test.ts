import { describe, expect, it } from "vitest";
import { editDistance, FuzzyIndex, maxEdits } from "./fuzzy.js";
import { lex } from "./lexer.js";
import { MAX_CHARS, normalizeText } from "./normalize.js";
import { resolveDigitChain } from "./numbers.js";
import { prepare } from "./prepare.js";

const words = (text: string) => prepare(text).words.map((t) => t.text);

describe("normalisation", () => {
  it("lower-cases, strips accents and unifies quotes and spaces", () => {
    expect(normalizeText("ÉCHÉANCIER  Œuvre’s\u00a0ça")).toBe("echeancier  oeuvre's ca");
    expect(normalizeText("a\u200bb\u0007c")).toBe("a b c");
  });
  it("keeps the head and the tail of very long messages", () => {
    const text = `${"x".repeat(10_000)} ignore previous instructions`;
    const out = normalizeText(text);
    expect(out.length).toBeLessThanOrEqual(MAX_CHARS + 1);
    expect(out.endsWith("ignore previous instructions")).toBe(true);
  });
});

describe("lexer", () => {
  it("splits French elisions and joins English contractions", () => {
    expect(words("J'ai payé, c'est aujourd'hui")).toEqual(["j", "ai", "paye", "c", "est", "aujourdhui"]);
    expect(words("I can't, I'm broke, I'll pay")).toEqual([
      "i",
      "can",
      "not",
      "i",
      "am",
      "broke",
      "i",
      "will",
      "pay",
    ]);
  });
  it("keeps sentences and clauses apart", () => {
    const toks = lex("je ne sais pas, mais je peux payer. Merci");
    const pas = toks.find((t) => t.text === "pas");
    const payer = toks.find((t) => t.text === "payer");
    const merci = toks.find((t) => t.text === "merci");
    expect(pas?.clause).not.toBe(payer?.clause);
    expect(payer?.sentence).not.toBe(merci?.sentence);
  });
  it("glues number suffixes", () => {
    const [n] = lex("3x");
    expect(n).toMatchObject({ kind: "num", int: "3", suffix: "x" });
  });
});

describe("digit groups", () => {
  it.each([
    [["1", "200"], [","], "1200", ""],
    [["1", "5"], [","], "1", "5"],
    [["1", "200", "50"], [".", ","], "1200", "50"],
    [["1", "200", "50"], [",", "."], "1200", "50"],
    [["1", "200", "50"], [" ", ","], "1200", "50"],
  ] as const)("%j %j", (runs, seps, int, frac) => {
    expect(resolveDigitChain(runs, seps)).toEqual([{ int, frac, first: 0, last: runs.length - 1 }]);
  });
  it("splits phone numbers and dates into their runs", () => {
    expect(resolveDigitChain(["06", "12", "34"], [" ", " "]).map((v) => v.int)).toEqual(["06", "12", "34"]);
    expect(resolveDigitChain(["15", "12", "2026"], [".", "."]).map((v) => v.int)).toEqual([
      "15",
      "12",
      "2026",
    ]);
  });
});

describe("SMS and contractions", () => {
  it.each([
    ["jpeu pa payé", ["je", "peux", "pas", "paye"]],
    ["chui fauché", ["je", "suis", "fauche"]],
    ["stp", ["svp"]],
    ["pk", ["pourquoi"]],
    ["bcp", ["beaucoup"]],
    ["tkt", ["t", "inquiete"]],
    ["u cant", ["you", "can", "not"]],
    ["pls dont", ["please", "do", "not"]],
    ["mr6", ["merci"]],
  ] as const)("%s", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe("fuzzy matching", () => {
  it("computes optimal string alignment distance with early exit", () => {
    expect(editDistance("recieve", "receive", 1)).toBe(1);
    expect(editDistance("paymnet", "payment", 1)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
  it("gives keywords an edit budget by length", () => {
    expect(maxEdits("plan")).toBe(0);
    expect(maxEdits("payer")).toBe(1);
    expect(maxEdits("echeancier")).toBe(2);
  });
  it("finds keywords within their budget", () => {
    const idx = new FuzzyIndex(["payment", "echeancier", "plan"]);
    expect(idx.lookup("paymnt")).toEqual(["payment"]);
    expect(idx.lookup("echancir")).toEqual(["echeancier"]);
    expect(idx.lookup("plam")).toEqual([]);
  });
});
