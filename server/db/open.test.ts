// The embedded database under load: queries must leave room for the event loop (heartbeats,
// HTTP), and a transaction that only has to wait its turn must not fail.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, yieldBetweenQueries } from "./open.js";

/**
 * How many queries had completed when a zero-delay timer fired, out of `chains` concurrent chains
 * of `length` queries each: the shape of chat turns, each a sequence of queries.
 */
async function completedBeforeTimer(client: PGlite, chains: number, length: number): Promise<number> {
  let completed = 0;
  let seen = -1;
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      seen = completed;
      resolve();
    }, 0),
  );
  await Promise.all(
    Array.from({ length: chains }, async () => {
      for (let i = 0; i < length; i++) {
        await client.query("SELECT 1");
        completed++;
      }
    }),
  );
  await timer;
  return seen;
}

describe("PGlite queries and the event loop", () => {
  const plain = new PGlite();
  const yielding = new PGlite();
  afterAll(async () => {
    await plain.close();
    await yielding.close();
  });

  it("chains of queries on plain PGlite starve timers; with yielding, a timer runs in between", async () => {
    await Promise.all([plain.waitReady, yielding.waitReady]);
    yieldBetweenQueries(yielding);
    // The control shows what the wrapper is for: without it, the timer waits for every query.
    expect(await completedBeforeTimer(plain, 20, 10)).toBe(200);
    expect(await completedBeforeTimer(yielding, 20, 10)).toBeLessThan(100);
  });
});

describe("transactions on the embedded database", () => {
  it("waits its turn instead of failing when many transactions queue on the single connection", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      // 25 transactions of 120 ms each queue for about 3 s: beyond Prisma's default 2 s wait.
      const results = await Promise.allSettled(
        Array.from({ length: 25 }, () =>
          db.prisma.$transaction(async (tx) => {
            await tx.$queryRawUnsafe("SELECT 1");
            await new Promise((r) => setTimeout(r, 120));
            return 1;
          }),
        ),
      );
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
