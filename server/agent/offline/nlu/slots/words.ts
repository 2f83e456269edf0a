// Small helpers the slot readers share: looking at words around a position.

import type { Token } from "../text/lexer.js";

export function wordAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t?.kind === "word" ? t.text : undefined;
}

// Phrases are split once and remembered: the slot readers call these in tight loops.
const SPLIT = new Map<string, readonly string[]>();
function parts(phrase: string): readonly string[] {
  let p = SPLIT.get(phrase);
  if (!p) {
    p = phrase.split(" ");
    SPLIT.set(phrase, p);
  }
  return p;
}

/** True when tokens from i spell the phrase (words separated by spaces; "/" matches the symbol). */
export function phraseAt(tokens: readonly Token[], i: number, phrase: string): boolean {
  const ps = parts(phrase);
  if (tokens[i]?.text !== ps[0]) return false;
  for (let k = 1; k < ps.length; k++) if (tokens[i + k]?.text !== ps[k]) return false;
  return true;
}

// A phrase list is indexed by first word once (lists are module constants).
const INDEX = new WeakMap<readonly string[], Map<string, string[]>>();
function indexOf(phrases: readonly string[]): Map<string, string[]> {
  let idx = INDEX.get(phrases);
  if (!idx) {
    idx = new Map();
    for (const p of phrases) {
      const first = parts(p)[0] as string;
      const list = idx.get(first);
      if (list) list.push(p);
      else idx.set(first, [p]);
    }
    INDEX.set(phrases, idx);
  }
  return idx;
}

/** The first phrase of the list found at i, and the index after it. */
export function matchPhrase(
  tokens: readonly Token[],
  i: number,
  phrases: readonly string[],
): { phrase: string; end: number } | null {
  const first = tokens[i]?.text;
  if (first === undefined) return null;
  for (const p of indexOf(phrases).get(first) ?? [])
    if (phraseAt(tokens, i, p)) return { phrase: p, end: i + parts(p).length };
  return null;
}

/** True when one of the phrases ends right before index i. */
export function phraseBefore(tokens: readonly Token[], i: number, phrases: readonly string[]): boolean {
  for (const p of phrases) {
    const n = parts(p).length;
    if (i - n >= 0 && phraseAt(tokens, i - n, p)) return true;
  }
  return false;
}

/** Integer value of a plain number token (no decimals), or undefined. */
export function intAt(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  if (t?.kind !== "num" || t.frac) return undefined;
  const v = Number(t.int);
  return Number.isSafeInteger(v) ? v : undefined;
}
