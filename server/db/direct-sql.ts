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
  return {
    async value(text, values) {
      const result = await pool.query<unknown[]>({
        name: nameOf(text),
        text,
        values: [...values],
        rowMode: "array",
      });
      return result.rows[0]?.[0];
    },
  };
}

/** On PGlite: its own query queue orders these calls with Prisma's transactions. */
export function pgliteDirectSql(client: PGlite): DirectSql {
  return {
    async value(text, values) {
      const result = await client.query<unknown[]>(text, [...values], { rowMode: "array" });
      return result.rows[0]?.[0];
    },
  };
}
