// Typo tolerance. A keyword of 5-7 letters accepts one edit, 8 or more letters two edits
// (insert, delete, substitute, or swap two neighbours). Candidates come from a
// deletion index (the SymSpell idea): a word and its misspelling share a string obtained
// by deleting at most `max` letters from each, so a lookup costs a few dozen map probes
// instead of a distance computation against every keyword.

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

/** Deletion index over a fixed keyword list. */
export class FuzzyIndex {
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

  /** Keywords within their own edit budget of `word`. */
  lookup(word: string): string[] {
    if (word.length < 4 || word.length > 30) return [];
    const found = new Set<string>();
    for (const d of deletions(word, word.length >= 6 ? 2 : 1)) {
      for (const k of this.byDeletion.get(d) ?? []) {
        if (!found.has(k) && editDistance(word, k, maxEdits(k)) <= maxEdits(k)) found.add(k);
      }
    }
    return [...found];
  }
}
