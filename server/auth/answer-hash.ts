// The debtor's security answer (a postcode, a date of birth, an invoice number) stored as a keyed
// hash: HMAC-SHA256 under a key kept outside the database (decision 0111). These answers have a few
// thousand to a few hundred thousand values, so a slow password hash (scrypt, 44 ms of CPU a try)
// only slowed a thief holding the database down to minutes per case, while it cost every debtor
// check the same 44 ms; without the key a copy of the database reveals nothing. Answers stored with
// scrypt before (and those stored while no key is set) keep verifying with scrypt.
import { createHmac, timingSafeEqual } from "node:crypto";
import { hashPassword, verifyPassword } from "./passwords.js";

const PREFIX = "hmac-sha256";

export interface AnswerHasher {
  /** "hmac" when a key is set; "scrypt" otherwise (PostgreSQL without ANSWER_KEY). */
  readonly kind: "hmac" | "scrypt";
  hash(answer: string): Promise<string>;
  /** Whether `answer` matches `stored` (either format); false for a format this hasher cannot check. */
  verify(answer: string, stored: string): Promise<boolean>;
}

/** The key's id stored beside each hash: a hash made under another key is refused, not mismatched. */
function keyId(key: Buffer): string {
  return createHmac("sha256", key).update("amiable answer key id").digest("base64url").slice(0, 8);
}

export function answerHasher(key: Buffer | null): AnswerHasher {
  const id = key ? keyId(key) : null;
  const digest = (answer: string) =>
    createHmac("sha256", key as Buffer)
      .update(answer.normalize("NFKC"))
      .digest();
  return {
    kind: key ? "hmac" : "scrypt",
    async hash(answer) {
      if (!key) return hashPassword(answer);
      return `${PREFIX}$${id}$${digest(answer).toString("base64url")}`;
    },
    async verify(answer, stored) {
      if (!stored.startsWith(`${PREFIX}$`)) return verifyPassword(answer, stored);
      const [, storedId, value] = stored.split("$");
      if (!key || storedId !== id || value === undefined) return false;
      const expected = Buffer.from(value, "base64url");
      const actual = digest(answer);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
