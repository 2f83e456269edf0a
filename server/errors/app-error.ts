// One error family with stable codes. Transports map codes to HTTP statuses and socket acks in
// one place (http/error-handler.ts, socket acks); internal causes are logged, never shown.

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "payload_too_large"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "link_invalid"
  | "link_locked"
  | "conversation_locked"
  | "offer_unavailable"
  | "not_allowed_now"
  | "internal";

export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly ErrorDetail[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  link_invalid: 401,
  link_locked: 423,
  conversation_locked: 409,
  offer_unavailable: 409,
  not_allowed_now: 409,
  internal: 500,
};

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
