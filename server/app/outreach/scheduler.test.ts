// The outreach scheduler on a real database with a moved clock: a case walked through its sequence,
// an overdue case starting at its age, a promise pausing it (pre-due reminder, follow-up after a
// miss), a dispute in the chat stopping it, and a restart sending nothing twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../auth/tokens.js";
import { escalatedDispute, newCase, promiseOn } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { channelsFromEnv } from "./channels.js";
import { OutreachService } from "./outreach-service.js";
import { isWorkingDay, localDate } from "./send-window.js";

const PARIS = "Europe/Paris";

describe.each(TEST_TARGETS)("outreach scheduler on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target, { env: { OUTREACH_INTERVAL_SECONDS: "0" } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const tick = () => t.service.outreach.tick();
  const messages = (caseId: string) =>
    t.db.prisma.outreachMessage.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
  /** Ticks every `hours` from the current clock for `days` days. */
  async function runFor(days: number, hours = 6) {
    for (let h = 0; h < days * 24; h += hours) {
      t.clock.set(new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString());
      await tick();
    }
  }

  it("walks a new case through its sequence: each step once, on working days in the debtor's hours", async () => {
    t.clock.set("2026-03-02T07:00:00Z"); // Monday 8:00 in Paris
    const c = await newCase(t, {
      reference: "WALK-1",
      invoices: [{ number: "F-2001", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    await tick();
    expect(await messages(c.id)).toEqual([]); // the courtesy reminder is for 3 days before the due date
    await runFor(50);
    const all = await messages(c.id);
    expect(all.map((m) => m.stepKey)).toEqual([
      "step:courtesy",
      "step:first-reminder",
      "step:second-reminder",
      "step:sms-nudge",
      "step:third-reminder",
      "step:formal-notice",
      "step:formal-notice-letter",
      "step:review",
    ]);
    const byKey = new Map(all.map((m) => [m.stepKey, m]));
    // No phone on the case: the SMS step is recorded as skipped, not sent.
    expect(byKey.get("step:sms-nudge")).toMatchObject({ status: "skipped", error: "no phone number" });
    expect(byKey.get("step:formal-notice-letter")?.status).toBe("to_post");
    expect(byKey.get("step:review")).toMatchObject({ status: "open", channel: "task" });
    for (const m of all.filter((x) => x.channel === "email")) {
      expect(m).toMatchObject({ status: "sent", transport: "outbox", recipient: "compta@dupont.example" });
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: PARIS,
        hour: "2-digit",
        hour12: false,
      }).format(m.createdAt);
      expect(Number(local)).toBeGreaterThanOrEqual(10);
      expect(Number(local)).toBeLessThan(20);
      expect(
        isWorkingDay(localDate(m.createdAt, PARIS), {
          timeZone: PARIS,
          quietFrom: "20:00",
          quietTo: "10:00",
          workingDaysOnly: true,
          jurisdiction: "FR",
        }),
      ).toBe(true);
    }
    // Day +1 is Saturday 7 March: the first reminder waits for Monday 9 March.
    expect(localDate(byKey.get("step:first-reminder")?.createdAt as Date, PARIS)).toBe("2026-03-09");
    // Day +30 is Sunday 5 April and Monday 6 April is Easter Monday: the formal notice goes on the 7th.
    expect(localDate(byKey.get("step:formal-notice")?.createdAt as Date, PARIS)).toBe("2026-04-07");
    const first = byKey.get("step:first-reminder");
    expect(first?.subject).toBe("Acme Fournitures : facture F-2001 impayée (référence WALK-1)");
    expect(first?.text).toContain("art. D441-5");
    expect(first?.text).toContain("1 500,00 €");
    // The message's own link opens the case; the case's first link still works (no rotation).
    const link = /\/c\/([A-Za-z0-9_-]{43})/.exec(first?.text ?? "")?.[1] as string;
    const token = await t.db.prisma.debtorAccessToken.findUnique({ where: { tokenHash: hashToken(link) } });
    expect(token).toMatchObject({ caseId: c.id, revokedAt: null, id: first?.linkTokenId });
    const original = await t.db.prisma.debtorAccessToken.findUnique({
      where: { tokenHash: hashToken(c.token) },
    });
    expect(original?.revokedAt).toBeNull();
    expect(first?.html).toContain(`href="${t.service.ctx.publicUrl}/c/${link}"`);
    expect((await t.db.prisma.outreachSequence.findUnique({ where: { caseId: c.id } }))?.status).toBe(
      "completed",
    );
  });

  it("starts an overdue case at the step matching its age, never with a burst of past steps", async () => {
    t.clock.set("2026-03-31T08:30:00Z"); // Tuesday 10:30 in Paris, 24 days after the due date
    const c = await newCase(t, {
      reference: "OVERDUE-1",
      invoices: [{ number: "F-3001", issuedAt: "2026-02-05", dueAt: "2026-03-07", amount: 80_000 }],
    });
    await tick();
    await tick();
    const all = await messages(c.id);
    expect(all.map((m) => m.stepKey)).toEqual(["step:third-reminder"]);
    expect(all[0]?.status).toBe("sent");
  });

  it("pauses for a promise: a reminder before each instalment, a follow-up the day after a miss", async () => {
    t.clock.set("2026-05-04T08:30:00Z"); // Monday
    const c = await newCase(t, {
      reference: "PROMISE-1",
      invoices: [{ number: "F-4001", issuedAt: "2026-03-20", dueAt: "2026-04-20", amount: 90_000 }],
    });
    await tick();
    expect((await messages(c.id)).map((m) => m.stepKey)).toEqual(["step:second-reminder"]);
    t.clock.set("2026-05-04T09:00:00Z");
    const promise = await promiseOn(t, c.id, [
      { dueDate: "2026-05-14", amount: 45_000 },
      { dueDate: "2026-06-15", amount: 45_000 },
    ]);
    t.service.ctx.events.publish({
      type: "promise.updated",
      caseId: c.id,
      promiseId: promise.id,
      status: "active",
    });
    await t.service.outreach.idle();
    await runFor(16); // to 20 May: the regular third reminder (day 20 = 10 May) is not sent
    const keys = (await messages(c.id)).map((m) => m.stepKey);
    const [first] = promise.instalments;
    expect(keys).toEqual([
      "step:second-reminder",
      `promise:${promise.id}:confirmation:email`,
      `instalment:${first?.id}:due`,
      `instalment:${first?.id}:missed`,
    ]);
    const all = await messages(c.id);
    const due = all.find((m) => m.stepKey.endsWith(":due"));
    expect(localDate(due?.createdAt as Date, PARIS)).toBe("2026-05-11"); // 3 days before the 14th
    expect(due?.subject).toBe("Acme Fournitures : votre échéance de 450,00 € arrive le 14 mai 2026");
    const missed = all.find((m) => m.stepKey.endsWith(":missed"));
    expect(localDate(missed?.createdAt as Date, PARIS)).toBe("2026-05-15");
    // The promise is cancelled: confirmed in writing, and the sequence restarts at the case's age
    // (day 30, the formal notice), not with the reminders it skipped while the promise held.
    await t.db.prisma.promiseToPay.update({ where: { id: promise.id }, data: { status: "cancelled" } });
    t.service.ctx.events.publish({
      type: "promise.updated",
      caseId: c.id,
      promiseId: promise.id,
      status: "cancelled",
    });
    await t.service.outreach.idle();
    await runFor(1);
    expect((await messages(c.id)).map((m) => m.stepKey).slice(4)).toEqual([
      `promise:${promise.id}:cancellation:email`,
      "step:formal-notice",
    ]);
  });

  it("stops at once on a dispute in the chat and sends nothing more", async () => {
    t.clock.set("2026-05-04T08:30:00Z");
    const { c, debtor } = await escalatedDispute(t, {
      reference: "DISPUTE-1",
      invoices: [{ number: "F-5001", issuedAt: "2026-03-20", dueAt: "2026-04-20", amount: 60_000 }],
    });
    debtor.close();
    await t.service.outreach.idle();
    const seq = await t.db.prisma.outreachSequence.findUnique({ where: { caseId: c.id } });
    expect(seq).toMatchObject({ status: "stopped", reason: "escalation:dispute" });
    await runFor(30, 12);
    expect(await messages(c.id)).toEqual([]);
  });

  it("a restart in the middle sends nothing twice", async () => {
    t.clock.set("2026-06-01T08:30:00Z"); // Monday
    const c = await newCase(t, {
      reference: "RESTART-1",
      invoices: [{ number: "F-6001", issuedAt: "2026-05-01", dueAt: "2026-05-31", amount: 70_000 }],
    });
    await tick();
    // A second instance (as after a restart) takes over with its own service object.
    const other = new OutreachService(t.service.ctx, channelsFromEnv(t.service.ctx.env));
    await other.tick();
    await runFor(3);
    await other.tick();
    const keys = (await messages(c.id)).map((m) => m.stepKey);
    expect(keys).toEqual(["step:first-reminder"]);
    // A message claimed by a worker that died mid-delivery is delivered once its lease expires.
    const m = await t.db.prisma.outreachMessage.findFirstOrThrow({ where: { caseId: c.id } });
    await t.db.prisma.outreachMessage.update({
      where: { id: m.id },
      data: { status: "sending", sentAt: null, leaseUntil: new Date(t.clock.now().getTime() - 1000) },
    });
    await other.tick();
    const after = await t.db.prisma.outreachMessage.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.status).toBe("sent");
    expect(await t.db.prisma.outreachMessage.count({ where: { caseId: c.id } })).toBe(1);
  });
});
