// Runs one compiled pattern against the message's tokens. Each token carries the set of
// pattern keys it satisfies (exact word, stem, typo-tolerant match: see vocabulary.ts),
// so matching is set membership. Gaps are lazy and bounded and a match never leaves its
// sentence, so the search stays small whatever the input. No closures on the hot path.

import type { Pattern } from "./pattern.js";

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

function step(
  p: Pattern,
  toks: readonly MatchToken[],
  sentence: number,
  used: number[],
  ei: number,
  ti: number,
): number {
  const el = p.elements[ei];
  if (!el) return ti;
  switch (el.kind) {
    case "start":
      return ti === 0 || toks[ti - 1]?.sentence !== sentence ? step(p, toks, sentence, used, ei + 1, ti) : -1;
    case "end":
      return ti >= toks.length || toks[ti]?.sentence !== sentence
        ? step(p, toks, sentence, used, ei + 1, ti)
        : -1;
    case "gap":
      for (let k = 0; k <= el.max; k++) {
        if (k > 0 && toks[ti + k - 1]?.sentence !== sentence) break;
        const r = step(p, toks, sentence, used, ei + 1, ti + k);
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
        const r = step(p, toks, sentence, used, ei + 1, ti + option.length);
        if (r >= 0) return r;
        used.length -= option.length;
      }
      return el.optional ? step(p, toks, sentence, used, ei + 1, ti) : -1;
    }
  }
}

export function matchAt(p: Pattern, toks: readonly MatchToken[], start: number): Match | null {
  const first = toks[start];
  if (!first) return null;
  const used: number[] = [];
  const end = step(p, toks, first.sentence, used, 0, start);
  if (end < 0 || used.length === 0) return null;
  // A leading optional word may have let the match begin before its first word.
  let realStart = used[0] as number;
  for (const u of used) if (u < realStart) realStart = u;
  return { start: realStart, end, used };
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
  for (let i = Math.max(0, m.start - NEGATION_LOOKBACK); i < m.end; i++) {
    const t = toks[i];
    if (!t?.negator || m.used.includes(i)) continue;
    if (i >= m.start || t.clause === clause) return true;
  }
  return false;
}
