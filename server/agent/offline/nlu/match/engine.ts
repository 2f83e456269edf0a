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
}

export class RuleEngine {
  private readonly compiled: Compiled[];
  private readonly byFirstKey = new Map<string, number[]>();
  private readonly anyStart: number[] = [];
  readonly vocabulary: Vocabulary;

  constructor(rules: readonly Rule[]) {
    this.compiled = rules.flatMap((rule) => {
      const unless = rule.unless === undefined ? [] : typeof rule.unless === "string" ? [rule.unless] : rule.unless;
      try {
        const unlessPatterns = unless.flatMap(compilePatterns);
        return compilePatterns(rule.p).map((pattern) => ({ rule, pattern, unless: unlessPatterns }));
      } catch (e) {
        throw new SyntaxError(`rule ${rule.intent} "${rule.p}": ${(e as Error).message}`);
      }
    });
    const keys: string[] = [];
    this.compiled.forEach((c, i) => {
      keys.push(...patternKeys(c.pattern));
      for (const u of c.unless) keys.push(...patternKeys(u));
      if (c.pattern.firstKeys === null) this.anyStart.push(i);
      else
        for (const k of new Set(c.pattern.firstKeys)) {
          const list = this.byFirstKey.get(k);
          if (list) list.push(i);
          else this.byFirstKey.set(k, [i]);
        }
    });
    this.vocabulary = new Vocabulary(keys);
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
    const positive = new Set<number>();
    const negative = new Set<number>();
    const candidates = new Set<number>();
    for (let t = 0; t < toks.length; t++) {
      candidates.clear();
      for (const i of this.anyStart) candidates.add(i);
      for (const k of (toks[t] as MatchToken).keys) for (const i of this.byFirstKey.get(k) ?? []) candidates.add(i);
      for (const i of candidates) {
        if (positive.has(i)) continue;
        const c = this.compiled[i] as Compiled;
        const m = matchAt(c.pattern, toks, t);
        if (!m) continue;
        if (c.rule.neg !== undefined && isNegated(m, toks)) negative.add(i);
        else positive.add(i);
      }
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
