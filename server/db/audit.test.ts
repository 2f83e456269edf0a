import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../test-support/databases.js";
import { appendAudit, verifyAuditChain } from "./audit.js";

describe.each(TEST_TARGETS)("audit chain on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("stays intact across entries whose data JSONB stores in another key order", async () => {
    for (let i = 0; i < 5; i++) {
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, {
          actorType: "user",
          actorId: `u${i}`,
          action: "test.entry",
          entity: "case",
          entityId: `c${i}`,
          data: { zeta: i, alpha: { nested: [1, { b: 2, a: 1 }] }, mid: "x" },
        }),
      );
    }
    expect(await verifyAuditChain(db.prisma)).toBeNull();
  });

  it("names the first row whose content no longer matches its hash", async () => {
    // Rows cannot be updated (trigger), so simulate tampering by bypassing it as the table owner.
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_update"`);
    const second = await db.prisma.auditLog.findFirstOrThrow({ where: { actorId: "u1" } });
    await db.prisma.$executeRawUnsafe(`UPDATE "AuditLog" SET action = 'forged' WHERE id = $1`, second.id);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_update"`);
    expect(await verifyAuditChain(db.prisma)).toBe(second.id);
  });
});
