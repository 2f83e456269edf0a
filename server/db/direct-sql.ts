// The chat's hot statements (a link opened, a message stored, a turn read and committed) sent to
// the database driver directly instead of through Prisma's query runtime (decision 0112). Each of
// them is one call of a PL/pgSQL function returning one jsonb value, so none needs what Prisma
// adds (model mapping, its query plan interpreter, result re-typing): on PostgreSQL that layer was
// a tenth of the service's CPU per turn, with its garbage. Transactions and every other query stay
// on Prisma; this is the same driver (the same pg pool, the same PGlite instance) underneath.
import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

export interface DirectSql {
  /** The first column of the first row that `text` returns (undefined when it returns no row). */
  value(text: string, values: readonly unknown[]): Promise<unknown>;
  /**
   * A turn's commit (`text`, one call of `kind`'s function with `values`), which may be sent together
   * with others ready at the same moment in one `amiable_batch` call (decision 0118). Resolves with
   * the function's result; rejects with this item's own error only.
   */
  batched(kind: BatchedKind, text: string, values: readonly unknown[]): Promise<unknown>;
}

/**
 * The functions amiable_batch runs: amiable_commit_plain_turn, amiable_store_and_answer and
 * amiable_open_connection_context (a debtor's link opened, decision 0122).
 */
export type BatchedKind = "commit" | "store_answer" | "open";

/** Subtransactions per batch: PostgreSQL keeps 64 per backend in shared memory before it overflows. */
const BATCH_MAX = 32;
/** Batch calls at a time, each on a connection of the pool (which has ten): two keep most of the batching and let one batch that waits on a lock not hold up every commit. */
const BATCHES_IN_FLIGHT = 2;
/**
 * The order of a batch's items, which is the order in which it takes locks: links first (an open
 * locks its token's row, by the token's hash, its first argument), then conversations (the commits'
 * first argument is the conversation's id).
 */
function byLockOrder(a: Waiting, b: Waiting): number {
  if (a.kind === "open" && b.kind !== "open") return -1;
  if (b.kind === "open" && a.kind !== "open") return 1;
  const x = String(a.values[0]);
  const y = String(b.values[0]);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * On PostgreSQL: the pool that Prisma's adapter uses too (one set of connections). Each statement is
 * prepared once per connection under a name of its own (decision 0114): PostgreSQL then skips the
 * parsing, analysis and planning of the call on every later use of that connection. (A pooler in
 * front of PostgreSQL must keep prepared statements per server connection: PgBouncer 1.21+ with
 * max_prepared_statements set does.)
 */
export function pgDirectSql(pool: pg.Pool): DirectSql {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `amiable_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const value = async (text: string, values: readonly unknown[]) => {
    const result = await pool.query<unknown[]>({
      name: nameOf(text),
      text,
      values: [...values],
      rowMode: "array",
    });
    return result.rows[0]?.[0];
  };
  return { value, batched: batcher(value) };
}

interface Waiting {
  readonly kind: BatchedKind;
  readonly text: string;
  readonly values: readonly unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit (decision 0118): at most BATCHES_IN_FLIGHT calls at a time. What becomes ready while
 * they run waits and leaves in the next one; a commit that finds a free slot leaves at once, alone
 * as its own statement. A batch's items run in byLockOrder's order (each conversation's own items
 * in the order they came): every batch takes links' then conversations' locks in one order, every
 * other transaction holds one conversation's, and the only other writer of links (a link rotated)
 * locks links alone, so no batch can wait on another, or on a transaction, in a cycle. (A rotation
 * revoking two live links of one case while two debtors open both at once could lock them in the
 * other order: PostgreSQL then cancels one side after its deadlock timeout, and that item alone fails.) Several in flight: a batch held up by a conversation's lock (a collector's transaction)
 * holds up its own items only.
 */
function batcher(
  value: (text: string, values: readonly unknown[]) => Promise<unknown>,
): DirectSql["batched"] {
  const queue: Waiting[] = [];
  let inFlight = 0;
  const send = async (items: Waiting[]) => {
    const [only] = items;
    if (items.length === 1 && only) {
      only.resolve(await value(only.text, only.values));
      return;
    }
    const payload = `[${items.map((i) => JSON.stringify({ f: i.kind, a: i.values })).join(",")}]`;
    const raw = await value("SELECT amiable_batch($1::jsonb) AS r", [payload]);
    const results = (typeof raw === "string" ? JSON.parse(raw) : raw) as (
      | { ok: unknown }
      | { error: string; code: string }
    )[];
    items.forEach((item, k) => {
      const r = results[k];
      if (r && "ok" in r) item.resolve(r.ok);
      else item.reject(new Error(r ? `${r.code}: ${r.error}` : "the batch returned no result for this item"));
    });
  };
  const next = () => {
    if (inFlight >= BATCHES_IN_FLIGHT || queue.length === 0) return;
    inFlight++;
    const items = queue.splice(0, BATCH_MAX).sort(byLockOrder);
    void send(items)
      .catch((error: unknown) => {
        for (const item of items) item.reject(error);
      })
      .finally(() => {
        inFlight--;
        next();
      });
  };
  return (kind, text, values) =>
    new Promise((resolve, reject) => {
      queue.push({ kind, text, values, resolve, reject });
      next();
    });
}

/** On PGlite: its own query queue orders these calls with Prisma's transactions. */
export function pgliteDirectSql(client: PGlite): DirectSql {
  const value = async (text: string, values: readonly unknown[]) => {
    const result = await client.query<unknown[]>(text, [...values], { rowMode: "array" });
    return result.rows[0]?.[0];
  };
  // In-process: no round trip to save, each commit is its own statement.
  return { value, batched: (_kind, text, values) => value(text, values) };
}
