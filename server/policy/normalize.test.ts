// tokenize takes a slice of the text for a plain a-z word and builds the others letter by letter:
// both paths must give what the letter-by-letter reading alone gives, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldChar, type Token, tokenize } from "./normalize.js";

const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/u;

/** The reading without the plain-word shortcut, written apart from the one under test. */
function reference(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let start = -1;
  let letters = "";
  let folded = "";
  const flush = (end: number) => {
    if (start >= 0 && letters !== "" && folded !== "") tokens.push({ text: folded, start, end });
    start = -1;
    letters = "";
    folded = "";
  };
  for (const ch of text) {
    if (INVISIBLE.test(ch)) {
      offset += ch.length;
      continue;
    }
    if (/[\p{L}\p{N}@$\p{M}]/u.test(ch) || foldChar(ch) !== "") {
      if (start < 0) start = offset;
      const f = foldChar(ch);
      letters += f;
      folded += f || LEET[ch] || "";
    } else flush(offset);
    offset += ch.length;
  }
  flush(offset);
  return tokens;
}

describe("tokenize", () => {
  const piece = fc.constantFrom(
    "huissier",
    "Huissier",
    "h.u.i.s.s.i.e.r",
    "hu\u200bissier",
    "hu1ss1er",
    "b@iliff",
    "$eizure",
    "300",
    "$500",
    "échéance",
    "cœur",
    "аbc",
    " ",
    "  ",
    "\n",
    ",",
    "'",
    "-",
    "\u00ad",
    "x",
    "z9",
    "9z",
    "€",
    "😀a",
    "a😀",
  );
  it("gives the letter-by-letter reading on any mix of plain words, accents, leetspeak and invisible characters", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ maxLength: 20 }), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(tokenize(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
  it("keeps offsets into the original text", () => {
    expect(tokenize("Le huissier, hu\u200bissier")).toEqual([
      { text: "le", start: 0, end: 2 },
      { text: "huissier", start: 3, end: 11 },
      { text: "huissier", start: 13, end: 22 },
    ]);
  });
});
