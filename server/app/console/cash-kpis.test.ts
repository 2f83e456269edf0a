// Money KPIs over the real service: cash collected by day, creditor and who obtained the promise,
// promised against collected, and the funnel from links sent to paid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

describe.each(TEST_TARGETS)("cash KPIs on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("counts cash by day, creditor and obtainer, promised vs collected, and the funnel", async () => {
    const make = async (creditor: string) =>
      (
        await t.api("POST", "/api/cases", {
          token: t.tokens.collector,
          body: sampleCase({ creditor: { name: creditor } }),
        })
      ).body as { id: string; token: string };
    const promised = await make("Cash A");
    const opened = await make("Cash A");
    const untouched = await make("Cash B");

    // One debtor agrees a full payment with the assistant; another only opens the link.
    const debtor = await DebtorClient.connect(t.url, promised.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    const offer = (await debtor.say("J'ai oublié, je peux tout payer")).offer;
    await debtor.action("accept_offer", offer?.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    debtor.close();
    const other = await DebtorClient.connect(t.url, opened.token);
    await other.waitFor(() => other.lastAssistant(), "greeting");
    other.close();

    const total = offer?.total ?? 0;
    const pay = (caseId: string, amount: number, paidAt: string, ref: string) =>
      t.api("POST", "/api/payments", {
        token: t.tokens.collector,
        body: { caseId, amount, currency: "EUR", paidAt, externalRef: ref },
      });
    expect((await pay(promised.id, 40_000, "2026-11-21", "p1")).status).toBe(201);
    expect((await pay(promised.id, 10_000, "2026-11-22", "p2")).status).toBe(201);
    expect((await pay(untouched.id, 5_000, "2026-11-22", "p3")).status).toBe(201);

    // Rows take the database's clock, not the test's: put the cases in the period.
    await t.db.prisma.case.updateMany({
      where: { id: { in: [promised.id, opened.id, untouched.id] } },
      data: { createdAt: new Date("2026-11-21T09:00:00Z") },
    });
    const res = await t.api("GET", "/api/kpis?from=2026-11-20&to=2026-11-22", {
      token: t.tokens.policy_editor,
    });
    expect(res.status).toBe(200);
    const cash = res.body.cash;
    expect(cash.collected).toEqual([
      {
        currency: "EUR",
        total: 55_000,
        assistant: 50_000,
        human: 0,
        unplanned: 5_000,
        bySource: { manual: 55_000 },
      },
    ]);
    expect(cash.collectedDaily).toEqual([
      { date: "2026-11-20", currency: "EUR", amount: 0 },
      { date: "2026-11-21", currency: "EUR", amount: 40_000 },
      { date: "2026-11-22", currency: "EUR", amount: 15_000 },
    ]);
    expect(
      cash.collectedByCreditor.map((c: { creditor: string; amount: number }) => [c.creditor, c.amount]),
    ).toEqual([
      ["Cash A", 50_000],
      ["Cash B", 5_000],
    ]);
    expect(cash.promisedVsCollected).toEqual([
      {
        currency: "EUR",
        promised: total,
        collected: 50_000,
        ratio: 50_000 / total,
        byObtainer: {
          assistant: { promised: total, collected: 50_000 },
          human: { promised: 0, collected: 0 },
        },
      },
    ]);
    expect(cash.funnel).toEqual({ linksSent: 3, opened: 2, verified: 1, promised: 1, paid: 2 });
  });
});
