// Percentages: "50%", "50 pour cent", "30 percent", and the fractions people say
// instead: "la moitié", "half off", "un tiers", "a quarter".

import type { Token } from "../text/lexer.js";
import { matchPhrase, phraseAt, phraseBefore, wordAt } from "./words.js";

const PERCENT_WORDS = ["%", "pour cent", "pourcent", "pourcents", "percent", "per cent", "pct"];

// biome-ignore format: a table reads better in rows
const FRACTIONS: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  // phrase, value, words that must come right before it (empty: none needed)
  ["moitie", 50, ["la", "une", "de", "a", "ma", "par"]],
  ["half", 50, []],
  ["trois quarts", 75, []], ["three quarters", 75, []],
  ["tiers", 33, ["un", "le", "du"]], ["third", 33, ["a", "one"]],
  ["quart", 25, ["un", "le", "du"]], ["quarter", 25, ["a", "one"]],
];
/** "half past two", "half an hour", "a quarter to": time, not money. */
const NOT_AFTER_FRACTION = new Set([
  "past",
  "an",
  "hour",
  "hours",
  "heure",
  "heures",
  "to",
  "d",
  "of an",
  "time",
  "term",
  "year",
]);

/** The first percentage in the text; marks its tokens consumed. */
export function readPercent(tokens: readonly Token[], consumed: Set<number>): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const t = tokens[i] as Token;
    if (t.kind === "num" && !t.suffix) {
      const unit = matchPhrase(tokens, i + 1, PERCENT_WORDS);
      if (!unit) continue;
      const value = Math.round(Number(`${t.int}.${t.frac || "0"}`));
      if (value < 0 || value > 100) continue;
      for (let k = i; k < unit.end; k++) consumed.add(k);
      return value;
    }
    for (const [phrase, value, before] of FRACTIONS) {
      if (!phraseAt(tokens, i, phrase)) continue;
      const m = { end: i + phrase.split(" ").length };
      if (before.length > 0 && !phraseBefore(tokens, i, before)) continue;
      if (NOT_AFTER_FRACTION.has(wordAt(tokens, m.end) ?? "")) continue;
      for (let k = i; k < m.end; k++) consumed.add(k);
      return value;
    }
  }
  return undefined;
}
