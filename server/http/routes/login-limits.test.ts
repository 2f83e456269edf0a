// Login limits that hold behind a proxy: the client IP is the one our trusted hop appended (a
// spoofed X-Forwarded-For buys nothing), each account locks after a few failures whatever the
// number of IPs, and the lock neither lasts forever nor stops the real user on a known address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { PASSWORD, startTestService, type TestService } from "../../test-support/service.js";

const attempt = (t: TestService, email: string, password: string, forwardedFor?: string) =>
  t.api("POST", "/api/login", {
    body: { email, password },
    ...(forwardedFor ? { headers: { "x-forwarded-for": forwardedFor } } : {}),
  });

describe.each(TEST_TARGETS)("login limits behind one proxy on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    // The fixture logs in three times from 127.0.0.1; per-IP budget 10 a minute.
    t = await startTestService(target, { TRUST_PROXY: "1" }, { loginLimit: 10 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("limits per IP even when the client spoofs X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      // The proxy appends the address it saw; everything before it is the client's invention.
      const spoofed = `10.${i}.${i}.${i}, 198.51.100.7`;
      statuses.push((await attempt(t, `nobody${i}@test.local`, "wrong", spoofed)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  it("locks an account attacked from 5 IPs x 10 attempts, with Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let ip = 1; ip <= 5; ip++) {
      for (let i = 0; i < 10; i++) {
        const res = await attempt(t, "collector@test.local", `guess-${ip}-${i}`, `203.0.113.${ip}`);
        statuses.push(res.status);
        if (res.status === 429) retryAfter ??= res.headers.get("retry-after");
      }
    }
    // Five guesses in all, not fifty: the rest are refused without checking the password.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password from a new address waits for the lock...
    expect((await attempt(t, "collector@test.local", PASSWORD, "203.0.113.99")).status).toBe(429);
    // ...which is capped (15 minutes): a day later the real user gets in, and the count starts again.
    t.clock.advanceDays(1);
    expect((await attempt(t, "collector@test.local", PASSWORD, "203.0.113.99")).status).toBe(200);
    expect((await attempt(t, "collector@test.local", "wrong", "203.0.113.98")).status).toBe(401);
  });

  it("does not lock the real user out from an address they logged in from before", async () => {
    expect((await attempt(t, "editor@test.local", PASSWORD, "192.0.2.10")).status).toBe(200);
    for (let i = 0; i < 9; i++) await attempt(t, "editor@test.local", `x${i}`, `198.18.0.${i + 1}`);
    expect((await attempt(t, "editor@test.local", PASSWORD, "198.18.0.50")).status).toBe(429);
    expect((await attempt(t, "editor@test.local", PASSWORD, "192.0.2.10")).status).toBe(200);
  });
});

describe.each(TEST_TARGETS)("login limits with no trusted proxy on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target, { TRUST_PROXY: "false" }, { loginLimit: 10 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("ignores X-Forwarded-For entirely", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await attempt(t, `ghost${i}@test.local`, "wrong", `10.9.9.${i}`)).status);
    // Three fixture logins + seven failures use the budget of 10 for 127.0.0.1.
    expect(statuses.filter((s) => s === 401)).toHaveLength(7);
    expect(statuses.slice(7).every((s) => s === 429)).toBe(true);
  });
});
