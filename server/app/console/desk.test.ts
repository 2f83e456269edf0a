// The collector's desk: internal notes stay inside the team (never in the debtor's conversation),
// taking over assigns the case's open escalations, and an offer can be previewed (the engine's
// accept, counter or refusal) without anything recorded or sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../../test-support/console-client.js";
import { escalatedDispute, verifiedDebtor } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";

describe.each(TEST_TARGETS)("collector desk on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });
  const post = (path: string, body: unknown = {}, token = t.tokens.collector) =>
    t.api("POST", path, { token, body });

  it("keeps internal notes for the team: listed, audited, pushed live, never shown to the debtor", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const live = await ConsoleClient.connect(t.url, t.tokens.collector2);
    const empty = await post(`/api/cases/${c.id}/notes`, { text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe("text");
    const added = await post(`/api/cases/${c.id}/notes`, {
      text: "Client connu, paie toujours en retard <b>",
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      author: "collector@test.local",
      text: "Client connu, paie toujours en retard <b>",
    });
    await live.waitFor(() => live.named("case.note").find((e) => e.caseId === c.id), "case.note event");
    const list = await t.api("GET", `/api/cases/${c.id}/notes`, { token: t.tokens.collector2 });
    expect(list.body.items.map((n: { text: string }) => n.text)).toEqual([
      "Client connu, paie toujours en retard <b>",
    ]);
    expect((await t.api("GET", `/api/cases/${c.id}/notes`, { token: t.tokens.policy_editor })).status).toBe(
      403,
    );
    expect(await t.db.prisma.auditLog.count({ where: { action: "case.note", entityId: c.id } })).toBe(1);

    // The debtor's live view and a fresh connection's history have no trace of it.
    debtor.close();
    const again = await DebtorClient.connect(t.url, c.token);
    await again.waitFor(() => again.lastAssistant(), "history");
    expect(JSON.stringify(again.messages)).not.toContain("paie toujours en retard");
    expect(JSON.stringify(debtor.messages)).not.toContain("paie toujours en retard");
    again.close();
    live.close();
  });

  it("assigns the case's open escalations to whoever takes the conversation over", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    const live = await ConsoleClient.connect(t.url, t.tokens.collector2);
    expect((await post(`/api/cases/${c.id}/takeover`)).status).toBe(200);
    const row = await t.db.prisma.escalation.findUniqueOrThrow({ where: { id: escalationId } });
    expect(row).toMatchObject({ status: "assigned", assigneeId: t.userIds.collector });
    await live.waitFor(
      () =>
        live
          .named("escalation.updated")
          .find((e) => e.escalationId === escalationId && e.status === "assigned"),
      "assigned event",
    );

    // The queue shows how long the debtor has been waiting for an answer, until someone answers.
    const waiting = async () =>
      (await t.api("GET", `/api/escalations?caseId=${c.id}`, { token: t.tokens.collector })).body.items[0]
        .case.debtorWaitingSince;
    expect(await waiting()).toBeNull();
    expect((await debtor.send("Vous êtes là ?")).ok).toBe(true);
    await expect.poll(waiting).toEqual(expect.stringMatching(/^\d{4}-/));
    await post(`/api/cases/${c.id}/messages`, { text: "Oui, je regarde." });
    expect(await waiting()).toBeNull();
    live.close();
    debtor.close();
  });

  it("previews a hand-made offer: accept, counter or refusal, with nothing recorded nor sent", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    expect((await post(`/api/cases/${c.id}/offers/preview`, { kind: "full" })).status).toBe(409);
    await post(`/api/cases/${c.id}/takeover`);
    // The takeover notice reaches the debtor's socket after the answer: count from there.
    await debtor.waitFor(() => debtor.messages.find((m) => m.notice === "takeover"), "takeover notice");
    const messagesBefore = debtor.messages.length;

    const ok = await post(`/api/cases/${c.id}/offers/preview`, {
      kind: "plan",
      count: 3,
      cadence: "monthly",
      firstDate: "2026-12-05",
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ decision: "accept", terms: { kind: "plan" } });
    expect(ok.body.terms.instalments[0].dueDate).toBe("2026-12-05");

    const long = await post(`/api/cases/${c.id}/offers/preview`, {
      kind: "plan",
      count: 200,
      cadence: "weekly",
    });
    expect(["counter", "refuse"]).toContain(long.body.decision);
    expect(long.body.explanation).toEqual(expect.any(String));

    const bad = await post(`/api/cases/${c.id}/offers/preview`, { kind: "plan", count: 0 });
    expect(bad.status).toBe(400);
    expect(await t.db.prisma.offer.count({ where: { caseId: c.id, source: "collector" } })).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(debtor.messages.length).toBe(messagesBefore);
    debtor.close();
  });
});
