// Promise follow-up: payments (POST /api/payments) drive instalment and promise statuses; time (the
// injectable clock, then the review) breaks a promise whose instalment stays unpaid past the grace
// period, which puts the case in the queue; KPIs reflect promises obtained, kept and broken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../../test-support/console-client.js";
import { newCase, promiseOn, verifiedDebtor } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";

const PLAN = [
  { dueDate: "2026-12-01", amount: 50_000 },
  { dueDate: "2027-01-01", amount: 50_000 },
  { dueDate: "2027-02-01", amount: 50_050 },
];

describe.each(TEST_TARGETS)("promises and payments on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pay = (body: Record<string, unknown>, token = t.tokens.collector) =>
    t.api("POST", "/api/payments", { token, body });
  const review = () => t.api("POST", "/api/promises/review", { token: t.tokens.admin });
  const caseView = async (id: string) =>
    (await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector })).body;

  it("allocates a payment to the oldest unpaid instalments, idempotently on externalRef", async () => {
    t.clock.set("2026-11-22T10:00:00Z");
    const c = await newCase(t);
    const promise = await promiseOn(t, c.id, PLAN);
    const first = await pay({
      caseId: c.id,
      amount: 70_000,
      currency: "EUR",
      paidAt: "2026-11-21",
      externalRef: "BANK-001",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      payment: {
        amount: 70_000,
        currency: "EUR",
        externalRef: "BANK-001",
        instalmentId: promise.instalments[0]?.id,
      },
      allocations: [
        { instalmentId: promise.instalments[0]?.id, amount: 50_000 },
        { instalmentId: promise.instalments[1]?.id, amount: 20_000 },
      ],
      promise: { id: promise.id, status: "active" },
    });
    const view = await caseView(c.id);
    expect(
      view.promises[0].instalments.map((i: { status: string; paidAmount: number }) => [
        i.status,
        i.paidAmount,
      ]),
    ).toEqual([
      ["paid", 50_000],
      ["partially_paid", 20_000],
      ["due", 0],
    ]);
    expect(view.amountDue.paid).toBe(70_000);

    const again = await pay({
      caseId: c.id,
      amount: 70_000,
      currency: "EUR",
      paidAt: "2026-11-21",
      externalRef: "BANK-001",
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, payment: { id: first.body.payment.id } });
    expect(await t.db.prisma.payment.count({ where: { caseId: c.id } })).toBe(1);
    const differs = await pay({
      caseId: c.id,
      amount: 1,
      currency: "EUR",
      paidAt: "2026-11-21",
      externalRef: "BANK-001",
    });
    expect(differs.status).toBe(409);
    expect(differs.body.error).toMatchObject({
      code: "conflict",
      details: { paymentId: first.body.payment.id },
    });
    const audit = await t.db.prisma.auditLog.findMany({
      where: { entityId: c.id, action: "payment.record" },
    });
    expect(audit).toHaveLength(1);
  });

  it("keeps a promise when the last instalment is paid, and closes the case", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const promise = await promiseOn(t, c.id, PLAN);
    const live = await ConsoleClient.connect(t.url, t.tokens.collector);
    const last = promise.instalments[2]?.id;
    const named = await pay({
      caseId: c.id,
      instalmentId: last,
      amount: 50_050,
      currency: "EUR",
      paidAt: "2026-11-22",
    });
    expect(named.body.allocations).toEqual([{ instalmentId: last, amount: 50_050 }]);
    const rest = await pay({
      caseId: c.id,
      amount: 100_000,
      currency: "EUR",
      paidAt: "2026-11-22T09:30:00+01:00",
    });
    expect(rest.body.promise).toEqual({ id: promise.id, status: "kept" });
    const view = await caseView(c.id);
    expect(view.status).toBe("closed");
    expect(view.promises[0]).toMatchObject({ status: "kept" });
    expect(view.promises[0].instalments.every((i: { status: string }) => i.status === "paid")).toBe(true);
    await live.waitFor(
      () => live.named("promise.updated").find((e) => e.promiseId === promise.id && e.status === "kept"),
      "kept event",
    );
    await debtor.waitFor(() => debtor.states.at(-1) === "closed", "closed state for the debtor");
    live.close();
    debtor.close();
  });

  it("breaks a promise once an instalment is unpaid more than 7 days after its due date, and queues the case", async () => {
    t.clock.set("2026-11-22T10:00:00Z");
    const c = await newCase(t);
    const promise = await promiseOn(t, c.id, PLAN);
    t.clock.set("2026-12-01T09:00:00Z");
    expect((await pay({ caseId: c.id, amount: 50_000, currency: "EUR", paidAt: "2026-11-30" })).status).toBe(
      201,
    );
    const live = await ConsoleClient.connect(t.url, t.tokens.collector);

    // 2027-01-08 is 7 days after the second due date (Paris time): not yet broken.
    t.clock.set("2027-01-08T12:00:00Z");
    const early = await review();
    expect(early.status).toBe(200);
    expect(early.body.broken.map((b: { promiseId: string }) => b.promiseId)).not.toContain(promise.id);
    expect((await caseView(c.id)).promises[0].status).toBe("active");

    t.clock.set("2027-01-09T12:00:00Z");
    const late = await review();
    const broken = late.body.broken.find((b: { promiseId: string }) => b.promiseId === promise.id);
    expect(broken).toMatchObject({ caseId: c.id, escalationId: expect.any(String) });
    const view = await caseView(c.id);
    expect(view.status).toBe("escalated");
    expect(view.promises[0].status).toBe("broken");
    expect(view.promises[0].instalments.map((i: { status: string }) => i.status)).toEqual([
      "paid",
      "missed",
      "due",
    ]);
    const escalation = view.escalations.find((e: { kind: string }) => e.kind === "broken_promise");
    expect(escalation).toMatchObject({
      status: "open",
      summary: {
        promiseId: promise.id,
        graceDays: 7,
        graceRule: "limits.promiseBrokenAfterDays (FR-2)",
        amounts: { paid: 50_000 },
      },
    });
    await live.waitFor(
      () => live.named("escalation.opened").find((e) => e.escalationId === broken.escalationId),
      "queue event",
    );

    // Running the review again changes nothing.
    const again = await review();
    expect(again.body.broken.map((b: { promiseId: string }) => b.promiseId)).not.toContain(promise.id);
    expect(await t.db.prisma.escalation.count({ where: { caseId: c.id } })).toBe(1);
    const actions = (await t.db.prisma.auditLog.findMany({ where: { entityId: c.id } })).map((a) => a.action);
    expect(actions).toContain("promise.broken");

    // Paid late after all: the promise counts as kept, the escalation stays for a collector to close.
    await pay({ caseId: c.id, amount: 100_050, currency: "EUR", paidAt: "2027-01-10" });
    const paid = await caseView(c.id);
    expect(paid.promises[0].status).toBe("kept");
    expect(paid.status).toBe("escalated");
    live.close();
    t.clock.set("2026-11-22T10:00:00Z");
  });

  it("takes the grace period from the case's policy: two weeks for a French consumer, where a business gets one", async () => {
    t.clock.set("2026-11-22T10:00:00Z");
    const consumer = await newCase(t, { debtor: { name: "Marie Dupont", kind: "consumer", locale: "fr" } });
    const business = await newCase(t);
    const promises = [await promiseOn(t, consumer.id, PLAN), await promiseOn(t, business.id, PLAN)];
    const brokenIds = async () =>
      (await review()).body.broken.map((b: { promiseId: string }) => b.promiseId) as string[];

    // Nothing paid; 2026-12-09 is 8 days after the first due date.
    t.clock.set("2026-12-09T12:00:00Z");
    const week = await brokenIds();
    expect(week).toContain(promises[1]?.id);
    expect(week).not.toContain(promises[0]?.id);
    // 15 days after: the consumer's promise is broken too, and the summary says under which rule.
    t.clock.set("2026-12-16T12:00:00Z");
    expect(await brokenIds()).toContain(promises[0]?.id);
    const escalation = (await caseView(consumer.id)).escalations.find(
      (e: { kind: string }) => e.kind === "broken_promise",
    );
    expect(escalation.summary).toMatchObject({
      graceDays: 14,
      graceRule: "limits.promiseBrokenAfterDays (FR-2)",
    });
    t.clock.set("2026-11-22T10:00:00Z");
  });

  it("refuses bad payments with the field path", async () => {
    const c = await newCase(t);
    await promiseOn(t, c.id, PLAN);
    const cases: [Record<string, unknown>, string][] = [
      [{ caseId: c.id, amount: 10.5, currency: "EUR", paidAt: "2026-11-20" }, "amount"],
      [{ caseId: c.id, amount: -1, currency: "EUR", paidAt: "2026-11-20" }, "amount"],
      [{ caseId: c.id, amount: 100, currency: "USD", paidAt: "2026-11-20" }, "currency"],
      [{ caseId: c.id, amount: 100, currency: "EUR", paidAt: "yesterday" }, "paidAt"],
      [{ caseId: c.id, amount: 100, currency: "EUR", paidAt: "2030-01-01" }, "paidAt"],
      [
        {
          caseId: c.id,
          amount: 100,
          currency: "EUR",
          paidAt: "2026-11-20",
          instalmentId: "00000000-0000-0000-0000-000000000000",
        },
        "instalmentId",
      ],
      [{ caseId: "nope", amount: 100, currency: "EUR", paidAt: "2026-11-20" }, "caseId"],
      [{ caseId: c.id, amount: 100, currency: "EUR", paidAt: "2026-11-20", extra: 1 }, "(root)"],
    ];
    for (const [body, path] of cases) {
      const res = await pay(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(
      (
        await pay({
          caseId: "00000000-0000-0000-0000-000000000000",
          amount: 1,
          currency: "EUR",
          paidAt: "2026-11-20",
        })
      ).status,
    ).toBe(404);
    expect(await t.db.prisma.payment.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("records a payment on a case without a promise (it lowers the amount due)", async () => {
    const c = await newCase(t);
    const res = await pay({
      caseId: c.id,
      amount: 10_000,
      currency: "EUR",
      paidAt: "2026-11-20",
      externalRef: "ACC-9",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ allocations: [], promise: null });
    expect((await caseView(c.id)).amountDue.paid).toBe(10_000);
  });
});

describe.each(TEST_TARGETS)("KPIs on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A period covering both the test clock and the database clock (conversations use the latter). */
  function period() {
    const days = [t.clock.now(), new Date()].map((d) => d.getTime());
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return `from=${day(Math.min(...days) - 2 * 86_400_000)}&to=${day(Math.max(...days) + 86_400_000)}`;
  }

  it("reflects a promise obtained by the assistant and kept, and one obtained by a person and broken", async () => {
    const editor = await ConsoleClient.connect(t.url, t.tokens.policy_editor);
    // The assistant obtains a full-payment promise through the chat.
    const { c, debtor } = await verifiedDebtor(t);
    const offer = (await debtor.say("J'ai oublié, je peux tout payer")).offer;
    expect(offer?.kind).toBe("full");
    expect((await debtor.action("accept_offer", offer?.id)).ok).toBe(true);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    const before = await t.api("GET", `/api/kpis?${period()}`, { token: t.tokens.policy_editor });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      conversations: 1,
      verified: 1,
      withPromise: 1,
      promiseToPayRate: 1,
      keptRate: { overall: null },
    });
    expect(before.body.amounts).toEqual([
      { currency: "EUR", promised: offer?.total, due: 150_050, ratio: (offer?.total ?? 0) / 150_050 },
    ]);

    await t.api("POST", "/api/payments", {
      token: t.tokens.collector,
      body: { caseId: c.id, amount: offer?.total, currency: "EUR", paidAt: "2026-11-22" },
    });
    await editor.waitFor(() => editor.named("kpi.refresh").length > 0, "kpi refresh for the policy editor");

    // A person obtains a plan that is then broken.
    const other = await verifiedDebtor(t);
    await promiseOn(t, other.c.id, [{ dueDate: "2026-11-25", amount: 150_050 }], "human");
    t.clock.set("2026-12-10T10:00:00Z");
    await t.api("POST", "/api/promises/review", { token: t.tokens.admin });
    const after = await t.api("GET", `/api/kpis?${period()}`, { token: t.tokens.collector });
    expect(after.body).toMatchObject({
      conversations: 2,
      verificationRate: 1,
      promiseToPayRate: 1,
      promises: { total: 2, kept: 1, broken: 1, active: 0 },
      keptRate: { overall: 0.5, assistant: 1, human: 0 },
      averageDiscountBps: 0,
    });
    expect(after.body.escalationsByKind).toEqual([{ kind: "broken_promise", count: 1 }]);
    expect(after.body.medianTimeToAgreementSeconds).toEqual(expect.any(Number));
    expect(after.body.daily.length).toBeGreaterThan(2);

    // Filters: an unknown creditor or policy version selects nothing.
    const none = await t.api("GET", `/api/kpis?${period()}&creditor=00000000-0000-0000-0000-000000000000`, {
      token: t.tokens.collector,
    });
    expect(none.body).toMatchObject({
      conversations: 0,
      verificationRate: null,
      keptRate: { overall: null },
    });
    const filters = await t.api("GET", "/api/kpis/filters", { token: t.tokens.policy_editor });
    const creditor = filters.body.creditors.find((x: { name: string }) => x.name === "Acme Fournitures");
    const byCreditor = await t.api("GET", `/api/kpis?${period()}&creditor=${creditor.id}`, {
      token: t.tokens.collector,
    });
    expect(byCreditor.body.conversations).toBe(2);
    const version = (await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector })).body
      .policyVersion.id;
    const byVersion = await t.api("GET", `/api/kpis?${period()}&policyVersion=${version}`, {
      token: t.tokens.collector,
    });
    expect(byVersion.body.conversations).toBe(2);
    const bad = await t.api("GET", "/api/kpis?from=2026-12-01&to=2026-11-01&creditor=x", {
      token: t.tokens.collector,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["creditor", "to"]),
    );
    editor.close();
    debtor.close();
    other.debtor.close();
  });
});
