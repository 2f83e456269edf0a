import { describe, expect, it } from "vitest";
import { lex } from "../text/lexer.js";
import { readWordNumber } from "./number-words.js";

const value = (text: string) => readWordNumber(lex(text), 0)?.value;

describe("numbers in words", () => {
  it.each([
    ["vingt et un", 21],
    ["quatre vingt", 80],
    ["quatre vingt dix neuf", 99],
    ["soixante et onze", 71],
    ["soixante dix sept", 77],
    ["cent", 100],
    ["trois cents", 300],
    ["deux cent cinquante", 250],
    ["mille deux cents", 1200],
    ["deux mille cinq cents", 2500],
    ["septante", 70],
    ["a hundred", 100],
    ["two hundred and fifty", 250],
    ["one thousand two hundred", 1200],
    ["five grand", 5000],
    ["ninety nine", 99],
  ] as const)("%s = %i", (text, n) => {
    expect(value(text)).toBe(n);
  });

  it("stops at the first word that does not continue the number", () => {
    expect(value("deux trois jours")).toBe(2);
    expect(value("grand merci")).toBeUndefined();
  });
});
