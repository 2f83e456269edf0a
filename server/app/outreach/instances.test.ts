// Two instances of the service on one PostgreSQL database, ticking at the same time: every step is
// composed once and delivered once (row locks with SKIP LOCKED, a unique step key, a leased claim).
// PGlite is a single embedded connection, so this needs TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../config/env.js";
import { openDatabase } from "../../db/open.js";
import { createLogger } from "../../logging/logger.js";
import { type RunningService, startService } from "../../service.js";
import { openTestDatabase, type TestDatabase } from "../../test-support/databases.js";
import { TestClock } from "../../test-support/service.js";
import { createCase } from "../cases/case-service.js";
import type { Channels, OutgoingEmail } from "./channels.js";

const url = process.env.TEST_DATABASE_URL;

class Recorder implements Channels {
  readonly sent: string[] = [];
  async email(m: OutgoingEmail) {
    // A slow channel widens the window in which a second worker could take the same message.
    await new Promise((r) => setTimeout(r, 20));
    this.sent.push(m.text);
    return { ok: true as const, transport: "test" };
  }
  async sms(_to: string, body: string) {
    this.sent.push(body);
    return { ok: true as const, transport: "test" };
  }
}

describe.skipIf(!url)("two instances on one PostgreSQL (TEST_DATABASE_URL)", () => {
  let db: TestDatabase;
  const services: RunningService[] = [];
  const recorders = [new Recorder(), new Recorder()];
  const clock = new TestClock(new Date("2026-03-10T09:30:00Z"));
  beforeAll(async () => {
    db = await openTestDatabase("postgres");
    const env = loadEnv({
      PORT: "0",
      LOG_LEVEL: "silent",
      OUTREACH_INTERVAL_SECONDS: "0",
      ADMIN_EMAIL: "admin@test.local",
      ADMIN_PASSWORD: "test-password-123",
    });
    for (const channels of recorders) {
      const own = await openDatabase({ url: db.url });
      services.push(await startService({ env, log: createLogger("silent"), clock, db: own, channels }));
    }
  });
  afterAll(async () => {
    for (const s of services) {
      await s.close();
      await s.ctx.db.close();
    }
    await db?.close();
  });

  it("sends each step once while both tick at the same time", async () => {
    const [a, b] = services as [RunningService, RunningService];
    for (let i = 0; i < 12; i++) {
      await createCase(a.ctx, {
        reference: `TWO-${i}`,
        creditor: { name: "Acme Fournitures" },
        debtor: { name: `Client ${i}`, kind: "business", email: `client${i}@example.com`, locale: "fr" },
        jurisdiction: "FR",
        currency: "EUR",
        invoices: [{ number: `F-${i}`, issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 10_000 + i }],
      });
    }
    for (const iso of ["2026-03-10T09:30:00Z", "2026-03-16T09:30:00Z", "2026-03-16T09:45:00Z"]) {
      clock.set(iso);
      await Promise.all([a.outreach.tick(), b.outreach.tick(), a.outreach.tick(), b.outreach.tick()]);
    }
    const sent = recorders.flatMap((r) => r.sent);
    const rows = await db.prisma.outreachMessage.findMany({ where: { status: "sent" } });
    // first-reminder (day 1) on the 10th, second-reminder (day 10) on the 16th, for each of 12 cases.
    expect(rows).toHaveLength(24);
    expect(sent).toHaveLength(24);
    expect(new Set(sent).size).toBe(24);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });
});
