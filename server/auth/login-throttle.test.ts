import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.js";

describe("LoginThrottle", () => {
  const setup = () => {
    let t = 1_000_000;
    const throttle = new LoginThrottle(() => t, { freeFailures: 3, baseLockMs: 1000, maxLockMs: 8000 });
    return { throttle, advance: (ms: number) => (t += ms) };
  };

  it("locks an account after the free failures, whatever the address", () => {
    const { throttle } = setup();
    for (let i = 0; i < 3; i++) {
      expect(throttle.check("a@x.io", `10.0.0.${i}`).allowed).toBe(true);
      throttle.failure("a@x.io");
    }
    expect(throttle.check("a@x.io", "10.0.0.9")).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(throttle.check("A@X.io ", "10.0.0.10").allowed).toBe(false);
    expect(throttle.check("b@x.io", "10.0.0.9").allowed).toBe(true);
  });

  it("doubles the lock with each failure up to the cap, then lets the user try again", () => {
    const { throttle, advance } = setup();
    const locks: number[] = [];
    for (let i = 0; i < 10; i++) {
      throttle.failure("a@x.io");
      const v = throttle.check("a@x.io", "1.1.1.1");
      locks.push(v.allowed ? 0 : v.retryAfterMs);
      advance(v.allowed ? 0 : v.retryAfterMs);
    }
    expect(locks).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000]);
    expect(throttle.check("a@x.io", "1.1.1.1").allowed).toBe(true);
  });

  it("never locks the real user out from an address that logged in before, and a success resets", () => {
    const { throttle } = setup();
    throttle.success("a@x.io", "192.0.2.1");
    for (let i = 0; i < 20; i++) throttle.failure("a@x.io");
    expect(throttle.check("a@x.io", "203.0.113.5").allowed).toBe(false);
    expect(throttle.check("a@x.io", "192.0.2.1").allowed).toBe(true);
    throttle.success("a@x.io", "192.0.2.1");
    expect(throttle.check("a@x.io", "203.0.113.5").allowed).toBe(true);
  });
});
