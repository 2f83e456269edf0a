// Principle 4: the conversation works with no model at all. This layer asks the primary (the LLM)
// first and, on any failure, answers with the fallback (the offline engine), writing the reason on
// the turn's meta so the transcript shows which layer spoke and why. One deadline covers the whole
// turn (the answer and its rewrite): when it passes, the primary is aborted (no further model call,
// no further tool) and the fallback answers, so a slow model never stalls the debtor.
import type { LanguageLayer, TurnContext, TurnResult } from "../language-layer.js";
import { LlmFailure } from "./errors.js";
import { turnDeadlineFailure } from "./retry.js";

/** 25 s: past it a person waiting for an answer gives up. TURN_DEADLINE_MS overrides it. */
export const DEFAULT_TURN_DEADLINE_MS = 25_000;

export interface FallbackOptions {
  readonly turnDeadlineMs?: number;
  readonly now?: () => number;
}

/** A stable code for the transcript; internal messages stay in the logs. */
export function fallbackReasonOf(e: unknown): string {
  return e instanceof LlmFailure ? e.reason : "unexpected_error";
}

export class FallbackLanguageLayer implements LanguageLayer {
  readonly name: "offline" | "llm";

  /** When each turn started, so its rewrite gets only what is left of the deadline. */
  private readonly started = new WeakMap<TurnContext, number>();
  private readonly deadlineMs: number;
  private readonly now: () => number;

  constructor(
    private readonly primary: LanguageLayer,
    private readonly fallback: LanguageLayer,
    private readonly onFallback?: (error: unknown, ctx: TurnContext) => void,
    options: FallbackOptions = {},
  ) {
    this.name = primary.name;
    this.deadlineMs = options.turnDeadlineMs ?? DEFAULT_TURN_DEADLINE_MS;
    this.now = options.now ?? Date.now;
  }

  async respond(ctx: TurnContext): Promise<TurnResult> {
    this.started.set(ctx, this.now());
    try {
      return await this.withinDeadline(ctx, (c) => this.primary.respond(c));
    } catch (e) {
      return this.fallBack(e, ctx);
    }
  }

  /** Runs the primary with the turn's signal; rejects with turn_deadline when the deadline passes. */
  private async withinDeadline(ctx: TurnContext, run: (c: TurnContext) => Promise<TurnResult>) {
    const deadlineAt = (this.started.get(ctx) ?? this.now()) + this.deadlineMs;
    const left = deadlineAt - this.now();
    if (left <= 0) throw turnDeadlineFailure();
    const controller = new AbortController();
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(turnDeadlineFailure());
      }, left);
    });
    try {
      return await Promise.race([run({ ...ctx, signal, deadlineAt }), expired]);
    } finally {
      clearTimeout(timer);
      // Whatever happened, nothing of this attempt may run on after the answer.
      controller.abort();
    }
  }

  /**
   * The primary rewrites its own blocked text when it can. If it cannot (or fails), the fallback
   * answers the turn afresh: its deterministic phrasing is what the guard expects.
   */
  async regenerate(ctx: TurnContext, previous: string, feedback: readonly string[]): Promise<TurnResult> {
    if (!this.primary.regenerate) return this.fallBack(undefined, ctx, "no_regenerate");
    const regenerate = this.primary.regenerate.bind(this.primary);
    try {
      return await this.withinDeadline(ctx, (c) => regenerate(c, previous, feedback));
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
