// Principle 4: the conversation works with no model at all. This layer asks the primary (the LLM)
// first and, on any failure, answers with the fallback (the offline engine), writing the reason on
// the turn's meta so the transcript shows which layer spoke and why.
import type { LanguageLayer, TurnContext, TurnResult } from "../language-layer.js";
import { LlmFailure } from "./errors.js";

/** A stable code for the transcript; internal messages stay in the logs. */
export function fallbackReasonOf(e: unknown): string {
  return e instanceof LlmFailure ? e.reason : "unexpected_error";
}

export class FallbackLanguageLayer implements LanguageLayer {
  readonly name: "offline" | "llm";

  constructor(
    private readonly primary: LanguageLayer,
    private readonly fallback: LanguageLayer,
    private readonly onFallback?: (error: unknown, ctx: TurnContext) => void,
  ) {
    this.name = primary.name;
  }

  async respond(ctx: TurnContext): Promise<TurnResult> {
    try {
      return await this.primary.respond(ctx);
    } catch (e) {
      return this.fallBack(e, ctx);
    }
  }

  /**
   * The primary rewrites its own blocked text when it can. If it cannot (or fails), the fallback
   * answers the turn afresh: its deterministic phrasing is what the guard expects.
   */
  async regenerate(ctx: TurnContext, previous: string, feedback: readonly string[]): Promise<TurnResult> {
    if (!this.primary.regenerate) return this.fallBack(undefined, ctx, "no_regenerate");
    try {
      return await this.primary.regenerate(ctx, previous, feedback);
    } catch (e) {
      return this.fallBack(e, ctx);
    }
  }

  private async fallBack(
    error: unknown,
    ctx: TurnContext,
    reason = fallbackReasonOf(error),
  ): Promise<TurnResult> {
    this.onFallback?.(error, ctx);
    const result = await this.fallback.respond(ctx);
    return { ...result, meta: { ...result.meta, fallbackReason: reason } };
  }
}
