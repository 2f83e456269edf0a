// Runs every rule over a prepared message. Rules are compiled once; an index from first
// word to rules means each token only tries the rules that can start on it.

import type { Rule } from "../rules/rule.js";
import type { Prepared } from "../text/prepare.js";
import type { Intent } from "../types.js";
import { findMatch, isNegated, type MatchToken, matchAt } from "./matcher.js";
import { compilePatterns, type Pattern, patternKeys } from "./pattern.js";
import { Vocabulary } from "./vocabulary.js";

export interface Hit {
  intent: Intent;
  weight: number;
  rule: Rule;
  /** True when the rule matched under a negation and `intent` is its `neg` intent. */
  negated: boolean;
}

interface Compiled {
  rule: Rule;
  pattern: Pattern;
  unless: Pattern[];
  /** For each required element, the keys one of which the message must hold somewhere. */
  required: string[][];
}

function requiredKeys(p: Pattern): string[][] {
  const out: string[][] = [];
  for (const e of p.elements)
    if (e.kind === "alt" && !e.optional) out.push(e.options.map((o) => o[0] as string));
  return out;
}

export class RuleEngine {
  private readonly compiled: Compiled[];
  private readonly byFirstKey = new Map<string, number[]>();
  readonly vocabulary: Vocabulary;

  constructor(rules: readonly Rule[]) {
    this.compiled = rules.flatMap((rule) => {
      const unless =
        rule.unless === undefined ? [] : typeof rule.unless === "string" ? [rule.unless] : rule.unless;
      try {
        const unlessPatterns = unless.flatMap(compilePatterns);
        return compilePatterns(rule.p).map((pattern) => ({
          rule,
          pattern,
          unless: unlessPatterns,
          required: requiredKeys(pattern),
        }));
      } catch (e) {
        throw new SyntaxError(`rule ${rule.intent} "${rule.p}": ${(e as Error).message}`);
      }
    });
    const keys: string[] = [];
    const exactKeys: string[] = [];
    this.compiled.forEach((c, i) => {
      (c.rule.exact ? exactKeys : keys).push(...patternKeys(c.pattern));
      for (const u of c.unless) keys.push(...patternKeys(u));
      // Patterns that may start anywhere (a leading gap) are refused: they would be tried at every token.
      if (c.pattern.firstKeys === null)
        throw new SyntaxError(`rule ${c.rule.intent} "${c.rule.p}" has no first word`);
      for (const k of new Set(c.pattern.firstKeys)) {
        const list = this.byFirstKey.get(k);
        if (list) list.push(i);
        else this.byFirstKey.set(k, [i]);
      }
    });
    this.vocabulary = new Vocabulary(keys, exactKeys);
  }

  /** Tokens as the matcher sees them: pattern keys, sentence, clause, negation flag. */
  matchTokens(prep: Prepared): MatchToken[] {
    return prep.words.map((t, i) => ({
      keys: t.kind === "num" ? NUM_KEYS : this.vocabulary.keysFor(t.text),
      sentence: t.sentence,
      clause: t.clause,
      negator: prep.negators[i] ?? false,
    }));
  }

  run(toks: readonly MatchToken[]): Hit[] {
    const n = this.compiled.length;
    // Per rule: 0 not tried yet, 1 matched, 2 matched only under negation, 3 cannot match.
    const state = new Uint8Array(n);
    // A rule whose required words are not all in the message cannot match: skip it cheaply.
    const present = new Set<string>();
    for (const t of toks) for (const k of t.keys) present.add(k);
    const viable = new Uint8Array(n); // 0 unknown, 1 yes, 2 no
    for (let t = 0; t < toks.length; t++) {
      for (const k of (toks[t] as MatchToken).keys) {
        const list = this.byFirstKey.get(k);
        if (!list) continue;
        for (const i of list) {
          if (state[i] === 1 || state[i] === 3) continue;
          const c = this.compiled[i] as Compiled;
          if (viable[i] === 0)
            viable[i] = c.required.every((keys) => keys.some((key) => present.has(key))) ? 1 : 2;
          if (viable[i] === 2) {
            state[i] = 3;
            continue;
          }
          const m = matchAt(c.pattern, toks, t);
          if (!m) continue;
          state[i] = c.rule.neg !== undefined && isNegated(m, toks) ? 2 : 1;
        }
      }
    }
    const positive: number[] = [];
    const negative: number[] = [];
    for (let i = 0; i < n; i++) {
      if (state[i] === 1) positive.push(i);
      else if (state[i] === 2) negative.push(i);
    }
    const hits: Hit[] = [];
    const cancelled = (c: Compiled) => c.unless.some((u) => findMatch(u, toks) !== null);
    // A rule written as several phrases counts once.
    const seen = new Set<Rule>();
    for (const i of positive) {
      const c = this.compiled[i] as Compiled;
      if (seen.has(c.rule) || cancelled(c)) continue;
      seen.add(c.rule);
      hits.push({ intent: c.rule.intent, weight: c.rule.w ?? 1, rule: c.rule, negated: false });
    }
    for (const i of negative) {
      const c = this.compiled[i] as Compiled;
      if (seen.has(c.rule) || c.rule.neg === undefined || c.rule.neg === "drop" || cancelled(c)) continue;
      seen.add(c.rule);
      // "je ne peux pas payer" is as clear a statement as any strong phrase.
      hits.push({ intent: c.rule.neg, weight: Math.max(c.rule.w ?? 1, 0.9), rule: c.rule, negated: true });
    }
    return hits;
  }
}

const NUM_KEYS: ReadonlySet<string> = new Set(["#"]);
