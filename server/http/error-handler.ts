// The one place where errors become HTTP responses: `{"error": {code, message, details?}}`.
// Unexpected errors answer 500 with the request id; their cause goes to the log only.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, HTTP_STATUS } from "../errors/app-error.js";

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as BodyParserError;
  if (e?.type === "entity.too.large")
    return new AppError("payload_too_large", "The request body is too large.");
  if (e?.type === "entity.parse.failed")
    return new AppError("bad_request", "The request body is not valid JSON.");
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported") {
    return new AppError("bad_request", "The request body encoding is not supported.");
  }
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
    return new AppError("bad_request", "The request could not be read.");
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError && appError.code !== "internal") {
    res.status(HTTP_STATUS[appError.code]).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
    });
    return;
  }
  req.log?.error({ err, requestId: req.id }, "unexpected error");
  res.status(500).json({
    error: {
      code: "internal",
      message: "Something went wrong on our side. Quote this request id if you contact support.",
      details: { requestId: String(req.id) },
    },
  });
};

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: "not_found", message: "No such route." } });
};
