// The LLM language layer: the model talks, the policy decides. It builds the turn's prompt and tool
// set, runs the tool loop, and returns the model's text as is: the output guard (outside this layer)
// checks it and may call regenerate() with its objections. Any failure is an LlmFailure, which the
// FallbackLanguageLayer turns into an offline answer.
import type { BaseMessage } from "@langchain/core/messages";
import type { LanguageLayer, TurnContext, TurnResult } from "../language-layer.js";
import { type ChatModelPort, openAiChatModel } from "./chat-model.js";
import type { LlmFailure } from "./errors.js";
import type { LlmSettings } from "./llm-config.js";
import { conversationMessages } from "./messages.js";
import { buildSystemPrompt, type Correction } from "./prompt-context.js";
import { DEFAULT_PROMPTS_DIR, loadPromptTemplate } from "./prompts.js";
import { exponentialBackoff, realSleep } from "./retry.js";
import { type LoopResult, runToolLoop } from "./tool-loop.js";
import { toolsFor } from "./tools.js";

export interface LlmLayerOptions {
  readonly settings: LlmSettings;
  /** Folder of negotiator.<locale>.md; relative to the working directory like policies/. */
  readonly promptsDir?: string;
  /** Model calls per turn, tool rounds included (default 4). */
  readonly maxModelCalls?: number;
  /** Delay before retry n (1-based); tests pass () => 0. */
  readonly backoffMs?: (attempt: number) => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** For logs: each failed attempt, retried or not. */
  readonly onAttemptFailed?: (failure: LlmFailure, attempt: number) => void;
  /** Replaces the OpenAI adapter (another provider); the default talks to settings.baseUrl. */
  readonly model?: ChatModelPort;
}

/** How many turns' tool exchanges are kept for regenerate(); a regeneration follows its turn at once. */
const REMEMBERED_TURNS = 200;

export class LlmLanguageLayer implements LanguageLayer {
  readonly name = "llm" as const;
  private readonly model: ChatModelPort;
  private readonly lastTurns = new Map<string, readonly BaseMessage[]>();

  constructor(private readonly opts: LlmLayerOptions) {
    this.model = opts.model ?? openAiChatModel(opts.settings);
  }

  respond(ctx: TurnContext): Promise<TurnResult> {
    return this.run(ctx);
  }

  /**
   * One more try after the guard blocked `previous`. Read tools only: offers and escalations made
   * earlier in the turn stand, and nothing new can be recorded by a rewrite.
   */
  regenerate(ctx: TurnContext, previous: string, feedback: readonly string[]): Promise<TurnResult> {
    return this.run(ctx, { previous, feedback });
  }

  private async run(ctx: TurnContext, correction?: Correction): Promise<TurnResult> {
    const template = loadPromptTemplate(ctx.locale, this.opts.promptsDir ?? DEFAULT_PROMPTS_DIR);
    const prompt = buildSystemPrompt(template, ctx, correction);
    const tools = toolsFor(ctx, { readOnly: correction !== undefined });
    const key = `${ctx.conversationId}#${ctx.turn}`;
    const fresh = conversationMessages(prompt.text, ctx);
    // A rewrite sees the turn's tool results (the offer just made) under the corrected prompt.
    const earlier = correction ? this.lastTurns.get(key) : undefined;
    const start = earlier ? [fresh[0] as BaseMessage, ...earlier.slice(1)] : fresh;

    const result: LoopResult = await runToolLoop(this.model, start, tools, {
      maxModelCalls: this.opts.maxModelCalls ?? 4,
      retry: {
        maxRetries: this.opts.settings.maxRetries,
        timeoutMs: this.opts.settings.timeoutMs,
        backoffMs: this.opts.backoffMs ?? exponentialBackoff,
        sleep: this.opts.sleep ?? realSleep,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.deadlineAt !== undefined ? { deadlineAt: ctx.deadlineAt } : {}),
      },
      ...(this.opts.onAttemptFailed ? { onAttemptFailed: this.opts.onAttemptFailed } : {}),
    });
    if (!correction) this.remember(key, result.transcript);

    return {
      text: result.text,
      meta: {
        layer: "llm",
        model: result.model,
        promptId: prompt.id,
        promptHash: prompt.hash,
        usage: result.usage,
      },
    };
  }

  private remember(key: string, transcript: readonly BaseMessage[]): void {
    this.lastTurns.delete(key);
    this.lastTurns.set(key, transcript);
    // Maps iterate in insertion order: the first key is the oldest turn.
    if (this.lastTurns.size > REMEMBERED_TURNS) {
      const oldest = this.lastTurns.keys().next().value;
      if (oldest !== undefined) this.lastTurns.delete(oldest);
    }
  }
}
