// One model request with a per-request deadline and bounded retries. Rate limits, 5xx and dropped
// connections are retried with exponential backoff, or after the server's Retry-After when it is
// longer; timeouts are not (the debtor is already waiting a full timeout), nor are 4xx (a bad key or
// model name will not fix itself). Everything stays inside the turn's deadline: a request never
// outlives it, and a wait that would end past it is not started (the offline engine answers now).
import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { ChatModelPort } from "./chat-model.js";
import { classifyModelError, isRetryable, LlmFailure } from "./errors.js";

export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly maxRetries: number;
  readonly timeoutMs: number;
  /** Delay before retry number `attempt` (1-based). Injectable so tests do not wait. */
  readonly backoffMs: (attempt: number) => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The turn's deadline (epoch ms) and its signal; absent in tests of a single request. */
  readonly deadlineAt?: number;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

/** 500 ms, 1 s, 2 s, … capped at 8 s, with up to 20 % jitter so instances do not retry in step. */
export const exponentialBackoff = (attempt: number): number =>
  Math.min(8000, 500 * 2 ** (attempt - 1)) * (1 + Math.random() * 0.2);

export const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export function turnDeadlineFailure(): LlmFailure {
  return new LlmFailure("turn_deadline", "the turn's deadline passed");
}

export async function invokeWithRetry(
  model: ChatModelPort,
  messages: BaseMessage[],
  tools: readonly StructuredToolInterface[],
  policy: RetryPolicy,
  opts: {
    toolChoice?: "auto" | "none";
    onAttemptFailed?: (failure: LlmFailure, attempt: number) => void;
  } = {},
): Promise<AIMessage> {
  const now = policy.now ?? Date.now;
  const left = () => (policy.deadlineAt === undefined ? Number.POSITIVE_INFINITY : policy.deadlineAt - now());
  for (let attempt = 0; ; attempt++) {
    if (policy.signal?.aborted || left() <= 0) throw turnDeadlineFailure();
    // Our own deadline, beside the client's: whichever fires first, the request is a timeout.
    const deadline = AbortSignal.timeout(Math.max(1, Math.min(policy.timeoutMs, left())));
    const signal = policy.signal ? AbortSignal.any([deadline, policy.signal]) : deadline;
    try {
      return await model.invoke(messages, tools, signal, opts.toolChoice);
    } catch (e) {
      if (policy.signal?.aborted || (deadline.aborted && left() <= 0)) throw turnDeadlineFailure();
      const failure = classifyModelError(e, deadline.aborted);
      opts.onAttemptFailed?.(failure, attempt + 1);
      if (!isRetryable(failure.reason) || attempt >= policy.maxRetries) throw failure;
      const wait = Math.max(policy.backoffMs(attempt + 1), failure.retryAfterMs ?? 0);
      // Waiting past the turn's deadline helps nobody: give up now and let the offline engine answer.
      if (wait >= left()) throw failure;
      await policy.sleep(wait, policy.signal);
    }
  }
}
