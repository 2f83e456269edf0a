// Which pattern keys a typed word satisfies: the word itself, every stem it starts with,
// and, for a word that is not itself a known word, keywords and stems within typo
// distance (see fuzzy.ts). Results are memoised per word: chat vocabularies repeat a lot.

import { COMMON_WORDS } from "../text/common-words.js";
import { FuzzyIndex } from "../text/fuzzy.js";

const CACHE_LIMIT = 20_000;

export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly wordIndex: FuzzyIndex;
  private readonly cache = new Map<string, ReadonlySet<string>>();

  /** `exactKeys`: keys of rules that refuse typo tolerance (see Rule.exact). */
  constructor(keys: Iterable<string>, exactKeys: Iterable<string> = []) {
    for (const k of keys) {
      if (k.startsWith("w:")) this.words.add(k.slice(2));
      else if (k.startsWith("s:")) this.stems.add(k.slice(2));
    }
    const fuzzy = [...this.words].filter((w) => w.length >= 5 && !/\d/.test(w));
    for (const k of exactKeys) {
      if (k.startsWith("w:")) this.words.add(k.slice(2));
      else if (k.startsWith("s:")) this.stems.add(k.slice(2));
    }
    this.wordIndex = new FuzzyIndex(fuzzy);
    // Stems are not typo-tolerant: a stem already stands for many words, and fuzzy prefixes
    // of long words collide with real words far too often ("dépriserai" is not "déprimé").
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
    // A word spelled right (a keyword or a frequent word) is taken as typed: "argent" must
    // not become "agent". A stem match alone does not vouch for the spelling ("paymnet").
    if (this.words.has(word) || COMMON_WORDS.has(word) || word.length < 4 || /\d/.test(word)) return keys;
    for (const w of this.wordIndex.lookup(word)) if (plausibleTypo(word, w)) keys.add(`w:${w}`);
    return keys;
  }
}

/** Endings that turn a keyword into another real word rather than a typo ("persona" + "l"). */
const INFLECTIONS = new Set(["s", "d", "e", "x"]);
/** Verb and adjective endings: "utiliser" and "utilisée" are two forms, not a typo of one another. */
const ENDINGS = new Set([
  "",
  "e",
  "s",
  "r",
  "z",
  "d",
  "er",
  "ez",
  "ee",
  "es",
  "ed",
  "ai",
  "ait",
  "ent",
  "ons",
  "ing",
]);

function otherForm(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 4 && ENDINGS.has(a.slice(k)) && ENDINGS.has(b.slice(k));
}

/**
 * Typos seldom touch the first letters, and a keyword plus one letter at the end is more
 * often a different word than a slip of the finger: "cents" is not "cunts", "chats" not
 * "achats", "personal" not "persona"; "paymnet", "speek", "echancier" still pass.
 */
export function plausibleTypo(typed: string, keyword: string): boolean {
  const sameStart = typed.slice(0, 2) === keyword.slice(0, 2);
  const swappedStart = typed[0] === keyword[1] && typed[1] === keyword[0];
  if (!sameStart && !swappedStart) return false;
  if (typed.length === keyword.length + 1 && typed.startsWith(keyword))
    return INFLECTIONS.has(typed.slice(-1));
  return !otherForm(typed, keyword);
}
