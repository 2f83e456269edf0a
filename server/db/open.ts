// Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
// Applies pending migrations first, so a fresh folder or an empty database is ready to use.
// This module (with the repositories under server/db) is the only code that imports Prisma.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.js";
import { applyMigrations } from "./schema-engine.js";

export type Prisma = PrismaClient;

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** Applied migration names, for the boot log. */
  readonly appliedMigrations: string[];
  /** True while the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

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

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(dataDir);
  await client.waitReady;
  const factory = new PrismaPGlite(client);
  return finish("pglite", factory, async () => {
    await client.close();
  });
}

async function openPostgres(url: string): Promise<Database> {
  const factory = new PrismaPg({ connectionString: url, max: 10 });
  return finish("postgres", factory, async () => {});
}

async function finish(
  kind: Database["kind"],
  factory: SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Promise<Database> {
  const appliedMigrations = await applyMigrations(factory);
  const prisma = new PrismaClient({ adapter: factory as never });
  await prisma.$connect();
  return {
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
