import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlainTurnCommit } from "../../app/ports/chat.js";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { statementsDuring } from "../../test-support/statements.js";
import { insertStoreCase } from "../../test-support/store-case.js";
import { replyWrites } from "../../test-support/turn-writes.js";

describe.each(TEST_TARGETS)("batched commits on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A conversation with one debtor message waiting, and the plain commit that answers it. */
  async function waitingTurn(reference: string, text: string): Promise<PlainTurnCommit> {
    const { caseId } = await insertStoreCase(db.stores, reference, {
      creditor: "Batch SARL",
      debtor: "Jeanne Martin",
      amount: 50_000,
    });
    const conversation = await db.stores.conversations.getOrCreate(caseId);
    const stored = await db.stores.chat.storeDebtorMessage(conversation.id, `cm-${reference}`, "75011");
    const read = await db.stores.chat.turnContext(caseId, conversation.id);
    return {
      claim: {
        conversationId: conversation.id,
        caseId,
        claim: { kind: "answer", seq: stored.message.seq },
        version: read?.conversation.version ?? 0,
        caseFingerprint: read?.caseFingerprint ?? null,
        write: { state: { phase: "reason" }, verifyAttempts: 0, verifiedAt: null, lockedAt: null },
      },
      free: replyWrites(conversation.id, caseId, text),
      owned: { ...replyWrites(conversation.id, caseId, "unused"), messages: [], events: [] },
    };
  }

  async function texts(turn: PlainTurnCommit): Promise<string[]> {
    const { messages } = await db.stores.chat.history(turn.claim.caseId, turn.claim.conversationId);
    return messages.map((m) => m.text);
  }

  it("writes every commit of a burst as if alone, in fewer statements than commits", async () => {
    const turns: PlainTurnCommit[] = [];
    for (let i = 0; i < 8; i++) turns.push(await waitingTurn(`B-${target}-${i}`, `réponse ${i}`));
    let results: Awaited<ReturnType<typeof db.stores.chat.commitPlainTurn>>[] = [];
    const sent = await statementsDuring(async () => {
      results = await Promise.all(turns.map((t) => db.stores.chat.commitPlainTurn(t)));
    });
    for (const [i, r] of results.entries()) {
      expect(r.claim).toMatchObject({ status: "claimed", humanOwnerId: null });
      expect(r.written.map((w) => w.seq)).toEqual([2]);
      expect(await texts(turns[i] as PlainTurnCommit)).toEqual(["75011", `réponse ${i}`]);
    }
    if (target === "postgres") {
      // The first commit finds a free slot and leaves alone; the others wait and leave together.
      expect(sent.filter((q) => q.startsWith("SELECT amiable_batch(")).length).toBeGreaterThan(0);
      expect(sent.length).toBeLessThan(turns.length);
    }
    // A repeat of a batch's commit finds its message answered, as alone: nothing is written twice.
    const again = await Promise.all(turns.slice(0, 3).map((t) => db.stores.chat.commitPlainTurn(t)));
    expect(again.map((r) => r.claim.status)).toEqual(["answered", "answered", "answered"]);
  });

  it("opens a burst of links together with commits, each as if alone, in fewer statements", async () => {
    const turns: PlainTurnCommit[] = [];
    for (let i = 0; i < 4; i++) turns.push(await waitingTurn(`O-${target}-c${i}`, `réponse ${i}`));
    const cases: string[] = [];
    for (let i = 0; i < 6; i++) {
      const reference = `O-${target}-l${i}`;
      cases.push(
        (
          await insertStoreCase(db.stores, reference, {
            creditor: "Batch SARL",
            debtor: "Jean Roux",
            amount: 9_900,
          })
        ).caseId,
      );
    }
    const now = new Date("2026-03-01T10:00:00Z");
    const opens = [...cases.keys(), 2].map((i) =>
      db.stores.chat.openConnection(`hash-O-${target}-l${i}`, now, "context"),
    );
    let opened: Awaited<(typeof opens)[number]>[] = [];
    let unknown: unknown;
    const sent = await statementsDuring(async () => {
      const commits = Promise.all(turns.map((t) => db.stores.chat.commitPlainTurn(t)));
      [opened, unknown] = await Promise.all([
        Promise.all(opens),
        db.stores.chat.openConnection("hash-nobody", now, "context"),
      ]);
      await commits;
    });
    expect(unknown).toBeNull();
    for (const [k, o] of opened.entries()) {
      const caseId = cases[k === cases.length ? 2 : k];
      expect(o?.caseId).toBe(caseId);
      expect(o?.history?.messages).toEqual([]);
      expect(o?.history?.context?.case.id).toBe(caseId);
    }
    // The link opened twice in the burst has one conversation.
    expect(opened[2]?.conversation.id).toBe(opened[cases.length]?.conversation.id);
    for (const [i, t] of turns.entries()) expect(await texts(t)).toEqual(["75011", `réponse ${i}`]);
    if (target === "postgres") {
      expect(sent.filter((q) => q.startsWith("SELECT amiable_batch(")).length).toBeGreaterThan(0);
      // Eight openings (the unknown link's too): some of them left inside a batch.
      expect(sent.filter((q) => q.includes("amiable_open_connection_context(")).length).toBeLessThan(8);
      expect(sent.length).toBeLessThan(opened.length + 1 + turns.length);
    }
  });

  it("fails one item alone: the others of its batch are kept, nothing of it is", async () => {
    const turns: PlainTurnCommit[] = [];
    for (let i = 0; i < 6; i++) turns.push(await waitingTurn(`F-${target}-${i}`, `réponse ${i}`));
    const refused = turns[3] as PlainTurnCommit;
    const fn = `fail_batch_${target}`;
    await db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."conversationId" = '${refused.claim.conversationId}' AND NEW.role::text = 'assistant' THEN RAISE EXCEPTION 'simulated refusal'; END IF; RETURN NEW; END $$`,
    );
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    let settled: PromiseSettledResult<unknown>[] = [];
    try {
      settled = await Promise.allSettled(turns.map((t) => db.stores.chat.commitPlainTurn(t)));
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Message"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    expect(String((settled[3] as PromiseRejectedResult).reason)).toContain("simulated refusal");
    for (const [i, t] of turns.entries())
      expect(await texts(t)).toEqual(i === 3 ? ["75011"] : ["75011", `réponse ${i}`]);
    // Nothing of the refused turn: its claim did not stick, the case kept its status.
    const after = await db.stores.chat.turnContext(refused.claim.caseId, refused.claim.conversationId);
    expect(after?.conversation.answeredSeq).toBe(0);
    expect(after?.case.status).toBe("verifying");
    // Once the refusal is gone, the same commit goes through.
    expect((await db.stores.chat.commitPlainTurn(refused)).claim.status).toBe("claimed");
  });
});
