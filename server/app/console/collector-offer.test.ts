// Offers by hand during a takeover: the policy engine checks the collector's terms like any
// proposal; accepted terms reach the debtor as an agent message with the plan card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectorOfferAnswer } from "../../../contract/collector-offers.js";
import { verifiedDebtor } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";

describe.each(TEST_TARGETS)("collector offers on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const offer = async (caseId: string, body: unknown, token = t.tokens.collector) => {
    const res = await t.api("POST", `/api/cases/${caseId}/offers`, { token, body });
    // Every answer the console reads follows the contract (contract/collector-offers.ts).
    if (res.status < 300) collectorOfferAnswer.parse(res.body);
    return res;
  };

  it("records a plan inside the policy and shows it to the debtor; refuses terms outside it", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    expect((await offer(c.id, { kind: "plan", count: 3, cadence: "monthly" })).body.error.code).toBe(
      "not_allowed_now",
    );
    await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });

    const made = await offer(c.id, { kind: "plan", count: 3, cadence: "monthly" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      recorded: true,
      decision: "accept",
      terms: { kind: "plan", instalments: expect.any(Array) },
    });
    expect(made.body.terms.instalments).toHaveLength(3);
    const card = await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "agent" && m.offer),
      "plan card",
    );
    expect(card.offer).toMatchObject({ id: made.body.offerId, kind: "plan", total: made.body.terms.total });
    const row = await t.db.prisma.offer.findUniqueOrThrow({ where: { id: made.body.offerId } });
    expect(row).toMatchObject({ source: "collector", status: "proposed" });

    const tooLong = await offer(c.id, { kind: "plan", count: 400, cadence: "weekly" });
    expect(tooLong.status).toBe(200);
    expect(tooLong.body.recorded).toBe(false);
    expect(["counter", "refuse"]).toContain(tooLong.body.decision);
    const greedy = await offer(c.id, { kind: "settlement", discountBps: 9000 });
    expect(greedy.body.recorded).toBe(false);
    expect(await t.db.prisma.offer.count({ where: { caseId: c.id, source: "collector" } })).toBe(1);
    expect((await offer(c.id, { kind: "full", count: 2 })).status).toBe(400);
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityId: c.id, action: "offer.create" } });
    expect(audit).toHaveLength(1);
    debtor.close();
  });

  it("takes a first instalment of the collector's own: the rest split over the others, to the cent", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });
    const made = await offer(c.id, { kind: "plan", count: 3, cadence: "monthly", firstAmount: 50_000 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const instalments = made.body.terms.instalments as { amount: number }[];
    expect(instalments).toHaveLength(3);
    expect(instalments[0]?.amount).toBe(50_000);
    expect(instalments.reduce((sum, i) => sum + i.amount, 0)).toBe(made.body.terms.total);
    // The rest in one payment on its own day.
    const dated = await offer(c.id, { kind: "plan", firstAmount: 50_000, restDate: "2027-02-15" });
    expect(dated.status, JSON.stringify(dated.body)).toBe(201);
    expect(dated.body.terms.instalments).toHaveLength(2);
    expect(dated.body.terms.instalments[1]).toMatchObject({ dueDate: "2027-02-15" });
    const undated = await offer(c.id, { kind: "plan", count: 2, restDate: "2027-02-15" });
    expect(undated.status).toBe(400);
    expect(JSON.stringify(undated.body)).toContain("restDate needs firstAmount");
    // Only a plan has instalments: the field is refused elsewhere, with its reason.
    const full = await offer(c.id, { kind: "full", firstAmount: 50_000 });
    expect(full.status).toBe(400);
    expect(JSON.stringify(full.body)).toContain("firstAmount only apply to a plan");
    debtor.close();
  });

  it("records the promise as obtained by a person when the debtor accepts a collector's offer during a takeover", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });
    const made = await offer(c.id, { kind: "plan", count: 2, cadence: "monthly" });
    expect(made.body.recorded).toBe(true);
    await debtor.waitFor(() => debtor.messages.find((m) => m.offer?.id === made.body.offerId), "plan card");

    const ack = await debtor.action("accept_offer", made.body.offerId);
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    // The assistant is locked out: the written confirmation comes as a system message.
    const confirmation = await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && /engagement est enregistré/.test(m.text)),
      "confirmation",
    );
    expect(confirmation.text).toContain("Récapitulatif");
    const promise = await t.db.prisma.promiseToPay.findFirstOrThrow({ where: { caseId: c.id } });
    expect(promise).toMatchObject({ obtainedBy: "human", status: "active", offerId: made.body.offerId });
    debtor.close();
  });
});
