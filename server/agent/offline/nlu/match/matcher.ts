// Runs one compiled pattern against the message's tokens. Each token carries the set of
// pattern keys it satisfies (exact word, stem, typo-tolerant match: see vocabulary.ts),
// so matching is set membership. Gaps are lazy and bounded and a match never leaves its
// sentence, so the search stays small whatever the input.

import type { Element, Pattern } from "./pattern.js";

export interface MatchToken {
  keys: ReadonlySet<string>;
  sentence: number;
  clause: number;
  negator: boolean;
}

export interface Match {
  start: number;
  /** Exclusive. */
  end: number;
  /** Indices of the tokens the pattern's words consumed (gaps excluded). */
  used: number[];
}

export function matchAt(p: Pattern, toks: readonly MatchToken[], start: number): Match | null {
  const first = toks[start];
  if (!first) return null;
  const sentence = first.sentence;
  const used: number[] = [];
  const inSentence = (i: number) => toks[i]?.sentence === sentence;

  const step = (ei: number, ti: number): number => {
    const el: Element | undefined = p.elements[ei];
    if (!el) return ti;
    switch (el.kind) {
      case "start":
        return ti === 0 || toks[ti - 1]?.sentence !== sentence ? step(ei + 1, ti) : -1;
      case "end":
        return ti >= toks.length || !inSentence(ti) ? step(ei + 1, ti) : -1;
      case "gap":
        for (let k = 0; k <= el.max; k++) {
          if (k > 0 && !inSentence(ti + k - 1)) break;
          const r = step(ei + 1, ti + k);
          if (r >= 0) return r;
        }
        return -1;
      case "alt": {
        for (const option of el.options) {
          let ok = true;
          for (let j = 0; j < option.length; j++) {
            const t = toks[ti + j];
            if (!t || t.sentence !== sentence || !t.keys.has(option[j] as string)) {
              ok = false;
              break;
            }
          }
          if (!ok) continue;
          for (let j = 0; j < option.length; j++) used.push(ti + j);
          const r = step(ei + 1, ti + option.length);
          if (r >= 0) return r;
          used.length -= option.length;
        }
        return el.optional ? step(ei + 1, ti) : -1;
      }
    }
  };

  const end = step(0, start);
  if (end < 0 || used.length === 0) return null;
  // A leading optional word or gap may have let the match begin before its first word.
  const realStart = Math.min(...used);
  return { start: realStart, end, used: [...used] };
}

/** First match anywhere in the tokens. */
export function findMatch(p: Pattern, toks: readonly MatchToken[]): Match | null {
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(p, toks, i);
    if (m) return m;
  }
  return null;
}

/** Window before a match that a negation word reaches back over ("je ne peux pas payer"). */
const NEGATION_LOOKBACK = 4;

/** True when a negation word sits in the match's gaps or just before it, in the same clause. */
export function isNegated(m: Match, toks: readonly MatchToken[]): boolean {
  const clause = toks[m.start]?.clause;
  const used = new Set(m.used);
  for (let i = Math.max(0, m.start - NEGATION_LOOKBACK); i < m.end; i++) {
    const t = toks[i];
    if (!t || !t.negator || used.has(i)) continue;
    if (i >= m.start || t.clause === clause) return true;
  }
  return false;
}
