// The version a turn's commit compares (decision 0114): triggers raise the case's dataVersion on every
// change to what a turn reads of the case, whoever writes it, and on nothing else. Each change below
// is made the way another writer would make it (a collector's offer, a payment, an import), outside
// the chat store, and read back through the store's turn context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { insertStoreCase } from "../../test-support/store-case.js";

describe.each(TEST_TARGETS)("case data version on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("changes with everything a turn reads of the case, and with nothing else", async () => {
    const { caseId, policyVersionId } = await insertStoreCase(db.stores, "V-1");
    const other = await insertStoreCase(db.stores, "V-2", { creditor: "Other SARL" });
    const { id: conversationId } = await db.prisma.conversation.create({ data: { caseId } });
    const { id: otherConversationId } = await db.prisma.conversation.create({
      data: { caseId: other.caseId },
    });
    const version = async (id = caseId, conv = conversationId) => {
      const read = await db.stores.chat.turnContext(id, conv);
      if (!read) throw new Error("no context");
      return read.caseFingerprint;
    };
    let last = await version();
    const otherAtStart = await version(other.caseId, otherConversationId);
    /** Runs a change and says whether the turn's version moved. */
    const moves = async (change: () => Promise<unknown>) => {
      await change();
      const now = await version();
      const moved = now !== last;
      last = now;
      return moved;
    };
    const theCase = await db.prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { debtorId: true, creditorId: true },
    });

    // Columns no turn reads: the principal, the updatedAt Prisma sets on every update.
    expect(await moves(() => db.prisma.case.update({ where: { id: caseId }, data: { principal: 1n } }))).toBe(
      false,
    );
    expect(
      await moves(() =>
        db.prisma.debtor.update({ where: { id: theCase.debtorId }, data: { email: "p@example.org" } }),
      ),
    ).toBe(false);
    // The case's own columns.
    expect(
      await moves(() => db.prisma.case.update({ where: { id: caseId }, data: { status: "negotiating" } })),
    ).toBe(true);
    expect(
      await moves(() =>
        db.prisma.case.update({ where: { id: caseId }, data: { verificationQuestion: "Code postal ?" } }),
      ),
    ).toBe(true);
    // A collector's offer: made, decided, removed.
    const offer = await db.prisma.offer.create({
      data: {
        caseId,
        kind: "plan",
        total: 120_000n,
        currency: "EUR",
        instalments: [],
        terms: {},
        rule: "test",
        policyVersionId,
        source: "collector",
        expiresAt: new Date("2026-04-01T00:00:00Z"),
      },
    });
    expect(await moves(async () => offer)).toBe(true);
    expect(
      await moves(() => db.prisma.offer.update({ where: { id: offer.id }, data: { status: "declined" } })),
    ).toBe(true);
    expect(await moves(() => db.prisma.offer.delete({ where: { id: offer.id } }))).toBe(true);
    // A payment recorded, an invoice corrected.
    expect(
      await moves(() =>
        db.prisma.payment.create({
          data: { caseId, amount: 10_000n, currency: "EUR", paidAt: new Date("2026-03-02T00:00:00Z") },
        }),
      ),
    ).toBe(true);
    expect(
      await moves(() => db.prisma.invoice.updateMany({ where: { caseId }, data: { amount: 110_000n } })),
    ).toBe(true);
    // The debtor's name, language or time zone; the creditor's name.
    expect(
      await moves(() => db.prisma.debtor.update({ where: { id: theCase.debtorId }, data: { locale: "en" } })),
    ).toBe(true);
    expect(
      await moves(() =>
        db.prisma.creditor.update({ where: { id: theCase.creditorId }, data: { name: "Renamed SARL" } }),
      ),
    ).toBe(true);

    // None of it touched the other case (its own debtor and creditor).
    expect(await version(other.caseId, otherConversationId)).toBe(otherAtStart);
  });
});
