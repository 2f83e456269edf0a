// Which pattern keys a typed word satisfies: the word itself, every stem it starts with,
// and, for a word that is not itself a known word, keywords and stems within typo
// distance (see fuzzy.ts). Results are memoised per word: chat vocabularies repeat a lot.

import { COMMON_WORDS } from "../text/common-words.js";
import { editDistance, FuzzyIndex } from "../text/fuzzy.js";

const CACHE_LIMIT = 20_000;

export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly wordIndex: FuzzyIndex;
  private readonly stemIndex: FuzzyIndex;
  private readonly stemLengths: number[];
  private readonly cache = new Map<string, ReadonlySet<string>>();

  constructor(keys: Iterable<string>) {
    for (const k of keys) {
      if (k.startsWith("w:")) this.words.add(k.slice(2));
      else if (k.startsWith("s:")) this.stems.add(k.slice(2));
    }
    this.wordIndex = new FuzzyIndex([...this.words].filter((w) => w.length >= 5 && !/\d/.test(w)));
    // Stems get one edit at most whatever their length: a stem is already a partial word.
    const fuzzyStems = [...this.stems].filter((s) => s.length >= 5 && s.length <= 7);
    this.stemIndex = new FuzzyIndex(fuzzyStems);
    this.stemLengths = [...new Set(fuzzyStems.map((s) => s.length))].sort((a, b) => a - b);
  }

  /** Keys ("w:…", "s:…") the word satisfies. */
  keysFor(word: string): ReadonlySet<string> {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const keys = this.compute(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, keys);
    return keys;
  }

  private compute(word: string): ReadonlySet<string> {
    const keys = new Set<string>();
    if (this.words.has(word)) keys.add(`w:${word}`);
    for (let n = 1; n <= word.length; n++) {
      const prefix = word.slice(0, n);
      if (this.stems.has(prefix)) keys.add(`s:${prefix}`);
    }
    // A word that is spelled right (a keyword, a stem form or a frequent word) is taken as
    // typed: "argent" must not become "agent".
    if (keys.size > 0 || COMMON_WORDS.has(word) || word.length < 4 || /\d/.test(word)) return keys;
    for (const w of this.wordIndex.lookup(word)) keys.add(`w:${w}`);
    for (const len of this.stemLengths) {
      for (const n of [len - 1, len, len + 1]) {
        if (n > word.length || n < 4) continue;
        const prefix = word.slice(0, n);
        for (const s of this.stemIndex.lookup(prefix)) {
          if (s.length === len && editDistance(prefix, s, 1) <= 1) keys.add(`s:${s}`);
        }
      }
    }
    return keys;
  }
}
