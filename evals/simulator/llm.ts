// The LLM-driven simulated debtor, used when a model is configured (--provider openai). The rules
// still decide what the debtor does (answer, reveal, accept inside its budget, counter, give up) so
// that runs stay comparable and gradable; the model writes the debtor's free lines in its own words,
// in character, from a short brief and the last messages. Scripted lines and reveals are kept
// verbatim (they carry the facts a scenario is about); any model failure falls back to the rules.
import type { BaseMessage } from "@langchain/core/messages";
import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAICompletions } from "@langchain/openai";
import type { DebtorSpec } from "../scenario/schema.js";
import { spokenMoney } from "./phrases.js";
import type { DebtorFacts, RuleDebtor } from "./rules.js";
import type { DebtorMove, DebtorView, SimulatedDebtor } from "./types.js";

export interface DebtorModel {
  invoke(messages: BaseMessage[]): Promise<AIMessage>;
}

export interface DebtorModelSettings {
  readonly apiKey: string;
  readonly baseUrl?: string | undefined;
  readonly model: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
}

export function openAiDebtorModel(s: DebtorModelSettings): DebtorModel {
  const chat = new ChatOpenAICompletions({
    model: s.model,
    apiKey: s.apiKey,
    configuration: { baseURL: s.baseUrl ?? "https://api.openai.com/v1" },
    timeout: s.timeoutMs ?? 20_000,
    maxRetries: s.maxRetries ?? 1,
    temperature: 0.7,
    streaming: false,
  });
  return { invoke: async (messages) => (await chat.invoke(messages)) as AIMessage };
}

export function debtorBrief(spec: DebtorSpec, facts: DebtorFacts): string {
  const m = (v: number) => spokenMoney(v, facts.currency, facts.locale);
  const lang = facts.locale === "fr" ? "French" : "English";
  return [
    `You play a debtor chatting on a phone with a debt-collection assistant. Write only in ${lang}.`,
    `Your goal: ${spec.goal}`,
    `You owe ${m(facts.amountDue)}. You can pay at most ${m(spec.budget.monthly)} per month, or ${m(spec.budget.lumpSum)} at once.`,
    spec.reservation !== undefined ? `You will not pay more than ${m(spec.reservation)} in total.` : "",
    "Each turn you are told what to convey. Write that one message as this person would type it:",
    "one or two short sentences, natural, no greeting formulas, no quotes, no explanations.",
    "Keep every amount, number and date of the instruction exactly as given. Never invent facts.",
  ]
    .filter(Boolean)
    .join("\n");
}

function textOf(message: AIMessage): string {
  const c = message.content;
  const raw = typeof c === "string" ? c : c.map((p) => ("text" in p ? String(p.text) : "")).join("");
  return raw
    .trim()
    .replace(/^["«“]+|["»”]+$/g, "")
    .trim();
}

/** Keeps the rule's amounts: a rewrite that drops one of them is discarded. */
function keepsFigures(original: string, rewrite: string): boolean {
  const figures = original.match(/\d+(?:[.,]\d+)?/g) ?? [];
  return figures.every((f) => rewrite.includes(f));
}

export class LlmDebtor implements SimulatedDebtor {
  readonly usage = { inputTokens: 0, outputTokens: 0 };
  failures = 0;

  constructor(
    private readonly rules: RuleDebtor,
    private readonly model: DebtorModel,
  ) {}

  async next(view: DebtorView): Promise<DebtorMove> {
    const move = await this.rules.next(view);
    if (move.kind !== "say" || move.scripted || view.status === "verifying") return move;
    const history = view.messages
      .slice(-6)
      .map((m) =>
        m.role === "debtor"
          ? new AIMessage(m.text)
          : new HumanMessage(`[${m.role}] ${m.text.slice(0, 1200)}`),
      );
    try {
      const answer = await this.model.invoke([
        new SystemMessage(debtorBrief(this.rules.spec, this.rules.facts)),
        ...history,
        new HumanMessage(`Convey this now (${move.why}): ${move.text}`),
      ]);
      this.usage.inputTokens += answer.usage_metadata?.input_tokens ?? 0;
      this.usage.outputTokens += answer.usage_metadata?.output_tokens ?? 0;
      const text = textOf(answer);
      if (!text || text.length > 600 || !keepsFigures(move.text, text)) return move;
      return { ...move, text };
    } catch {
      this.failures++;
      return move;
    }
  }
}
