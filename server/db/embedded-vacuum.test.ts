// The embedded database's vacuum (decision 0120), on a real PGlite: a table whose rows were updated
// over and over is vacuumed and analysed, one that barely changed is left alone, and a pass right
// after finds nothing more to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../test-support/databases.js";
import { startEmbeddedVacuum } from "./embedded-vacuum.js";

describe("embedded vacuum on PGlite", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await db?.close();
  });

  const dead = async (table: string) =>
    (
      await db.prisma.$queryRawUnsafe<{ dead: number }[]>(
        `SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = '${table}'`,
      )
    )[0]?.dead ?? 0;

  it("vacuums the tables autovacuum would, and only those", async () => {
    await db.prisma.$executeRawUnsafe(`CREATE TABLE churn (id int PRIMARY KEY, n int NOT NULL)`);
    await db.prisma.$executeRawUnsafe(`CREATE TABLE calm (id int PRIMARY KEY, n int NOT NULL)`);
    await db.prisma.$executeRawUnsafe(`INSERT INTO churn SELECT g, 0 FROM generate_series(1, 100) g`);
    await db.prisma.$executeRawUnsafe(`INSERT INTO calm SELECT g, 0 FROM generate_series(1, 1000) g`);
    const vacuum = startEmbeddedVacuum(db.prisma, { everyMs: 3_600_000 });
    try {
      // Both tables analysed once after their inserts; from then on only what changes counts.
      await vacuum.runOnce();
      for (let i = 0; i < 20; i++) await db.prisma.$executeRawUnsafe(`UPDATE churn SET n = n + 1`);
      await db.prisma.$executeRawUnsafe(`UPDATE calm SET n = 1 WHERE id <= 10`);
      const done = await vacuum.runOnce();
      expect(done).toContain("VACUUM churn");
      expect(done.filter((d) => d.endsWith(" calm"))).toEqual([]);
      expect(await dead("churn")).toBeLessThan(50);
      // Nothing changed since: nothing to do.
      expect(await vacuum.runOnce()).toEqual([]);
    } finally {
      await vacuum.stop();
    }
  });
});
