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
  | "empty"
  /** The turn's overall deadline (TURN_DEADLINE_MS) passed before the model answered. */
  | "turn_deadline";

export class LlmFailure extends Error {
  /** What the server asked us to wait before retrying (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(
    readonly reason: LlmFailureReason,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number | undefined },
  ) {
    super(message, options);
    this.name = "LlmFailure";
    this.retryAfterMs = options?.retryAfterMs;
  }
}

function header(e: object, name: string): string | undefined {
  if (!("headers" in e) || typeof e.headers !== "object" || e.headers === null) return undefined;
  const h = e.headers as { get?: (n: string) => string | null } & Record<string, unknown>;
  const v = typeof h.get === "function" ? h.get(name) : h[name];
  return typeof v === "string" ? v : undefined;
}

/** Retry-After from an SDK error: "retry-after-ms" (OpenAI), or "retry-after" in seconds or as a date. */
export function retryAfterOf(e: unknown, now = Date.now()): number | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const ms = Number(header(e, "retry-after-ms"));
  if (header(e, "retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = header(e, "retry-after");
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
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
  const retryAfterMs = retryAfterOf(e);
  if (status === 429)
    return new LlmFailure("http_429", "model rate limited (429)", { cause: e, retryAfterMs });
  if (status !== undefined && status >= 500)
    return new LlmFailure("http_5xx", `model server error (${status})`, { cause: e, retryAfterMs });
  if (status !== undefined && status >= 400)
    return new LlmFailure("http_4xx", `model refused the request (${status})`, { cause: e });
  return new LlmFailure("network", `model unreachable: ${message}`, { cause: e });
}
