// The reply used when the guard refuses a generated one twice: built from the catalogue and the
// engine's own figures only, so it cannot carry an invented number or a forbidden word.
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { describeOutcome } from "../../agent/offline/offer-text.js";
import { Reply } from "../../agent/offline/reply.js";
import type { CaseBundle } from "./case-bundle.js";
import type { TurnState } from "./turn-state.js";

export function safeTemplate(bundle: CaseBundle, turn: TurnState): string {
  const catalogue = loadCatalogue(bundle.facts.locale);
  const reply = new Reply(catalogue, `${bundle.conversationId}:${turn.state.turn}:safe`, {
    locale: bundle.facts.locale,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    availability: bundle.availability,
  });
  const offer = turn.offers.at(-1);
  if (turn.escalation)
    reply.escalated(turn.escalation.kind, { policyNotice: turn.escalationNotice?.text ?? null });
  else if (offer) reply.raw(describeOutcome(reply, { decision: "accept", reason: "ladder", offer }));
  else reply.say("safe_fallback");
  return reply.result().text;
}
