// Rate limits: strict on login (password guessing), generous on the rest of the API.
import { rateLimit } from "express-rate-limit";
import { AppError, HTTP_STATUS } from "../../errors/app-error.js";

/** `limit` requests a minute per client, answered past that with a 429 and `message`. */
function perMinute(limit: number, message: string) {
  const error = new AppError("rate_limited", message);
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    statusCode: HTTP_STATUS.rate_limited,
    message: { error: { code: error.code, message: error.message } },
  });
}

export function loginLimiter(limit = 10) {
  return perMinute(limit, "Too many login attempts; wait a minute and try again.");
}

export function apiLimiter(limit = 600) {
  return perMinute(limit, "Too many requests; slow down.");
}

/**
 * Pay now (POST from the chat, GET from an e-mail): each call may reach the Stripe API, so a
 * client gets a few a minute, ample for a person clicking, not for a loop.
 */
export function payNowLimiter(limit = 20) {
  return perMinute(limit, "Too many payment requests; wait a minute and try again.");
}
