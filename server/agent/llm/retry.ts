// One model request with a per-request deadline and bounded retries. Rate limits, 5xx and dropped
// connections are retried with exponential backoff; timeouts are not (the debtor is already waiting
// a full timeout), nor are 4xx (a bad key or model name will not fix itself).
import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { ChatModelPort } from "./chat-model.js";
import { classifyModelError, isRetryable, type LlmFailure } from "./errors.js";

export interface RetryPolicy {
  /** Extra attempts after the first. */
  readonly maxRetries: number;
  readonly timeoutMs: number;
  /** Delay before retry number `attempt` (1-based). Injectable so tests do not wait. */
  readonly backoffMs: (attempt: number) => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** 500 ms, 1 s, 2 s, … capped at 8 s, with up to 20 % jitter so instances do not retry in step. */
export const exponentialBackoff = (attempt: number): number =>
  Math.min(8000, 500 * 2 ** (attempt - 1)) * (1 + Math.random() * 0.2);

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  for (let attempt = 0; ; attempt++) {
    // Our own deadline, beside the client's: whichever fires first, the request is a timeout.
    const deadline = AbortSignal.timeout(policy.timeoutMs);
    try {
      return await model.invoke(messages, tools, deadline, opts.toolChoice);
    } catch (e) {
      const failure = classifyModelError(e, deadline.aborted);
      opts.onAttemptFailed?.(failure, attempt + 1);
      if (!isRetryable(failure.reason) || attempt >= policy.maxRetries) throw failure;
      await policy.sleep(policy.backoffMs(attempt + 1));
    }
  }
}
