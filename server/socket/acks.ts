// Socket acks in one place: `{ok: true, id}` or `{ok: false, error: {code, message}}`. Internal
// errors are logged and answered with a generic message; nothing reaches the debtor raw.

import { AppError } from "../errors/app-error.js";
import type { Logger } from "../logging/logger.js";

export type AckCallback = (response: unknown) => void;

export function ackOf(candidate: unknown): AckCallback {
  return typeof candidate === "function" ? (candidate as AckCallback) : () => {};
}

export function errorAck(
  error: unknown,
  log: Logger,
): { ok: false; error: { code: string; message: string; details?: unknown } } {
  if (error instanceof AppError && error.code !== "internal") {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    };
  }
  log.error({ err: error }, "socket handler failed");
  return {
    ok: false,
    error: { code: "internal", message: "Something went wrong on our side; please try again." },
  };
}
