// The /console namespace: staff tokens only; collectors and admins get the live queue and case rooms;
// policy editors only get KPI refreshes, never case data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../test-support/console-client.js";
import { escalatedDispute, newCase } from "../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../test-support/console-service.js";
import { TEST_TARGETS } from "../test-support/databases.js";

describe.each(TEST_TARGETS)("console namespace on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a missing or bad token at the handshake", async () => {
    await expect(ConsoleClient.connect(t.url, undefined)).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
    await expect(ConsoleClient.connect(t.url, "x".repeat(43))).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
    const c = await newCase(t);
    // A debtor's link token is not a staff token.
    await expect(ConsoleClient.connect(t.url, c.token)).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
  });

  it("pushes escalations, messages and statuses to collectors, and only KPI refreshes to policy editors", async () => {
    const collector = await ConsoleClient.connect(t.url, t.tokens.collector);
    const admin = await ConsoleClient.connect(t.url, t.tokens.admin);
    const editor = await ConsoleClient.connect(t.url, t.tokens.policy_editor);
    const { c, debtor, escalationId } = await escalatedDispute(t);
    for (const staff of [collector, admin]) {
      await staff.waitFor(
        () => staff.named("escalation.opened").find((e) => e.escalationId === escalationId),
        "escalation.opened",
      );
      const stored = await staff.waitFor(
        () => staff.named("message.stored").find((e) => e.caseId === c.id && e.message.role === "debtor"),
        "message.stored",
      );
      expect(stored.message).toMatchObject({
        id: expect.any(String),
        text: "75011",
        createdAt: expect.any(String),
      });
    }
    await editor.waitFor(() => editor.named("kpi.refresh").length > 0, "kpi.refresh");
    const names = new Set(editor.events.map((e) => e.name));
    expect([...names]).toEqual(["kpi.refresh"]);
    expect(JSON.stringify(editor.events)).not.toContain(c.id);
    const refused = await editor.emit("console:join_case", { caseId: c.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    for (const s of [collector, admin, editor]) s.close();
    debtor.close();
  });

  it("streams a case's messages (assistant replies included) to collectors in its room", async () => {
    const collector = await ConsoleClient.connect(t.url, t.tokens.collector);
    const c = await newCase(t);
    expect(await collector.emit("console:join_case", { caseId: c.id })).toEqual({ ok: true, caseId: c.id });
    const { DebtorClient } = await import("../test-support/debtor-client.js");
    const debtor = await DebtorClient.connect(t.url, c.token);
    const greeting = await collector.waitFor(
      () => collector.named("case.message").find((e) => e.message.role === "assistant"),
      "greeting",
    );
    expect(greeting.caseId).toBe(c.id);
    expect(await collector.emit("console:leave_case", { caseId: c.id })).toEqual({ ok: true, caseId: c.id });
    debtor.close();
    collector.close();
  });

  it("answers bad payloads and unknown events with error acks", async () => {
    const collector = await ConsoleClient.connect(t.url, t.tokens.collector);
    expect(await collector.emit("console:join_case", { caseId: "nope" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(await collector.emit("console:join_case", "just text")).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(
      await collector.emit("console:join_case", { caseId: "00000000-0000-0000-0000-000000000000" }),
    ).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await collector.emit("console:hack", {})).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
    // A revoked session closes the socket it opened at once, and cannot open another.
    const closed = new Promise<string>((resolve) => collector.socket.once("disconnect", resolve));
    await t.api("POST", "/api/logout", { token: t.tokens.collector });
    expect(await closed).toBe("io server disconnect");
    const c = await newCase(t, {}).catch(() => null);
    expect(c).toBeNull();
    await expect(ConsoleClient.connect(t.url, t.tokens.collector)).rejects.toMatchObject({
      data: { code: "unauthenticated" },
    });
    collector.close();
  });
});
