// Every database test runs on PGlite and, when TEST_DATABASE_URL names a PostgreSQL server (as in
// CI), on PostgreSQL too: the same tests, two targets. Each call gets a fresh, empty database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/open.js";

export type TestTarget = "pglite" | "postgres";

export const TEST_TARGETS: TestTarget[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  /** The URL of the fresh PostgreSQL database (undefined on PGlite). */
  readonly url: string | undefined;
}

export async function openTestDatabase(target: TestTarget): Promise<TestDatabase> {
  if (target === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    return { ...db, url: undefined };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `amiable_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
