// Answers a debtor's question from the case and the pack: what the debt is for from the case's
// invoices, everything else from the pack's reviewed `faq` (with {creditor}, {reference} and
// {graceDays} filled in), or the catalogue's generic wording when the pack has no answer.
import { elideBeforePlaceholders } from "../../domain/french-elision.js";
import type { FaqTopic } from "../../policy/schema-faq.js";
import type { Toolbox } from "../language-layer.js";
import { explainDebt } from "./offer-text.js";
import type { Reply } from "./reply.js";

export function answerQuestion(reply: Reply, tools: Toolbox, topic: FaqTopic): string {
  const { facts, due, faq, graceDays } = tools.caseSummary();
  if (topic === "what_for") return explainDebt(reply, facts, due);
  const params: Record<string, string> = {
    creditor: facts.creditorName,
    reference: facts.reference,
    graceDays: String(graceDays ?? ""),
  };
  const own = faq?.[topic]?.[reply.locale];
  if (own && (graceDays !== undefined || !own.includes("{graceDays}"))) {
    const source = elideBeforePlaceholders(own, reply.locale, (name) => params[name]);
    return source.replace(/\{(creditor|reference|graceDays)\}/g, (_, k: string) => params[k] ?? "");
  }
  return reply.text(`faq_${topic}`, params);
}
