// The deletion index keeps hashes, not strings (fuzzy.ts). It must answer exactly as the plain
// index of strings it replaced: held here, as written before, as the reference, over the corpus's
// whole vocabulary, its words with typos and strings no one would type; and with a hash made to
// collide all the time, which proves that a collision only adds a candidate the distance refuses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCorpus, loadHoldout } from "../corpus/load.js";
import { deletions, editDistance, FuzzyIndex, fnv1a, maxEdits } from "./fuzzy.js";

/** The index of strings this replaced, kept as the reference. */
class StringIndex {
  private readonly byDeletion = new Map<string, string[]>();
  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      const max = maxEdits(k);
      if (max === 0) continue;
      for (const d of deletions(k, max)) {
        const list = this.byDeletion.get(d);
        if (list) list.push(k);
        else this.byDeletion.set(d, [k]);
      }
    }
  }
  lookup(word: string): string[] {
    if (word.length < 4 || word.length > 30) return [];
    const found = new Set<string>();
    for (const d of deletions(word, word.length >= 6 ? 2 : 1))
      for (const k of this.byDeletion.get(d) ?? [])
        if (!found.has(k) && editDistance(word, k, maxEdits(k)) <= maxEdits(k)) found.add(k);
    return [...found];
  }
}

const vocabulary = [
  ...new Set(
    [...loadCorpus("fr"), ...loadCorpus("en"), ...loadHoldout("fr"), ...loadHoldout("en")].flatMap((item) =>
      item.text
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 5),
    ),
  ),
].sort();

/** A keyword with one or two random edits (insert, delete, substitute, swap). */
const typo = fc
  .tuple(
    fc.constantFrom(...vocabulary),
    fc.array(fc.tuple(fc.nat(3), fc.nat(40), fc.constantFrom(..."abcdeéilnorstuz")), {
      minLength: 1,
      maxLength: 2,
    }),
  )
  .map(([word, edits]) =>
    edits.reduce((w, [kind, at, c]) => {
      const i = at % Math.max(1, w.length);
      if (kind === 0) return w.slice(0, i) + c + w.slice(i);
      if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
      if (kind === 2) return w.slice(0, i) + c + w.slice(i + 1);
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
    }, word),
  );

const sorted = (xs: string[]) => [...xs].sort();

describe("the deletion index of hashes", () => {
  const reference = new StringIndex(vocabulary);
  const index = new FuzzyIndex(vocabulary);

  it("covers a real vocabulary", () => {
    expect(vocabulary.length).toBeGreaterThan(1000);
  });

  it("answers every keyword and its typos as the index of strings did", () => {
    for (const w of vocabulary) expect(sorted(index.lookup(w)), w).toEqual(sorted(reference.lookup(w)));
    fc.assert(
      fc.property(typo, (w) => {
        expect(sorted(index.lookup(w))).toEqual(sorted(reference.lookup(w)));
      }),
      { numRuns: 3000 },
    );
  });

  it("answers any string as the index of strings did", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aeinrstuxyzé'-"), maxLength: 32 }), (w) => {
        expect(sorted(index.lookup(w))).toEqual(sorted(reference.lookup(w)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same answers when hashes collide all the time", () => {
    const colliding = new FuzzyIndex(vocabulary, (s) => fnv1a(s) & 0x3f);
    fc.assert(
      fc.property(typo, (w) => {
        expect(sorted(colliding.lookup(w))).toEqual(sorted(reference.lookup(w)));
      }),
      { numRuns: 300 },
    );
  });
});
