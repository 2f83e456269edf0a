// The SQL statements the service sends to PostgreSQL, counted for real: every query any pg client
// sends while some work runs (PGlite runs in-process and does not go through the driver). The
// statement-count tests of the turn and of the debtor's connection use it, so counts cannot creep.
import pg from "pg";

/** A statement as a pg client sent it: its text (whitespace folded) and its parameters. */
export interface SentQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Records every statement any pg client sends while `work` runs, with its parameters. */
export async function queriesDuring(work: () => Promise<void>): Promise<SentQuery[]> {
  const seen: SentQuery[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; values?: unknown[] };
    const text = (typeof q === "string" ? q : (q?.text ?? "")).replace(/\s+/g, " ").trim();
    const values = Array.isArray(args[1]) ? args[1] : typeof q === "object" ? (q?.values ?? []) : [];
    seen.push({ text, values });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

/** Records the text of every statement any pg client sends while `work` runs (whitespace folded). */
export async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
  return (await queriesDuring(work)).map((q) => q.text);
}

/**
 * The socket.io PostgreSQL adapter relays each room broadcast to the other instances with a
 * `SELECT pg_notify(...)` on its own connection (decision 0012): not storage work.
 */
export const isAdapterNotify = (statement: string) => statement.startsWith("SELECT pg_notify(");
