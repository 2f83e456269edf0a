// The message list sent to the model. The debtor's words, past and present, are user messages and
// nothing else: they are never concatenated into the system prompt, so an injected "ignore your
// instructions" stays data the model answers, not a rule it follows. Only leading system message:
// many local chat templates (llama.cpp, Ollama) reject a system message later in the list.
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { TurnContext } from "../language-layer.js";

/** Collector and system notices are assistant-side text; a label keeps them apart from the model's own. */
const LABEL: Record<"agent" | "system", Record<"fr" | "en", string>> = {
  agent: { fr: "[Message d'un conseiller] ", en: "[Message from a human adviser] " },
  system: { fr: "[Information affichée par le système] ", en: "[Notice shown by the system] " },
};

export function conversationMessages(systemPrompt: string, ctx: TurnContext): BaseMessage[] {
  const messages: BaseMessage[] = [new SystemMessage(systemPrompt)];
  for (const m of ctx.history) {
    if (m.role === "debtor") messages.push(new HumanMessage(m.text));
    else if (m.role === "assistant") messages.push(new AIMessage(m.text));
    else messages.push(new AIMessage(`${LABEL[m.role][ctx.locale]}${m.text}`));
  }
  // The orchestrator may already have put the current message at the end of the history.
  const last = ctx.history.at(-1);
  if (!(last?.role === "debtor" && last.text === ctx.debtorText))
    messages.push(new HumanMessage(ctx.debtorText));
  return messages;
}
