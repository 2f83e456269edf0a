// Hostile text: characters no person types and that break storage or display. PostgreSQL refuses
// NUL in text; a lone UTF-16 surrogate cannot be encoded as UTF-8 (the driver throws); control
// characters hide text in logs, CSV exports and the console. They are refused at every boundary
// with a clear reason instead of surfacing as a 500. Tab, newline and carriage return are text.
import { z } from "zod";

export interface HostileChar {
  /** UTF-16 index in the string. */
  readonly index: number;
  /** "U+0000" style code of the offending unit. */
  readonly code: string;
  readonly reason: string;
}

const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, "0")}`;

/** The first character a user text may not hold, or null. */
export function findHostileChar(s: string): HostileChar | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { index: i, code: hex(c), reason: "must not contain a NUL character" };
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      return { index: i, code: hex(c), reason: `must not contain control characters (${hex(c)})` };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code: hex(c), reason: `must not contain a lone UTF-16 surrogate (${hex(c)})` };
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return { index: i, code: hex(c), reason: `must not contain a lone UTF-16 surrogate (${hex(c)})` };
  }
  return null;
}

/** The zod check every user-supplied string goes through: `z.string().check(userText)`. */
export const userText = z.superRefine<string>((value, ctx) => {
  const bad = findHostileChar(value);
  if (bad) ctx.addIssue({ code: "custom", message: bad.reason, input: value });
});

/** A string schema refusing hostile characters (before any trim, so nothing hides at the edges). */
export const safeString = (params?: Parameters<typeof z.string>[0]) => z.string(params).check(userText);

export interface HostileField {
  /** Dotted path to the field ("invoices.0.number", a key is named by its parent's path + "(key)"). */
  readonly path: string;
  readonly message: string;
}

const MAX_DEPTH = 32;

/** The first string (value or key) in a parsed payload holding a hostile character, or null. */
export function findHostileField(value: unknown, path: string[] = [], depth = 0): HostileField | null {
  if (typeof value === "string") {
    const bad = findHostileChar(value);
    return bad ? { path: path.length ? path.join(".") : "(root)", message: bad.reason } : null;
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    const keyBad = findHostileChar(key);
    if (keyBad) return { path: [...path, "(key)"].join("."), message: keyBad.reason };
    const found = findHostileField(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
