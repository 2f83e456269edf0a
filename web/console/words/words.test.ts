// The French dictionary against its English keys: every placeholder of a sentence is kept (a lost
// {amount} would print an empty gap), and no entry is left empty or copied untranslated by mistake.
import { describe, expect, it } from "vitest";
import { PAGE_WORDS_FR } from "../words-fr.js";
import { CODES_DESK_TOOLS, FR_DESK_TOOLS } from "./fr-desk-tools.js";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("console words in French", () => {
  it("keeps every placeholder of each sentence", () => {
    const lost = Object.entries(PAGE_WORDS_FR).filter(
      ([en, fr]) => placeholders(en).join() !== placeholders(fr).join(),
    );
    expect(lost).toEqual([]);
  });

  it("spreads the desk tools' words into the console dictionary", () => {
    for (const [en, fr] of Object.entries(FR_DESK_TOOLS))
      expect(PAGE_WORDS_FR[en as keyof typeof PAGE_WORDS_FR]).toBe(fr);
  });

  it("names every code in both languages", () => {
    expect(Object.keys(CODES_DESK_TOOLS.fr).sort()).toEqual(Object.keys(CODES_DESK_TOOLS.en).sort());
    for (const value of Object.values(CODES_DESK_TOOLS.fr)) expect(value.trim()).not.toBe("");
  });
});
