// The debtor message limit is per case: ten connections on one link share one budget (today's
// finding: 80 of 80 messages accepted in 0.85 s through 10 connections). Another case keeps its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";
import { DEFAULT_DEBTOR_RATE } from "./debtor-namespace.js";
import { KeyedBuckets } from "./rate-limiter.js";

describe("KeyedBuckets", () => {
  it("shares a bucket per key and refills with time", () => {
    let now = 0;
    const buckets = new KeyedBuckets(2, 1, () => now);
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")]).toEqual([true, true, false]);
    expect(buckets.take("b")).toBe(true);
    now += 1000;
    expect(buckets.take("a")).toBe(true);
    expect(buckets.take("a")).toBe(false);
  });
});

describe.each(TEST_TARGETS)("debtor message limit per case on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newCase = async () => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  };

  it("holds across 10 connections on one link", async () => {
    const c = await newCase();
    const other = await newCase();
    const clients = await Promise.all(Array.from({ length: 10 }, () => DebtorClient.connect(t.url, c.token)));
    const bystander = await DebtorClient.connect(t.url, other.token);
    try {
      const started = Date.now();
      const acks = (
        await Promise.all(
          clients.map((d, k) => Promise.all(Array.from({ length: 8 }, (_, i) => d.send(`msg ${k}-${i}`)))),
        )
      ).flat();
      const seconds = (Date.now() - started) / 1000;
      const accepted = acks.filter((a) => a.ok).length;
      const limited = acks.filter((a) => !a.ok && a.error.code === "rate_limited").length;
      // One burst plus what refills while the 80 messages arrive, not 80.
      expect(accepted).toBeLessThanOrEqual(
        DEFAULT_DEBTOR_RATE.burst + Math.ceil(seconds * DEFAULT_DEBTOR_RATE.perSecond) + 1,
      );
      expect(
        accepted + limited,
        JSON.stringify(acks.filter((a) => !a.ok && a.error?.code !== "rate_limited")),
      ).toBe(80);
      // The other case was not charged for it.
      expect((await bystander.send("bonjour")).ok).toBe(true);
      await t.service.chat.idle();
      const stored = await t.db.prisma.message.count({
        where: { conversation: { caseId: c.id }, role: "debtor" },
      });
      expect(stored).toBe(accepted);
    } finally {
      for (const d of [...clients, bystander]) d.socket.close();
    }
  });
});
