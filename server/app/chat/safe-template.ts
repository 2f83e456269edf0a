// The reply used when the guard refuses a generated one twice: built from the catalogue and the
// engine's own figures only, so it cannot carry an invented number or a forbidden word.
import type { Toolbox } from "../../agent/language-layer.js";
import { answerQuestion } from "../../agent/offline/answer-question.js";
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { describeOutcome } from "../../agent/offline/offer-text.js";
import { questionTopic } from "../../agent/offline/question-topics.js";
import { Reply } from "../../agent/offline/reply.js";
import type { CaseBundle } from "./case-bundle.js";
import type { TurnState } from "./turn-state.js";

export function safeTemplate(
  bundle: CaseBundle,
  turn: TurnState,
  /** The debtor's message and the turn's tools: a question about the file gets the pack's answer. */
  asked?: { text: string; tools: Toolbox },
): string {
  const catalogue = loadCatalogue(bundle.facts.locale);
  const reply = new Reply(catalogue, `${bundle.conversationId}:${turn.state.turn}:safe`, {
    locale: bundle.facts.locale,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    availability: bundle.availability,
  });
  const offer = turn.offers.at(-1);
  const topic = asked && turn.verified ? questionTopic(asked.text) : undefined;
  if (turn.escalation)
    reply.escalated(turn.escalation.kind, { policyNotice: turn.escalationNotice?.text ?? null });
  else if (offer) reply.raw(describeOutcome(reply, { decision: "accept", reason: "ladder", offer }));
  else if (topic && asked) reply.raw(answerQuestion(reply, asked.tools, topic));
  else reply.say("safe_fallback");
  return reply.result().text;
}
