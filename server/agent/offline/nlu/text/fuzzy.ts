// Typo tolerance. A keyword of 5-7 letters accepts one edit, 8 or more letters two edits
// (insert, delete, substitute, or swap two neighbours). Candidates come from a
// deletion index (the SymSpell idea): a word and its misspelling share a string obtained
// by deleting at most `max` letters from each, so a lookup costs a few dozen map probes
// instead of a distance computation against every keyword. The index keeps a 32-bit hash of
// each deletion, not the string: about 190,000 deletions of the NLU's keywords took 7.4 MB
// of heap as a Map of strings to arrays, and take 1.5 MB as two sorted typed arrays. A hash
// collision only adds a candidate, which the distance check then refuses.

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/** Edits a keyword tolerates, from its length. */
export function maxEdits(keyword: string): number {
  if (keyword.length >= 8) return 2;
  if (keyword.length >= 5) return 1;
  return 0;
}

/** Every string obtained by deleting up to `depth` characters (the word itself included). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** FNV-1a over the string's UTF-16 code units: the index's key for a deletion. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Keyword numbers fit in 21 bits, so that a hash and a number pack exactly into one double. */
const OWNER_BITS = 2 ** 21;

/** Deletion index over a fixed keyword list. */
export class FuzzyIndex {
  private readonly keywords: string[];
  /** Hashes of every deletion of every keyword, ascending. */
  private readonly hashes: Uint32Array;
  /** The keyword (its number in `keywords`) each hash comes from, in the same order. */
  private readonly owners: Uint32Array;

  /** `hash` is replaceable for tests, which prove that collisions change no answer. */
  constructor(
    keywords: Iterable<string>,
    private readonly hash: (s: string) => number = fnv1a,
  ) {
    this.keywords = [...new Set(keywords)].filter((k) => maxEdits(k) > 0);
    if (this.keywords.length >= OWNER_BITS) throw new Error(`too many keywords: ${this.keywords.length}`);
    // hash × 2^21 + keyword number stays below 2^53: one native numeric sort orders by hash, then
    // by keyword, with no comparator call.
    const packed: number[] = [];
    this.keywords.forEach((k, owner) => {
      for (const d of deletions(k, maxEdits(k))) packed.push(this.hash(d) * OWNER_BITS + owner);
    });
    const sorted = Float64Array.from(packed).sort();
    this.hashes = new Uint32Array(sorted.length);
    this.owners = new Uint32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i] as number;
      this.hashes[i] = Math.floor(v / OWNER_BITS);
      this.owners[i] = v % OWNER_BITS;
    }
  }

  /** The first position whose hash is at least `h`. */
  private lowerBound(h: number): number {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.hashes[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keywords within their own edit budget of `word`. */
  lookup(word: string): string[] {
    if (word.length < 4 || word.length > 30) return [];
    const found = new Set<string>();
    const tried = new Set<number>();
    for (const d of deletions(word, word.length >= 6 ? 2 : 1)) {
      const h = this.hash(d);
      for (let i = this.lowerBound(h); i < this.hashes.length && this.hashes[i] === h; i++) {
        const owner = this.owners[i] as number;
        if (tried.has(owner)) continue;
        tried.add(owner);
        const k = this.keywords[owner] as string;
        if (editDistance(word, k, maxEdits(k)) <= maxEdits(k)) found.add(k);
      }
    }
    return [...found];
  }
}
