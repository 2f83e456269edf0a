// The storage ports on a real database: the stores a use case gets, and a transaction through the
// port commits all of its writes or none of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../app/ports/index.js";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { insertStoreCase } from "../../test-support/store-case.js";

async function newCase(stores: Stores, reference: string): Promise<string> {
  return (await insertStoreCase(stores, reference)).caseId;
}

describe.each(TEST_TARGETS)("storage ports on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates and reads a case through the case store, with its relations as plain rows", async () => {
    const id = await newCase(db.stores, "P-1");
    expect(await db.stores.cases.exists(id)).toBe(true);
    expect(await db.stores.cases.exists("00000000-0000-0000-0000-000000000000")).toBe(false);
    const detail = await db.stores.cases.detail(id);
    expect(detail?.creditor.name).toBe("Ports SARL");
    expect(detail?.invoices.map((i) => [i.number, i.amount])).toEqual([["F-P-1", 120_000n]]);
    expect(detail?.tokens).toHaveLength(1);
    expect(await db.stores.cases.findIdByReference("Ports SARL", "P-1")).toEqual({ id });
    expect((await db.stores.cases.debtorLocale(id))?.debtor.locale).toBe("fr");
  });

  it("commits every write of a transaction together", async () => {
    const caseId = await newCase(db.stores, "P-2");
    const now = new Date("2026-03-01T10:00:00Z");
    await db.stores.outreach.ensureSequences(now, caseId);
    const before = (await db.stores.audit.page(1, 100)).total;
    await db.stores.transaction(async (tx) => {
      const seq = await tx.outreach.lockSequenceOfCase(caseId);
      if (!seq) throw new Error("no sequence");
      await tx.outreach.updateSequence(seq.id, { emailOptOutAt: now });
      await tx.audit.append({
        actorType: "debtor",
        action: "test.opt_out",
        entity: "case",
        entityId: caseId,
      });
    });
    expect((await db.stores.outreach.outreachCase(caseId))?.outreach?.emailOptOutAt).toEqual(now);
    const after = await db.stores.audit.page(1, 100);
    expect(after.total).toBe(before + 1);
    expect(after.brokenAt).toBeNull();
  });

  it("rolls every write back when the work throws", async () => {
    const caseId = await newCase(db.stores, "P-3");
    const now = new Date("2026-03-02T10:00:00Z");
    await db.stores.outreach.ensureSequences(now, caseId);
    const before = (await db.stores.audit.page(1, 100)).total;
    await expect(
      db.stores.transaction(async (tx) => {
        const seq = await tx.outreach.lockSequenceOfCase(caseId);
        if (!seq) throw new Error("no sequence");
        await tx.outreach.updateSequence(seq.id, { smsOptOutAt: now });
        await tx.audit.append({
          actorType: "debtor",
          action: "test.opt_out",
          entity: "case",
          entityId: caseId,
        });
        throw new Error("crash after the writes");
      }),
    ).rejects.toThrow("crash after the writes");
    expect((await db.stores.outreach.outreachCase(caseId))?.outreach?.smsOptOutAt).toBeNull();
    expect((await db.stores.audit.page(1, 100)).total).toBe(before);
  });
});
