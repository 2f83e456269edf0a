import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askedBpsOf, nextSettlementBps, settlementTotal } from "./concession.js";

describe("settlement concessions", () => {
  it("opens with a fifth of what the debtor asks, then closes a fifth of the remaining gap", () => {
    expect(nextSettlementBps(0, 2570)).toBe(514);
    expect(nextSettlementBps(514, 2140)).toBe(514 + 325);
  });

  it("moves at least a point, and takes the debtor's ask once it is within a point", () => {
    expect(nextSettlementBps(0, 300)).toBe(100);
    expect(nextSettlementBps(100, 300)).toBe(300);
    expect(nextSettlementBps(400, 450)).toBe(450);
  });

  it("never goes beyond the ask nor back below the discount already offered", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (prev, ask) => {
        const next = nextSettlementBps(prev, ask);
        expect(next).toBeLessThanOrEqual(Math.max(ask, 0));
        if (ask > prev) expect(next).toBeGreaterThan(prev);
        else expect(next).toBe(ask);
      }),
    );
  });

  it("reads a lump sum as a discount and rounds the amount off down to whole units", () => {
    expect(askedBpsOf(100000, 74300)).toBe(2570);
    expect(askedBpsOf(100000, 100000)).toBe(0);
    expect(settlementTotal(100000, 514)).toBe(94900);
    expect(settlementTotal(568911, 250)).toBe(568911 - 14200);
    // Below one unit off, the exact amount is kept rather than conceding nothing.
    expect(settlementTotal(5000, 100)).toBe(4950);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (due, bps) => {
          const total = settlementTotal(due, bps);
          expect(total).toBeLessThanOrEqual(due);
          expect(due - total).toBeLessThanOrEqual(Math.floor((due * bps) / 10_000));
        },
      ),
    );
  });
});
