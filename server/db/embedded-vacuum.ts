// The embedded PGlite has no autovacuum (decision 0120): it is PostgreSQL in single-user mode, with
// no background workers. Every turn updates its conversation row, the case's data version and the
// link's last use, so dead row versions pile up and the planner's statistics stay those of an empty
// database: in `bench:chat` at N = 1,000 the turn rate fell by half from one round of conversations
// to the fifth and the p99 reached 12 s. This does autovacuum's work on PGlite, with its default
// thresholds: every `everyMs`, a table with more than 50 + 20 % of its rows dead is vacuumed (and
// analysed), one with more than 50 + 10 % of its rows changed since the last analysis is analysed.
// One table per statement, so each pause of the service's thread stays short.
import type { PrismaClient } from "./generated/client.js";

export interface EmbeddedVacuum {
  /** One pass now: the tables vacuumed or analysed, as "VACUUM table" / "ANALYZE table". */
  runOnce(): Promise<string[]>;
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

interface TableActivity {
  relname: string;
  live: number;
  dead: number;
  changed: number;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function startEmbeddedVacuum(
  prisma: PrismaClient,
  options: { everyMs?: number; onError?: (error: unknown) => void } = {},
): EmbeddedVacuum {
  let running: Promise<string[]> | null = null;
  const pass = async (): Promise<string[]> => {
    // The statistics of the session's own writes reach the shared view at the end of a transaction,
    // at most once a second: asked to, this one's end publishes them for the read after it.
    await prisma.$queryRawUnsafe("SELECT pg_stat_force_next_flush()::text");
    const tables = await prisma.$queryRawUnsafe<TableActivity[]>(
      `SELECT relname, n_live_tup::int AS live, n_dead_tup::int AS dead, n_mod_since_analyze::int AS changed
         FROM pg_stat_user_tables WHERE schemaname = 'public'`,
    );
    const done: string[] = [];
    for (const t of tables) {
      const command =
        t.dead > 50 + 0.2 * t.live
          ? `VACUUM (ANALYZE) ${quoted(t.relname)}`
          : t.changed > 50 + 0.1 * t.live
            ? `ANALYZE ${quoted(t.relname)}`
            : null;
      if (!command) continue;
      await prisma.$executeRawUnsafe(command);
      done.push(`${command.startsWith("VACUUM") ? "VACUUM" : "ANALYZE"} ${t.relname}`);
    }
    return done;
  };
  const runOnce = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (running) return;
    runOnce().catch((error: unknown) => options.onError?.(error));
  }, options.everyMs ?? 10_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
