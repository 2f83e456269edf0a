// Role checks on every console route: 401 without or with a bad token, 403 for the wrong role, and
// the right roles get past the check (into validation or a 404 for the made-up ids used here).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalatedDispute } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";

type Role = "collector" | "policy_editor" | "admin";
const NIL = "00000000-0000-0000-0000-000000000000";
const STAFF: Role[] = ["collector", "admin"];
const EVERYONE: Role[] = ["collector", "policy_editor", "admin"];

const ROUTES: { method: string; path: string; roles: Role[]; csv?: boolean }[] = [
  { method: "GET", path: "/api/escalations", roles: STAFF },
  { method: "POST", path: `/api/escalations/${NIL}/assign`, roles: STAFF },
  { method: "POST", path: `/api/escalations/${NIL}/resolve`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/takeover`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/messages`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/handback`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/offers`, roles: STAFF },
  { method: "POST", path: "/api/payments", roles: STAFF },
  { method: "POST", path: "/api/promises/review", roles: ["admin"] },
  { method: "GET", path: "/api/cases", roles: STAFF },
  { method: "POST", path: "/api/cases/import?mode=validate", roles: STAFF, csv: true },
  { method: "GET", path: "/api/cases/export.csv", roles: STAFF },
  { method: "GET", path: "/api/kpis", roles: EVERYONE },
  { method: "GET", path: "/api/kpis/filters", roles: EVERYONE },
  { method: "GET", path: "/api/audit", roles: ["admin"] },
  { method: "GET", path: "/api/users", roles: ["admin"] },
  { method: "POST", path: "/api/users", roles: ["admin"] },
  { method: "PATCH", path: `/api/users/${NIL}`, roles: ["admin"] },
  { method: "POST", path: `/api/users/${NIL}/password-reset`, roles: ["admin"] },
  { method: "POST", path: "/api/me/password", roles: EVERYONE },
  { method: "GET", path: `/api/cases/${NIL}/notes`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/notes`, roles: STAFF },
  { method: "POST", path: `/api/cases/${NIL}/offers/preview`, roles: STAFF },
];

describe.each(TEST_TARGETS)("console roles on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (route: (typeof ROUTES)[number], token?: string) =>
    t.api(route.method, route.path, {
      ...(token ? { token } : {}),
      ...(route.method === "POST" || route.method === "PATCH"
        ? route.csv
          ? { raw: "reference\n", headers: { "content-type": "text/csv" } }
          : { body: {} }
        : {}),
    });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s checks the role",
    async (_name, route) => {
      expect((await call(route)).status).toBe(401);
      const garbage = await call(route, "x".repeat(43));
      expect(garbage.status).toBe(401);
      expect(garbage.body.error.code).toBe("unauthenticated");
      for (const role of EVERYONE) {
        const res = await call(route, t.tokens[role]);
        if (route.roles.includes(role)) {
          expect([401, 403], `${role} should pass the role check: ${JSON.stringify(res.body)}`).not.toContain(
            res.status,
          );
        } else {
          expect(res.status, `${role} must be refused`).toBe(403);
          expect(res.body.error.code).toBe("forbidden");
        }
      }
    },
  );

  it("keeps policy editors away from cases and transcripts, and gives them aggregates only", async () => {
    const { c, debtor } = await escalatedDispute(t);
    debtor.close();
    for (const path of [
      `/api/cases/${c.id}`,
      `/api/cases/${c.id}/transcript`,
      "/api/escalations",
      "/api/cases?q=a",
    ]) {
      expect((await t.api("GET", path, { token: t.tokens.policy_editor })).status, path).toBe(403);
    }
    const kpis = await t.api("GET", "/api/kpis", { token: t.tokens.policy_editor });
    expect(kpis.status).toBe(200);
    expect(JSON.stringify(kpis.body)).not.toMatch(/Dupont|jamais été livrée|INV-/);
  });

  it("shows admins the audit log of collector actions with an intact chain", async () => {
    const { c, debtor, escalationId } = await escalatedDispute(t);
    debtor.close();
    await t.api("POST", `/api/escalations/${escalationId}/assign`, { token: t.tokens.collector });
    await t.api("POST", `/api/cases/${c.id}/takeover`, { token: t.tokens.collector, body: {} });
    const res = await t.api("GET", "/api/audit?pageSize=10", { token: t.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.body.chain).toEqual({ intact: true, brokenAtId: null });
    expect(res.body.items[0]).toMatchObject({
      action: "conversation.takeover",
      actorType: "user",
      actorEmail: "collector@test.local",
      entityId: c.id,
    });
    expect(res.body.items[1]).toMatchObject({ action: "escalation.assign", data: { escalationId } });
    const filtered = await t.api("GET", "/api/audit?action=escalation.", { token: t.tokens.admin });
    expect(filtered.body.items.every((i: { action: string }) => i.action.startsWith("escalation."))).toBe(
      true,
    );
    expect((await t.api("GET", "/api/audit?pageSize=1000", { token: t.tokens.admin })).status).toBe(400);
  });

  it("answers 404 for ids that are not uuids", async () => {
    for (const path of [
      "/api/escalations/nope/assign",
      "/api/cases/nope/takeover",
      "/api/cases/nope/messages",
    ]) {
      expect((await t.api("POST", path, { token: t.tokens.collector, body: {} })).status, path).toBe(404);
    }
  });
});
