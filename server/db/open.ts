// Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
// Applies pending migrations first, so a fresh folder or an empty database is ready to use.
// This module (with the repositories under server/db) is the only code that imports Prisma.
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Stores } from "../app/ports/index.js";
import { type DirectSql, pgDirectSql, pgliteDirectSql } from "./direct-sql.js";
import { startEmbeddedVacuum } from "./embedded-vacuum.js";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations, migrationNames } from "./schema-engine.js";
import { bindStores } from "./stores/index.js";
import { refuseInsideTransaction } from "./transaction-scope.js";

export type Prisma = PrismaClient;

export interface Database {
  /** The storage ports bound to this database: what everything outside server/db uses. */
  readonly stores: Stores;
  /**
   * Only for server/db, and for what inspects the database from outside the use cases: tests and
   * the evals' graders (through the composition root's context). Use cases see `AppDatabase`.
   */
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** The PostgreSQL URL (undefined on PGlite): other instances share this database. */
  readonly url?: string | undefined;
  /** Applied migration names, for the boot log. */
  readonly appliedMigrations: string[];
  /** True while the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The database as use cases see it (AppContext.db): kind, url, health; no client (decision 0085). */
export type AppDatabase = Omit<Database, "prisma">;

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  readonly url?: string | undefined;
  /** PGlite data folder; "memory://" for an in-memory database. */
  readonly dataDir?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? "./data");
}

/**
 * PGlite's PostgreSQL keeps its defaults for a server (shared_buffers 128 MB): in WebAssembly that
 * memory is the process's own and never given back, and it made most of the 650-750 MB idle RSS.
 * The embedded database is for trials and small volumes: 16 MB of buffers hold it whole.
 * See docs/decisions/0091-idle-memory.md.
 */
const PGLITE_MEMORY = ["-c", "shared_buffers=16MB", "-c", "wal_buffers=1MB"];

async function openPglite(dataDir: string): Promise<Database> {
  // Each kind's driver is loaded only when used: PostgreSQL does not carry PGlite (decision 0106).
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const options = { startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY] };
  const client = inMemory ? new PGlite(options) : new PGlite(dataDir, options);
  await client.waitReady;
  yieldBetweenQueries(client);
  const factory = new PrismaPGlite(client);
  // One connection: every transaction waits for the ones before it. Under load that queue is long,
  // and Prisma's default wait to start one (2 s) would fail turns that only had to wait their turn.
  const db = await finish(
    "pglite",
    factory,
    pgliteDirectSql(client),
    { maxWait: 120_000, timeout: 30_000 },
    async () => {
      await client.close();
    },
  );
  // No autovacuum in an embedded PostgreSQL: the service does its work (decision 0120). A pass that
  // fails is tried again at the next one; the database keeps working meanwhile.
  const vacuum = startEmbeddedVacuum(db.prisma);
  return {
    ...db,
    async close() {
      await vacuum.stop();
      await db.close();
    },
  };
}

/**
 * PGlite runs each query synchronously on the main thread and hands its lock to the next waiter in
 * a microtask. Under load, queries then follow one another without ever returning to the event
 * loop: socket.io heartbeats, HTTP and timers starve until clients drop. Waiting for one macrotask
 * before each call lets them in between queries. Each call also refuses to start from inside a
 * transaction's callback, where it would wait forever (transaction-scope.ts).
 */
export function yieldBetweenQueries(client: PGlite): void {
  const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  // The root client only: a transaction's own queries go through the handle PGlite gives it.
  client.query = (async (...args: Parameters<typeof query>) => {
    refuseInsideTransaction();
    await nextTick();
    return query(...args);
  }) as typeof client.query;
  client.exec = async (...args: Parameters<typeof exec>) => {
    refuseInsideTransaction();
    await nextTick();
    return exec(...args);
  };
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    refuseInsideTransaction();
    await nextTick();
    return transaction(...args);
  }) as typeof client.transaction;
}

async function openPostgres(url: string): Promise<Database> {
  const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
  // One pool for Prisma's adapter and the chat's direct calls (decision 0112); Prisma ends it.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const db = await finish(
    "postgres",
    factory,
    pgDirectSql(pool),
    { maxWait: 10_000, timeout: 30_000 },
    async () => {},
  );
  return { ...db, url };
}

async function finish(
  kind: Database["kind"],
  factory: SqlMigrationAwareDriverAdapterFactory,
  direct: DirectSql,
  transactionOptions: { maxWait: number; timeout: number },
  closeDriver: () => Promise<void>,
): Promise<Database> {
  const prisma = new PrismaClient({ adapter: factory as never, transactionOptions });
  await prisma.$connect();
  // The schema engine (WebAssembly, its memory kept for the life of the process) is only loaded
  // when a migration is pending: an ordinary boot reads one table instead.
  const appliedMigrations = (await migrationsPending(prisma)) ? await applyMigrations(factory) : [];
  return {
    stores: bindStores(prisma, direct),
    prisma,
    kind,
    appliedMigrations,
    async ping() {
      try {
        await prisma.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/** True unless every migration folder is recorded as applied (and not rolled back). */
async function migrationsPending(prisma: PrismaClient): Promise<boolean> {
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationNames().some((name) => !applied.has(name));
  } catch {
    // No migrations table yet: a fresh database.
    return true;
  }
}
