import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

describe.each(TEST_TARGETS)("cases API on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: unknown, token = t.tokens.collector) => t.api("POST", "/api/cases", { token, body });

  it("creates a case and returns id, link and token; stores only the token hash", async () => {
    const res = await create(sampleCase({ reference: "REF-1" }));
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.token).toMatch(/^[\w-]{43}$/);
    expect(res.body.link).toBe(`${t.service.ctx.publicUrl}/c/${res.body.token}`);
    const tokens = await t.db.prisma.debtorAccessToken.findMany({ where: { caseId: res.body.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).not.toBe(res.body.token);
    const days = (tokens[0]!.expiresAt.getTime() - t.clock.now().getTime()) / 86_400_000;
    expect(days).toBe(30);
  });

  it("reads the case back with totals, status, offers, promises, escalations and policy version", async () => {
    const created = await create(sampleCase({ reference: "REF-2" }));
    const res = await t.api("GET", `/api/cases/${created.body.id}`, { token: t.tokens.collector });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.body.id,
      reference: "REF-2",
      status: "verifying",
      principal: { amount: 150_050, currency: "EUR" },
      offers: [],
      promises: [],
      escalations: [],
      policyVersion: { packId: "fr-business" },
    });
    expect(res.body.policyVersion.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.amountDue.principal).toBe(150_050);
    expect(res.body.amountDue.total).toBeGreaterThan(150_050);
    expect(res.body.verification).toEqual({ question: "Code postal ?", hasAnswer: true });
  });

  it("answers 409 with the existing id for a duplicate reference of the same creditor, and creates nothing", async () => {
    const first = await create(sampleCase({ reference: "DUP-1" }));
    const before = await t.db.prisma.case.count();
    const second = await create(sampleCase({ reference: "DUP-1" }));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(second.body.error.details).toEqual({ id: first.body.id });
    expect(await t.db.prisma.case.count()).toBe(before);
    const otherCreditor = await create(sampleCase({ reference: "DUP-1", creditor: { name: "Other Co" } }));
    expect(otherCreditor.status).toBe(201);
  });

  it.each([
    ["unknown field", { surprise: true }, "(root)"],
    ["wrong type", { reference: 42 }, "reference"],
    [
      "negative amount",
      { invoices: [{ number: "A", issuedAt: "2026-01-01", dueAt: "2026-02-01", amount: -5 }] },
      "invoices.0.amount",
    ],
    [
      "fractional amount",
      { invoices: [{ number: "A", issuedAt: "2026-01-01", dueAt: "2026-02-01", amount: 12.5 }] },
      "invoices.0.amount",
    ],
    ["unknown currency", { currency: "EUX" }, "currency"],
    [
      "due before issue",
      { invoices: [{ number: "A", issuedAt: "2026-03-01", dueAt: "2026-02-01", amount: 5 }] },
      "invoices.0.dueAt",
    ],
    ["empty invoice list", { invoices: [] }, "invoices"],
    ["over-long string", { reference: "x".repeat(101) }, "reference"],
    ["bad locale", { debtor: { name: "A", kind: "business", locale: "de" } }, "debtor.locale"],
    [
      "bad date",
      { invoices: [{ number: "A", issuedAt: "01/02/2026", dueAt: "2026-02-01", amount: 5 }] },
      "invoices.0.issuedAt",
    ],
  ])("refuses %s with the field path", async (_name, override, path) => {
    const res = await create(sampleCase(override));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain(path);
    for (const d of res.body.error.details) expect(d.message).toEqual(expect.any(String));
  });

  it("refuses malformed JSON and oversized bodies", async () => {
    const malformed = await t.api("POST", "/api/cases", { token: t.tokens.collector, raw: '{"reference": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/JSON/),
    });
    const huge = await t.api("POST", "/api/cases", {
      token: t.tokens.collector,
      raw: JSON.stringify({ reference: "x".repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
  });

  it("refuses a case that no policy pack covers", async () => {
    // Every jurisdiction/kind pair is covered by the shipped packs; prove the mapping answers.
    for (const [jurisdiction, kind] of [
      ["US", "consumer"],
      ["UK", "consumer"],
      ["US", "business"],
      ["UK", "business"],
      ["FR", "consumer"],
    ] as const) {
      const res = await create(
        sampleCase({
          jurisdiction,
          currency: jurisdiction === "UK" ? "GBP" : jurisdiction === "US" ? "USD" : "EUR",
          debtor: { name: "X", kind, locale: "en" },
        }),
      );
      expect(res.status, `${jurisdiction}/${kind}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });

  it("checks roles: 401 without or with a bad token, 403 for a policy editor", async () => {
    expect((await t.api("POST", "/api/cases", { body: sampleCase() })).status).toBe(401);
    expect((await t.api("GET", "/api/cases", { token: "x".repeat(43) })).status).toBe(401);
    expect((await t.api("GET", "/api/cases", { token: "garbage" })).body.error.code).toBe("unauthenticated");
    const editor = await t.api("GET", "/api/cases", { token: t.tokens.policy_editor });
    expect(editor.status).toBe(403);
    expect(editor.body.error.code).toBe("forbidden");
    expect((await create(sampleCase(), t.tokens.policy_editor)).status).toBe(403);
    expect((await create(sampleCase(), t.tokens.admin)).status).toBe(201);
  });

  it("answers 404 for unknown ids and routes", async () => {
    const token = t.tokens.collector;
    expect((await t.api("GET", "/api/cases/00000000-0000-0000-0000-000000000000", { token })).status).toBe(
      404,
    );
    expect((await t.api("GET", "/api/cases/not-a-uuid", { token })).status).toBe(404);
    expect(
      (await t.api("GET", "/api/cases/00000000-0000-0000-0000-000000000000/transcript", { token })).status,
    ).toBe(404);
    expect((await t.api("GET", "/api/nothing-here", { token })).body.error.code).toBe("not_found");
  });

  it("lists cases with status filter, text search on reference and debtor name, and pagination", async () => {
    await create(
      sampleCase({
        reference: "SEARCH-ALPHA",
        debtor: { name: "Zéphyr Imports", kind: "business", locale: "fr" },
      }),
    );
    await create(sampleCase({ reference: "SEARCH-BETA" }));
    const token = t.tokens.collector;
    const byRef = await t.api("GET", "/api/cases?q=search-al", { token });
    expect(byRef.body.items.map((c: { reference: string }) => c.reference)).toEqual(["SEARCH-ALPHA"]);
    const byName = await t.api("GET", "/api/cases?q=z%C3%A9phyr", { token });
    expect(byName.body.total).toBe(1);
    const page = await t.api("GET", "/api/cases?pageSize=2&page=1&status=verifying", { token });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const none = await t.api("GET", "/api/cases?status=promised", { token });
    expect(none.body.items).toEqual([]);
    const bad = await t.api("GET", "/api/cases?status=nope&pageSize=1000", { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["status", "pageSize"]),
    );
  });

  it("returns an empty transcript before any chat", async () => {
    const created = await create(sampleCase());
    const res = await t.api("GET", `/api/cases/${created.body.id}/transcript`, { token: t.tokens.collector });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId: created.body.id, conversationId: null, messages: [], events: [] });
  });

  it("rotates and revokes the debtor link, and audits both", async () => {
    const created = await create(sampleCase());
    const id = created.body.id;
    const rotated = await t.api("POST", `/api/cases/${id}/link`, { token: t.tokens.collector });
    expect(rotated.status).toBe(201);
    expect(rotated.body.token).not.toBe(created.body.token);
    const live = await t.db.prisma.debtorAccessToken.findMany({ where: { caseId: id, revokedAt: null } });
    expect(live).toHaveLength(1);
    const revoke = await t.api("DELETE", `/api/cases/${id}/link`, { token: t.tokens.collector });
    expect(revoke.status).toBe(204);
    expect(await t.db.prisma.debtorAccessToken.count({ where: { caseId: id, revokedAt: null } })).toBe(0);
    const view = await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector });
    expect(view.body.link.active).toBe(false);
    const actions = (await t.db.prisma.auditLog.findMany({ where: { entityId: id } })).map((a) => a.action);
    expect(actions).toEqual(["case.create", "link.rotate", "link.revoke"]);
  });

  it("keeps serving after hostile input", async () => {
    for (const raw of ["null", "[]", '"text"', "1e999", "{".repeat(5000), "\u0000"]) {
      const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, raw });
      expect([400, 413]).toContain(res.status);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    expect((await t.api("GET", "/healthz")).status).toBe(200);
    const ready = await t.api("GET", "/readyz");
    expect(ready.body).toEqual({ status: "ready", database: target });
  });
});
