// Cases of a new creditor created at the same moment all succeed (found by `npm run fuzz --
// --postgres`: the creditor upsert raced into a unique violation and a 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

describe.each(TEST_TARGETS)("concurrent case creation on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates every case of a brand-new creditor", async () => {
    const creditor = { name: `Nouveau Créancier ${Date.now()}` };
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        t
          .api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase({ creditor }) })
          .then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array(8).fill(201));
    expect(await t.db.prisma.creditor.count({ where: { name: creditor.name } })).toBe(1);
  });
});
