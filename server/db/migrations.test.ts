import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../test-support/databases.js";
import { diffMigrationsToSchema } from "./schema-engine.js";

describe("migrations", () => {
  it("have no drift from prisma/schema.prisma", async () => {
    const sql = await diffMigrationsToSchema(new PrismaPGlite(new PGlite()));
    expect(sql, `run \`npm run db:migration -- <name>\`; pending SQL:\n${sql}`).toBe("");
  });
});

describe.each(TEST_TARGETS)("database on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies the migrations and answers", async () => {
    expect(db.appliedMigrations.length).toBeGreaterThan(0);
    expect(await db.ping()).toBe(true);
  });

  it("keeps the audit log append-only", async () => {
    const row = await db.prisma.auditLog.create({
      data: { actorType: "system", action: "test", entity: "none", prevHash: "0", hash: `h-${target}` },
    });
    await expect(
      db.prisma.auditLog.update({ where: { id: row.id }, data: { action: "x" } }),
    ).rejects.toThrow();
    await expect(db.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
  });
});
