import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { PASSWORD, startTestService, type TestService } from "../../test-support/service.js";

describe.each(TEST_TARGETS)("auth over HTTP on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    // Three logins happen at start-up and six in the tests before the flood.
    t = await startTestService(target, {}, { loginLimit: 12 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("logs in with email and password and returns an expiring token and the role", async () => {
    const res = await t.api("POST", "/api/login", {
      body: { email: "Collector@Test.local", password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ email: "collector@test.local", role: "collector" });
    expect(res.body.token).toMatch(/^[\w-]{43}$/);
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const stored = await t.db.prisma.authSession.findMany();
    expect(stored.some((s) => s.tokenHash === res.body.token)).toBe(false);
  });

  it("refuses a wrong password or an unknown user with the same 401", async () => {
    const wrong = await t.api("POST", "/api/login", {
      body: { email: "admin@test.local", password: "nope" },
    });
    const unknown = await t.api("POST", "/api/login", {
      body: { email: "ghost@test.local", password: "nope" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("unauthenticated");
  });

  it("validates the login body with field paths", async () => {
    const res = await t.api("POST", "/api/login", { body: { email: "x", extra: 1 } });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("expires tokens after the session lifetime", async () => {
    const res = await t.api("POST", "/api/login", {
      body: { email: "admin@test.local", password: PASSWORD },
    });
    expect((await t.api("GET", "/api/me", { token: res.body.token })).status).toBe(200);
    t.clock.advanceDays(1);
    try {
      expect((await t.api("GET", "/api/me", { token: res.body.token })).status).toBe(401);
    } finally {
      t.clock.advanceDays(-1);
    }
  });

  it("revokes the token on logout", async () => {
    const res = await t.api("POST", "/api/login", {
      body: { email: "editor@test.local", password: PASSWORD },
    });
    const token = res.body.token;
    expect((await t.api("POST", "/api/logout", { token })).status).toBe(204);
    const after = await t.api("GET", "/api/me", { token });
    expect(after.status).toBe(401);
  });

  it("rate-limits login attempts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await t.api("POST", "/api/login", { body: { email: "admin@test.local", password: "bad" } })).status,
      );
    }
    expect(statuses).toContain(429);
    const limited = await t.api("POST", "/api/login", {
      body: { email: "admin@test.local", password: "bad" },
    });
    expect(limited.body.error.code).toBe("rate_limited");
  });
});
