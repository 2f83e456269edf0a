// The payment reference a debtor quotes on a transfer: an ISO 11649 "structured creditor
// reference" (RF + two check digits + body). Banks across SEPA know the format, its mod-97 check
// digits catch a mistyped character, and a statement line can be matched on it alone.
import { randomInt } from "node:crypto";

/** Digits and letters that cannot be confused when read aloud or copied by hand (no I, L, O, U). */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BODY_LENGTH = 9;

/** Letters count as 10..35, as in IBANs; the remainder is taken piecewise to stay in safe integers. */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const value = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** The two check digits of an RF reference whose body is `body` (upper-case alphanumerics). */
export function rfCheckDigits(body: string): string {
  const check = 98 - mod97(`${body}RF00`);
  return String(check).padStart(2, "0");
}

/** A new reference with a random body (uniqueness is the database's job: retry on a clash). */
export function newPaymentReference(random: (max: number) => number = randomInt): string {
  let body = "";
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[random(ALPHABET.length)];
  return `RF${rfCheckDigits(body)}${body}`;
}

/** Spaces and case removed: "rf18 5390 0754 7034" and "RF18539007547034" are the same reference. */
export function compactReference(text: string): string {
  return text.replace(/[\s-]+/g, "").toUpperCase();
}

/** True for a well-formed RF reference whose check digits hold. */
export function isValidPaymentReference(text: string): boolean {
  const ref = compactReference(text);
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(ref)) return false;
  return mod97(`${ref.slice(4)}${ref.slice(0, 4)}`) === 1;
}

/** Printed in groups of four, the way banks print them, so it can be read back over the phone. */
export function formatPaymentReference(ref: string): string {
  return compactReference(ref).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Every valid RF reference that may be meant in free text (a statement line's remittance
 * information), tolerating the spaces banks put in; compact form. Spaces make the end of a
 * reference ambiguous ("RF18 5390 0754 7034 FACT"), and one prefix in 97 passes the check by
 * chance, so every valid prefix is a candidate: ones of the length this service issues first,
 * then longest first. The caller keeps the one that names a case.
 */
export function findPaymentReferences(text: string): string[] {
  const found: string[] = [];
  const upper = text.toUpperCase();
  const re = /RF\s?\d\s?\d(?:\s?[0-9A-Z]){1,21}/g;
  const issued = 4 + BODY_LENGTH;
  for (const match of upper.matchAll(re)) {
    const candidate = compactReference(match[0]);
    const valid: string[] = [];
    for (let end = candidate.length; end >= 5; end--) {
      const ref = candidate.slice(0, end);
      if (isValidPaymentReference(ref)) valid.push(ref);
    }
    valid.sort((a, b) => Number(b.length === issued) - Number(a.length === issued));
    for (const ref of valid) if (!found.includes(ref)) found.push(ref);
  }
  return found;
}
