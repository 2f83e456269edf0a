// Shape of an intent rule. Rules are data: a pattern (see match/pattern.ts) and what a
// match means. Files under rules/ group them by theme, French and English side by side.

import type { DisputeReason, Intent } from "../types.js";

export interface Rule {
  intent: Intent;
  /** Pattern source. */
  p: string;
  /** Strength: 1 for an unambiguous phrase, below 0.8 for a cue that needs support. */
  w?: number;
  /** What a negated match means ("je ne peux pas payer"): another intent, or nothing. */
  neg?: Intent | "drop";
  /** Patterns that, found anywhere in the message, cancel this rule. */
  unless?: string | readonly string[];
  /** Dispute rules: which kind of dispute the phrase describes. */
  reason?: DisputeReason;
  /**
   * Words of this rule match only as written, never through typo tolerance: insults and
   * topic words collide with ordinary words ("towards" is one letter from "tocards").
   */
  exact?: boolean;
  /** Offer cues ("I can do", "je propose") count only when the message holds an amount. */
  needsAmount?: boolean;
  /**
   * Rule-specific marker read by the classifier: "whole" pays the whole debt; "offer" puts
   * terms to the creditor ("acceptez-vous 800 € ?"), a proposal even when it clears the debt.
   */
  tag?: "whole" | "offer";
}

export type RuleOptions = Omit<Rule, "intent" | "p">;

/** Many patterns sharing one meaning. */
export function rules(intent: Intent, options: RuleOptions, patterns: readonly string[]): Rule[] {
  return patterns.map((p) => ({ intent, p, ...options }));
}
