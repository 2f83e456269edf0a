// Bearer tokens and debtor link tokens: 256 random bits, handed out once, stored only as SHA-256.
// A SHA-256 lookup is enough here (no salt, no slow hash) because the tokens are long and random.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Tokens are base64url of 32 bytes: anything else is refused before touching the database. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
