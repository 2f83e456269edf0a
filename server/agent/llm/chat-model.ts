// The adapter to the model SDK: the only module that imports @langchain/openai. Everything else in
// the layer talks to the small ChatModelPort below, so the SDK stays behind one seam.
import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { ChatOpenAICompletions } from "@langchain/openai";
import type { LlmSettings } from "./llm-config.js";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

export interface ChatModelPort {
  /** The configured model name (the response may name a more precise snapshot). */
  readonly model: string;
  /**
   * One Chat Completions request with the tools offered this call, aborted through `signal`.
   * `toolChoice: "none"` keeps the tools visible (the history holds calls to them) but asks for text.
   */
  invoke(
    messages: BaseMessage[],
    tools: readonly StructuredToolInterface[],
    signal: AbortSignal,
    toolChoice?: "auto" | "none",
  ): Promise<AIMessage>;
}

/**
 * ChatOpenAICompletions rather than ChatOpenAI: ChatOpenAI silently switches some model names to
 * the Responses API, which Ollama, vLLM, llama.cpp and most gateways do not serve. Retries are off
 * here (the layer retries with its own bounded backoff) and the base URL is always explicit, so
 * LangChain never falls back to OPENAI_BASE_URL or a LangSmith gateway from the process environment.
 */
export function openAiChatModel(settings: LlmSettings): ChatModelPort {
  const chat = new ChatOpenAICompletions({
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL },
    timeout: settings.timeoutMs,
    maxRetries: 0,
    streaming: false,
  });
  return {
    model: settings.model,
    async invoke(messages, tools, signal, toolChoice) {
      // No `tools: []` in the request: some OpenAI-compatible servers reject an empty list.
      const runnable =
        tools.length > 0 ? chat.bindTools([...tools], toolChoice ? { tool_choice: toolChoice } : {}) : chat;
      return (await runnable.invoke(messages, { signal })) as AIMessage;
    },
  };
}
