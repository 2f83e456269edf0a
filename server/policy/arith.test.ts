import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountAmount, discountBpsOf, mulDiv } from "./arith.js";

describe("integer arithmetic", () => {
  it("rounds as asked", () => {
    expect(mulDiv(7, 1, 2, "floor")).toBe(3);
    expect(mulDiv(7, 1, 2, "ceil")).toBe(4);
    expect(mulDiv(7, 1, 2, "half_up")).toBe(4);
    expect(mulDiv(5, 1, 4, "half_up")).toBe(1);
    expect(mulDiv(10 ** 8, 10 ** 8, 3, "floor")).toBe(Math.floor(10 ** 16 / 3));
    expect(() => mulDiv(1, 1, 0, "floor")).toThrow(RangeError);
  });

  it("never lets a discount exceed its basis points, nor its reported rate understate it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        (total, bps) => {
          const off = discountAmount(total, bps);
          expect(off * 10_000).toBeLessThanOrEqual(total * bps);
          expect(discountBpsOf(total, total - off)).toBeLessThanOrEqual(bps);
          expect(discountBpsOf(total, total - off) * total).toBeGreaterThanOrEqual(off * 10_000);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
