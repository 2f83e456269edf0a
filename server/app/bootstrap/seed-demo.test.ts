// The demo case shows the reminder sequence from `npm start`: seeded, then one pass of the outreach
// scheduler composes the D+1 e-mail reminder into the outbox (no mail server), with the message's own
// personal link, whatever the day of the demo (a weekend or quiet hours only delay the send).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../auth/tokens.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { DEMO_REFERENCE, demoCaseAt, seedDemo } from "./seed-demo.js";

describe("demo case and the reminder sequence", () => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService("pglite", { env: { OUTREACH_INTERVAL_SECONDS: "0" } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("dates the invoices from the day of seeding: the oldest fell due two days ago", () => {
    const c = demoCaseAt(new Date("2026-12-03T09:00:00Z"));
    expect(c.invoices.map((i) => [i.issuedAt, i.dueAt])).toEqual([
      ["2026-11-01", "2026-12-01"],
      ["2026-11-02", "2026-12-02"],
    ]);
    expect(c.verification.answer).toBe("69002");
  });

  async function seedAndTick(at: string) {
    t.clock.set(at);
    await t.db.prisma.case.deleteMany({ where: { reference: DEMO_REFERENCE } });
    const demo = await seedDemo(t.service.ctx, "admin@test.local");
    expect(demo.created).toBe(true);
    await t.service.outreach.tick();
    await t.service.outreach.idle();
    return demo.caseId;
  }
  const messagesOf = (caseId: string) => t.db.prisma.outreachMessage.findMany({ where: { caseId } });

  async function expectFirstReminder(caseId: string) {
    const messages = await messagesOf(caseId);
    expect(messages.map((m) => [m.stepKey, m.channel])).toEqual([["step:first-reminder", "email"]]);
    const [m] = messages;
    expect(["queued", "sent"]).toContain(m?.status);
    expect(m?.recipient).toBe("compta@boulangerie-martin.example");
    expect(m?.subject).toContain("F-2026-0412");
    expect(m?.html).toContain("F-2026-0412");
    // It says how to pay: the demo creditor's bank details and the case's reference to quote.
    expect(m?.text).toContain("FR76 3000 6000 0112 3456 7890 189");
    expect(m?.html).toContain("FR76 3000 6000 0112 3456 7890 189");
    const link = /\/c\/([A-Za-z0-9_-]{43})/.exec(m?.text ?? "")?.[1] as string;
    const token = await t.db.prisma.debtorAccessToken.findUnique({ where: { tokenHash: hashToken(link) } });
    expect(token).toMatchObject({ caseId, revokedAt: null, id: m?.linkTokenId });
  }

  it("seeded on a weekday in the sending hours, the first scheduler pass puts the first reminder e-mail in the outbox", async () => {
    const caseId = await seedAndTick("2026-12-03T09:30:00Z"); // Thursday 10:30 in Paris
    await expectFirstReminder(caseId);
  });

  it("seeded on a Sunday night, the sequence plans the first reminder for Monday 10:00 and composes it then", async () => {
    const caseId = await seedAndTick("2026-12-06T22:00:00Z"); // Sunday 23:00 in Paris: quiet hours
    expect(await messagesOf(caseId)).toEqual([]);
    const seq = await t.db.prisma.outreachSequence.findUnique({ where: { caseId } });
    expect(seq?.nextRunAt?.toISOString()).toBe("2026-12-07T09:00:00.000Z"); // Monday 10:00 in Paris
    t.clock.set("2026-12-07T09:00:00Z");
    await t.service.outreach.tick();
    await t.service.outreach.idle();
    await expectFirstReminder(caseId);
  });
});
