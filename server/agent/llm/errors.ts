// The one error the LLM layer throws. Its reason is a stable code written on the transcript when the
// offline engine takes over; the cause stays in the logs (never shown to a debtor).

export type LlmFailureReason =
  | "timeout"
  | "http_429"
  | "http_5xx"
  /** Other 4xx: a bad key (401), an unknown model (404), a rejected request (400). Not retried. */
  | "http_4xx"
  | "network"
  /** Tool-call arguments that are not JSON, fail the tool's schema, or name a tool not offered. */
  | "malformed_tool_call"
  /** The model kept calling tools past the per-turn cap. */
  | "tool_loop"
  /** A Toolbox call threw (storage or engine error). */
  | "tool_error"
  /** The model answered with neither text nor tool calls. */
  | "empty";

export class LlmFailure extends Error {
  constructor(
    readonly reason: LlmFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LlmFailure";
  }
}

/** Whether another attempt may succeed: rate limits, server errors and dropped connections. */
export function isRetryable(reason: LlmFailureReason): boolean {
  return reason === "http_429" || reason === "http_5xx" || reason === "network";
}

function statusOf(e: object): number | undefined {
  if ("status" in e && typeof e.status === "number") return e.status;
  if ("response" in e && typeof e.response === "object" && e.response !== null && "status" in e.response) {
    const s = (e.response as { status: unknown }).status;
    return typeof s === "number" ? s : undefined;
  }
  return undefined;
}

/**
 * Maps whatever the OpenAI client (through LangChain) threw to a failure. Duck-typed on status and
 * name so that only chat-model.ts imports the SDK. `timedOut` is true when our own deadline fired.
 */
export function classifyModelError(e: unknown, timedOut: boolean): LlmFailure {
  if (e instanceof LlmFailure) return e;
  if (timedOut) return new LlmFailure("timeout", "model request timed out", { cause: e });
  const err = typeof e === "object" && e !== null ? e : {};
  const status = statusOf(err);
  const name = "name" in err && typeof err.name === "string" ? err.name : "";
  const message = "message" in err && typeof err.message === "string" ? err.message : String(e);
  if (name === "TimeoutError" || name === "APIConnectionTimeoutError" || /timed? ?out/i.test(message))
    return new LlmFailure("timeout", "model request timed out", { cause: e });
  if (status === 429) return new LlmFailure("http_429", "model rate limited (429)", { cause: e });
  if (status !== undefined && status >= 500)
    return new LlmFailure("http_5xx", `model server error (${status})`, { cause: e });
  if (status !== undefined && status >= 400)
    return new LlmFailure("http_4xx", `model refused the request (${status})`, { cause: e });
  return new LlmFailure("network", `model unreachable: ${message}`, { cause: e });
}
