// Principle 2: every outgoing assistant message passes the guard. Amounts, percentages and dates
// must match case facts or offers the engine approved; forbidden wording is blocked; required
// disclosures are appended by the system, and an escalation's fixed notice from the pack is put
// ahead of the reply (policy text, checked when the pack is, never by this guard). A blocked LLM reply gets one regeneration with the
// violations as feedback, then a safe template replaces it. Every intervention is returned as a
// transcript event.
import type { LanguageLayer, TurnContext, TurnResult } from "../../agent/language-layer.js";
import { checkText, type TextContext } from "../../policy/index.js";
import type { CaseBundle } from "./case-bundle.js";
import type { TurnState } from "./turn-state.js";

export type Moment = TextContext["moment"];

export interface GuardedReply {
  text: string;
  result: TurnResult;
  disclosuresAdded: string[];
  events: { kind: string; data: Record<string, unknown> }[];
}

function textContext(
  bundle: CaseBundle,
  turn: TurnState,
  moment: Moment,
  now: Date,
  reply?: TurnResult,
): TextContext {
  return {
    // The reply's own language when the layer followed the debtor's: its forbidden words, its
    // date forms and its disclosures are that language's.
    locale: reply?.meta.locale ?? bundle.facts.locale,
    facts: bundle.facts,
    due: bundle.due,
    approvedOffers: [...bundle.offers, ...turn.offers],
    moment,
    disclosuresShown: turn.state.disclosuresShown,
    identityVerified: turn.verified,
    now: now.toISOString(),
    engineAmounts: turn.quotedAmounts,
    // The next on-duty date may be quoted when a person is promised.
    variables: { nextContactDate: bundle.availability.nextDate },
  };
}

/** The moment of a reply, for disclosures: offers and first amounts carry their own notices. */
export function momentOf(turn: TurnState, wasVerified: boolean): Moment {
  const offer = turn.offers.at(-1);
  if (offer?.kind === "settlement") return "settlement";
  if (offer) return "offer";
  if (!wasVerified && turn.verified) return "before_first_amount";
  return "message";
}

/** The text with the turn's verbatim payment details blanked out, for the figure checks only. */
function checked(text: string, turn: TurnState): string {
  let out = text;
  for (const v of turn.verbatim ?? []) if (v) out = out.split(v).join(" ");
  return out;
}

export async function guardReply(input: {
  bundle: CaseBundle;
  turn: TurnState;
  moment: Moment;
  now: Date;
  first: TurnResult;
  layer: LanguageLayer;
  ctx: TurnContext;
  safeTemplate: () => string;
}): Promise<GuardedReply> {
  const { bundle, turn, moment, now, layer, ctx } = input;
  const events: GuardedReply["events"] = [];
  const pack = bundle.policy.pack;
  let result = input.first;
  let check = checkText(checked(result.text, turn), textContext(bundle, turn, moment, now, result), pack);

  if (check.violations.length && layer.regenerate && result.meta.layer === "llm") {
    events.push({
      kind: "guard.blocked",
      data: { attempt: 1, layer: result.meta.layer, violations: check.violations },
    });
    const feedback = check.violations.map((v) => `${v.kind} (${v.rule}): "${v.match}"`);
    try {
      result = await layer.regenerate(ctx, result.text, feedback);
      check = checkText(checked(result.text, turn), textContext(bundle, turn, moment, now, result), pack);
      events.push({ kind: "guard.regenerated", data: { ok: check.violations.length === 0 } });
    } catch (error) {
      events.push({ kind: "guard.regenerate_failed", data: { error: String(error) } });
    }
  }
  if (check.violations.length) {
    events.push({ kind: "guard.replaced", data: { layer: result.meta.layer, violations: check.violations } });
    const safe = input.safeTemplate();
    result = { ...result, text: safe };
    check = checkText(checked(safe, turn), textContext(bundle, turn, moment, now), pack);
    if (check.violations.length)
      events.push({ kind: "guard.template_violation", data: { violations: check.violations } });
  }
  const disclosuresAdded = check.disclosuresToAppend.map((d) => d.id);
  const notice = turn.escalationNotice;
  const text = [notice?.text, result.text, ...check.disclosuresToAppend.map((d) => d.text)]
    .filter(Boolean)
    .join("\n\n");
  if (notice)
    events.push({ kind: "escalation.notice", data: { kind: notice.kind, rules: [...notice.rules] } });
  if (disclosuresAdded.length)
    events.push({ kind: "disclosure.added", data: { ids: disclosuresAdded, moment } });
  return { text, result, disclosuresAdded, events };
}
