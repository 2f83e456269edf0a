// Small helpers the slot readers share: looking at words around a position.

import type { Token } from "../text/lexer.js";

export function wordAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  return t?.kind === "word" ? t.text : undefined;
}

/** True when tokens from i spell the phrase (words separated by spaces; "/" matches the symbol). */
export function phraseAt(tokens: readonly Token[], i: number, phrase: string): boolean {
  const parts = phrase.split(" ");
  return parts.every((p, k) => tokens[i + k]?.text === p);
}

/** The first phrase of the list found at i, and the index after it. */
export function matchPhrase(tokens: readonly Token[], i: number, phrases: readonly string[]): { phrase: string; end: number } | null {
  for (const p of phrases) if (phraseAt(tokens, i, p)) return { phrase: p, end: i + p.split(" ").length };
  return null;
}

/** True when one of the phrases ends right before index i. */
export function phraseBefore(tokens: readonly Token[], i: number, phrases: readonly string[]): boolean {
  return phrases.some((p) => {
    const n = p.split(" ").length;
    return i - n >= 0 && phraseAt(tokens, i - n, p);
  });
}

/** Integer value of a plain number token (no decimals), or undefined. */
export function intAt(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  if (t?.kind !== "num" || t.frac) return undefined;
  const v = Number(t.int);
  return Number.isSafeInteger(v) ? v : undefined;
}
