// The chat store (app/ports/chat.ts) on a real database: a session from a link, a debtor message
// stored once, and a turn written through its transaction handle or in one statement, all of it or
// none of it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toWire } from "../../app/chat/wire.js";
import type { Stores } from "../../app/ports/index.js";
import { holdConversationLock } from "../../test-support/conversation-lock.js";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { insertStoreCase } from "../../test-support/store-case.js";
import { replyWrites } from "../../test-support/turn-writes.js";

async function newCase(stores: Stores, reference: string): Promise<string> {
  return (
    await insertStoreCase(stores, reference, {
      creditor: "Chat Port SARL",
      debtor: "Paul Durand",
      amount: 80_000,
    })
  ).caseId;
}

describe.each(TEST_TARGETS)("chat store on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("opens a live link only, recording its use, with the debtor's language and one conversation", async () => {
    const caseId = await newCase(db.stores, "C-1");
    const now = new Date("2026-03-01T10:00:00Z");
    const lastUsed = async () =>
      (await db.prisma.debtorAccessToken.findFirstOrThrow({ where: { caseId } })).lastUsedAt;
    expect(await db.stores.chat.openConnection("hash-unknown", now, "history")).toBeNull();
    expect(
      await db.stores.chat.openConnection("hash-C-1", new Date("2027-06-01T00:00:00Z"), "history"),
    ).toBeNull();
    expect(await lastUsed()).toBeNull();
    expect(await db.prisma.conversation.count({ where: { caseId } })).toBe(0);

    const first = await db.stores.chat.openConnection("hash-C-1", now, "history");
    expect(first).toMatchObject({
      caseId,
      locale: "fr",
      conversation: { lockedAt: null },
      history: { status: "verifying", answeredSeq: 0, messages: [] },
    });
    expect(await lastUsed()).toEqual(now);
    const later = new Date("2026-03-02T08:30:00.125Z");
    const again = await db.stores.chat.openConnection("hash-C-1", later, "link");
    expect(again?.conversation.id).toBe(first?.conversation.id);
    expect(again?.tokenId).toBe(first?.tokenId);
    expect(again?.history).toBeNull();
    expect(await lastUsed()).toEqual(later);
    expect(await db.prisma.conversation.count({ where: { caseId } })).toBe(1);

    const locked = new Date("2026-03-03T00:00:00Z");
    await db.prisma.conversation.update({ where: { caseId }, data: { lockedAt: locked } });
    expect((await db.stores.chat.openConnection("hash-C-1", now, "link"))?.conversation.lockedAt).toEqual(
      locked,
    );
    await db.prisma.debtorAccessToken.updateMany({ where: { caseId }, data: { revokedAt: now } });
    expect(await db.stores.chat.openConnection("hash-C-1", later, "history")).toBeNull();
    expect(await lastUsed()).toEqual(now);
  });

  it("creates one conversation when the first visits open the link at the same time", async () => {
    const caseId = await newCase(db.stores, "C-4");
    const now = new Date("2026-03-01T10:00:00Z");
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => db.stores.chat.openConnection("hash-C-4", now, "history")),
    );
    expect(new Set(opened.map((o) => o?.conversation.id)).size).toBe(1);
    expect(await db.prisma.conversation.count({ where: { caseId } })).toBe(1);
  });

  it("reads the conversation in the wire form the Prisma read gave: offer cards, quick replies, notices", async () => {
    const caseId = await newCase(db.stores, "C-5");
    const now = new Date("2026-03-01T10:00:00Z");
    const opened = await db.stores.chat.openConnection("hash-C-5", now, "link");
    if (!opened) throw new Error("not opened");
    const conversationId = opened.conversation.id;
    const version = await db.stores.policies.registerPackContent({
      packId: "test-pack",
      hash: "a".repeat(64),
      content: "id: test-pack",
    });
    const offerId = randomUUID();
    await db.stores.chat.storeDebtorMessage(conversationId, "cm-5", "je peux payer en deux fois");
    await db.stores.chat.turn((tx) =>
      tx.write({
        ...replyWrites(conversationId, caseId, "unused"),
        messages: [
          {
            id: randomUUID(),
            role: "assistant",
            text: "Voici une proposition",
            offerId,
            quickReplies: ["Oui", "Non"],
            meta: { layer: "offline", usage: { tokens: 12 } },
          },
          { id: randomUUID(), role: "system", text: "Un conseiller arrive", meta: { notice: "handoff" } },
          { id: randomUUID(), role: "system", text: "array meta", meta: { notice: 3 } },
        ],
        events: [],
        offers: [
          {
            id: offerId,
            kind: "plan",
            status: "proposed",
            total: 80_000,
            currency: "EUR",
            discountBps: 0,
            instalments: [
              { dueDate: "2026-03-15", amount: 40_000 },
              { dueDate: "2026-04-15", amount: 40_000 },
            ],
            terms: {},
            rule: "test",
            policyVersionId: version.id,
            source: "engine",
            expiresAt: new Date("2026-03-08T10:00:00.5Z"),
          },
        ],
      }),
    );
    const prismaRows = await db.prisma.message.findMany({
      where: { conversationId },
      orderBy: { seq: "asc" },
      include: { offer: true },
    });
    const expected = prismaRows.map(toWire);
    expect(expected[1]?.offer?.instalments).toHaveLength(2);
    expect(expected[1]?.quickReplies).toEqual(["Oui", "Non"]);
    expect(expected[2]?.notice).toBe("handoff");
    const read = await db.stores.chat.history(caseId, conversationId);
    expect(read.messages.map(toWire)).toEqual(expected);
    expect(read.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(read.status).toBe("negotiating");
    const reopened = await db.stores.chat.openConnection("hash-C-5", now, "history");
    expect(reopened?.history?.messages.map(toWire)).toEqual(expected);
    await expect(db.stores.chat.history(randomUUID(), conversationId)).rejects.toThrow("does not exist");
  });

  it("stores a debtor message once per clientMessageId", async () => {
    const caseId = await newCase(db.stores, "C-2");
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const first = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-1", "bonjour");
    const again = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-1", "bonjour");
    expect(first.created).toBe(true);
    expect(again).toMatchObject({
      created: false,
      message: { id: first.message.id, seq: 1, answeredSeq: 0 },
    });
    expect((await db.stores.chat.findByClientMessageId(conversation.id, "cm-1"))?.id).toBe(first.message.id);
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.text)).toEqual([
      "bonjour",
    ]);
  });

  it("reads a turn's whole context with a stored message or the debtor's view when asked, in the same statement", async () => {
    const caseId = await newCase(db.stores, "C-2b");
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const view = await db.stores.chat.history(caseId, conversation.id, true);
    expect(view.messages).toEqual([]);
    expect(view.context).toMatchObject({
      case: { id: caseId, reference: "C-2b", debtor: { name: "Paul Durand" } },
      conversation: { id: conversation.id, answeredSeq: 0 },
      lastSeq: 0,
      lastDebtor: null,
      history: [],
    });
    expect((await db.stores.chat.history(caseId, conversation.id)).context).toBeUndefined();

    const plain = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-c1", "bonjour");
    expect(plain.created && plain.message.context).toBeUndefined();
    const stored = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-c2", "75011", caseId);
    if (!stored.created) throw new Error("not stored");
    // Read after the insert: the new message is the last one, and the fingerprint is the case's own.
    expect(stored.message.context).toMatchObject({
      case: { id: caseId },
      lastSeq: 2,
      lastDebtor: { seq: 2, text: "75011" },
      history: [
        { seq: 1, role: "debtor", text: "bonjour" },
        { seq: 2, role: "debtor", text: "75011" },
      ],
    });
    const fresh = await db.stores.chat.turnContext(caseId, conversation.id);
    expect(stored.message.context?.caseFingerprint).toBe(fresh?.caseFingerprint);
    expect(stored.message.context?.case).toEqual(fresh?.case);
    // A repeat carries no context (nothing new to answer).
    const again = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-c2", "75011", caseId);
    expect(again).toMatchObject({ created: false, message: { id: stored.message.id } });
  });

  it("writes a turn through its handle in one transaction: a failure after the writes leaves none of them", async () => {
    const caseId = await newCase(db.stores, "C-3");
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const stored = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-2", "75011");
    if (!stored.created) throw new Error("not stored");
    const claim = {
      conversationId: conversation.id,
      caseId,
      claim: { kind: "answer" as const, seq: stored.message.seq },
      version: stored.message.conversation.version,
      caseFingerprint: null,
      write: { state: { phase: "reason" }, verifyAttempts: 0, verifiedAt: null, lockedAt: null },
    };
    await expect(
      db.stores.chat.turn(async (tx) => {
        expect((await tx.claim(claim)).status).toBe("claimed");
        await tx.write(replyWrites(conversation.id, caseId, "never shown"));
        throw new Error("simulated failure after the writes");
      }),
    ).rejects.toThrow("simulated failure");
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.role)).toEqual([
      "debtor",
    ]);
    expect((await db.stores.chat.history(caseId, conversation.id)).status).toBe("verifying");
    const read = await db.stores.chat.turnContext(caseId, conversation.id);
    expect(read?.conversation.answeredSeq).toBe(0);

    const written = await db.stores.chat.turn(async (tx) => {
      expect((await tx.claim(claim)).status).toBe("claimed");
      return tx.write(replyWrites(conversation.id, caseId, "Merci"));
    });
    expect(written.map((w) => w.seq)).toEqual([2]);
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.text)).toEqual([
      "75011",
      "Merci",
    ]);
    expect((await db.stores.chat.history(caseId, conversation.id)).status).toBe("negotiating");
    const after = await db.stores.chat.turnContext(caseId, conversation.id);
    expect(after?.conversation.answeredSeq).toBe(stored.message.seq);
    expect(after?.history.map((h) => h.text)).toEqual(["75011", "Merci"]);
    // The same message claimed again (another instance's turn) is already answered: nothing to write.
    const second = await db.stores.chat.turn((tx) =>
      tx.claim({ ...claim, version: after?.conversation.version ?? 0 }),
    );
    expect(second.status).toBe("answered");
  });

  it("claims and writes a plain turn in one statement: nothing unless the claim holds, the owned variant under a takeover", async () => {
    const caseId = await newCase(db.stores, "C-14");
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const stored = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-4", "75011");
    const read = await db.stores.chat.turnContext(caseId, conversation.id);
    const claim = {
      conversationId: conversation.id,
      caseId,
      claim: { kind: "answer" as const, seq: stored.message.seq },
      version: read?.conversation.version ?? 0,
      caseFingerprint: read?.caseFingerprint ?? null,
      write: { state: { phase: "reason" }, verifyAttempts: 0, verifiedAt: null, lockedAt: null },
    };
    // A stale read (another version) writes nothing at all.
    const stale = await db.stores.chat.commitPlainTurn({
      claim: { ...claim, version: claim.version + 7 },
      free: replyWrites(conversation.id, caseId, "never shown"),
      owned: replyWrites(conversation.id, caseId, "never shown either"),
    });
    expect(stale).toEqual({ claim: { status: "stale" }, written: [] });
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.text)).toEqual([
      "75011",
    ]);
    expect((await db.stores.chat.history(caseId, conversation.id)).status).toBe("verifying");

    const out = await db.stores.chat.commitPlainTurn({
      claim,
      free: replyWrites(conversation.id, caseId, "Merci"),
      owned: { ...replyWrites(conversation.id, caseId, "unused"), messages: [], caseStatus: null },
    });
    expect(out.claim).toMatchObject({ status: "claimed", humanOwnerId: null });
    expect(out.written.map((w) => w.seq)).toEqual([2]);
    // The case's version after the writes (the status moved): what a fresh read would give.
    const after = await db.stores.chat.turnContext(caseId, conversation.id);
    expect(out.caseFingerprint).toBe(after?.caseFingerprint);
    expect(Number(out.caseFingerprint)).toBe(Number(read?.caseFingerprint) + 1);
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.text)).toEqual([
      "75011",
      "Merci",
    ]);
    expect((await db.stores.chat.history(caseId, conversation.id)).status).toBe("negotiating");
    const again = await db.stores.chat.commitPlainTurn({
      claim,
      free: replyWrites(conversation.id, caseId, "twice"),
      owned: replyWrites(conversation.id, caseId, "twice"),
    });
    expect(again.claim.status).toBe("answered");
    expect(again.written).toEqual([]);

    // A person took the conversation over while the next turn was prepared: the owned variant is written.
    const next = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-5", "je paie demain");
    const user = await db.prisma.user.create({
      data: { email: `takeover-${target}@example.test`, role: "collector", passwordHash: "x" },
    });
    await db.prisma.conversation.update({ where: { id: conversation.id }, data: { humanOwnerId: user.id } });
    const now = await db.stores.chat.turnContext(caseId, conversation.id);
    const owned = await db.stores.chat.commitPlainTurn({
      claim: {
        ...claim,
        claim: { kind: "answer", seq: next.message.seq },
        version: now?.conversation.version ?? 0,
        caseFingerprint: now?.caseFingerprint ?? null,
      },
      free: replyWrites(conversation.id, caseId, "the assistant's reply"),
      owned: { ...replyWrites(conversation.id, caseId, "unused"), messages: [], events: [] },
    });
    expect(owned.claim).toMatchObject({ status: "claimed", humanOwnerId: user.id });
    expect(owned.written).toEqual([]);
    expect((await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => m.text)).toEqual([
      "75011",
      "Merci",
      "je paie demain",
    ]);
  });

  it.skipIf(target !== "postgres")(
    "numbers the reply after a debtor message stored while the commit waited for the conversation's lock",
    async () => {
      const caseId = await newCase(db.stores, "C-16");
      const conversation = await db.stores.conversations.getOrCreate(caseId);
      const stored = await db.stores.chat.storeDebtorMessage(conversation.id, "cm-6", "75011");
      const read = await db.stores.chat.turnContext(caseId, conversation.id);
      // Another writer holds the conversation's lock: the commit waits for it.
      const other = await holdConversationLock(db.url as string, conversation.id);
      try {
        const pending = db.stores.chat.commitPlainTurn({
          claim: {
            conversationId: conversation.id,
            caseId,
            claim: { kind: "answer", seq: stored.message.seq },
            version: read?.conversation.version ?? 0,
            caseFingerprint: read?.caseFingerprint ?? null,
            write: { state: { phase: "reason" }, verifyAttempts: 0, verifiedAt: null, lockedAt: null },
          },
          free: replyWrites(conversation.id, caseId, "Merci"),
          owned: replyWrites(conversation.id, caseId, "Merci"),
        });
        await new Promise((r) => setTimeout(r, 300));
        // ... and a debtor message takes number 2 before the lock is released: the reply is number 3.
        await other.query(
          `INSERT INTO "Message" (id, "conversationId", seq, role, text, meta) VALUES ($1, $2, 2, 'debtor', 'encore moi', '{}')`,
          [randomUUID(), conversation.id],
        );
        await other.commit();
        const out = await pending;
        expect(out.claim.status).toBe("claimed");
        expect(out.written.map((w) => w.seq)).toEqual([3]);
        expect(
          (await db.stores.chat.history(caseId, conversation.id)).messages.map((m) => `${m.seq} ${m.text}`),
        ).toEqual(["1 75011", "2 encore moi", "3 Merci"]);
      } finally {
        await other.end();
      }
    },
  );
});
