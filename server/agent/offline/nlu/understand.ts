// The offline NLU entry point: text + context -> intents and slots. Deterministic, pure,
// no I/O; the rule engine is built once, when the module loads.

import { classify } from "./classify.js";
import { mentionsDebt } from "./domain.js";
import { detectLocale } from "./locale.js";
import { RuleEngine } from "./match/engine.js";
import { ALL_RULES } from "./rules/index.js";
import { readSlots } from "./slots/index.js";
import { prepare } from "./text/prepare.js";
import type { NluContext, Understanding } from "./types.js";

const engine = new RuleEngine(ALL_RULES);

export function understand(text: string, ctx: NluContext): Understanding {
  const input = typeof text === "string" ? text : "";
  const prep = prepare(input);
  const hits = engine.run(engine.matchTokens(prep));
  const past = hits.some((h) => h.intent === "already_paid" && !h.negated);
  const slots = readSlots(prep.tokens, prep.text, ctx, past);
  const result = classify({
    hits,
    slots,
    expecting: ctx.expecting,
    wordCount: prep.words.length,
    mentionsDebt: mentionsDebt(prep.words),
    isQuestion: prep.text.includes("?"),
  });
  if (result.disputeReason) slots.disputeReason = result.disputeReason;
  if (result.reasonForNonPayment) slots.reasonForNonPayment = result.reasonForNonPayment;
  const intents = result.intents;
  return {
    intent: intents[0] ?? "unknown",
    intents,
    slots,
    locale: detectLocale(input, prep.words, ctx.locale),
    confidence: result.confidence,
  };
}
