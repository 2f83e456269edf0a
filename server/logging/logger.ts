// Structured JSON logs (pino). Personal data never reaches the log: debtor names, emails,
// phones, message text, tokens and passwords are redacted wherever they appear in a log object.
import { type Logger, pino } from "pino";

export type { Logger };

const SENSITIVE = [
  "name",
  "email",
  "phone",
  "text",
  "token",
  "password",
  "answer",
  "authorization",
  "cookie",
];

const redactPaths = [
  ...SENSITIVE.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-debtor-token"]',
  "req.url",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: "[redacted]" },
      base: { service: "amiable" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Paths such as /c/<token> carry secrets: log the route shape, not the value. */
export function scrubPath(path: string): string {
  return path.replace(/\/c\/[^/?#]+/g, "/c/[token]").replace(/[?#].*$/, "");
}
