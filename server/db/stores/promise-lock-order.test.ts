// Breaking a promise and committing a turn touch the same rows (the conversation, the case's open
// offers, its status): they must take them in the same order, the conversation first, or a turn on
// one instance and the promise review on another can deadlock. PostgreSQL only (PGlite has one
// connection, so its transactions never overlap).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdConversationLock } from "../../test-support/conversation-lock.js";
import { openTestDatabase, type TestDatabase } from "../../test-support/databases.js";
import { insertStoreCase } from "../../test-support/store-case.js";

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl)
  console.warn("promise-lock-order.test.ts skipped: set TEST_DATABASE_URL to run it on PostgreSQL");

describe.skipIf(!postgresUrl)("breaking a promise while a turn commits, on PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("waits for the turn's conversation lock before it touches the case, so neither deadlocks", async () => {
    const { caseId, policyVersionId } = await insertStoreCase(db.stores, "LOCK-1");
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const offer = (status: "accepted" | "proposed") =>
      db.prisma.offer.create({
        data: {
          caseId,
          kind: "plan",
          status,
          total: 120_000n,
          currency: "EUR",
          instalments: [],
          terms: {},
          rule: "test",
          policyVersionId,
          expiresAt: new Date("2027-01-01T00:00:00Z"),
        },
      });
    const accepted = await offer("accepted");
    const open = await offer("proposed");
    const promise = await db.prisma.promiseToPay.create({
      data: {
        caseId,
        offerId: accepted.id,
        total: 120_000n,
        currency: "EUR",
        obtainedBy: "assistant",
        acceptedAt: new Date("2026-11-01T00:00:00Z"),
      },
    });

    // A turn's commit, as amiable_commit_plain_turn and amiable_write_turn take their locks: the
    // conversation first, then (after some work) the case's open offers and its status.
    const turn = await holdConversationLock(db.url as string, conversation.id);
    try {
      const breaking = db.stores.promises.markBroken({
        promiseId: promise.id,
        missedInstalmentIds: [],
        at: new Date("2026-12-01T00:00:00Z"),
        summary: { test: true },
      });
      const outcome = breaking.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // Long enough for the review to reach (and, in the wrong order, hold) the offers and the case.
      await new Promise((r) => setTimeout(r, 400));
      await turn.query(
        `UPDATE "Offer" SET status = 'declined', "decidedAt" = now() WHERE "caseId" = $1 AND status = 'proposed'`,
        [caseId],
      );
      await turn.query(`UPDATE "Case" SET status = 'negotiating', "updatedAt" = now() WHERE id = $1`, [
        caseId,
      ]);
      await turn.commit();
      const result = await outcome;
      expect(result.ok, result.ok ? "" : String(result.error)).toBe(true);
      expect(result.ok && result.value).toMatchObject({ caseId });
    } finally {
      await turn.end();
    }
    // Both happened, one after the other: the turn declined the open offer, the review then broke
    // the promise and escalated the case.
    expect((await db.prisma.offer.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("declined");
    expect((await db.prisma.promiseToPay.findUniqueOrThrow({ where: { id: promise.id } })).status).toBe(
      "broken",
    );
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("escalated");
  });
});
