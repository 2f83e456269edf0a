import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyBasisPoints,
  formatMoney,
  isIsoCurrency,
  minorUnitDigits,
  money,
  splitEvenly,
} from "./money.js";

describe("money", () => {
  it("knows ISO currencies and their minor units", () => {
    expect(isIsoCurrency("EUR")).toBe(true);
    expect(isIsoCurrency("XXY")).toBe(false);
    expect(isIsoCurrency("eur")).toBe(false);
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
  });

  it("refuses fractional amounts", () => {
    expect(() => money(1.5, "EUR")).toThrow(/integer/);
  });

  it("splits evenly with the remainder on the last part", () => {
    expect(splitEvenly(money(1000, "EUR"), 3).map((m) => m.amount)).toEqual([333, 333, 334]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 120 }),
        (amount, count) => {
          const parts = splitEvenly(money(amount, "EUR"), count);
          expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(amount);
          expect(parts).toHaveLength(count);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("applies basis points with half-up rounding on integers", () => {
    expect(applyBasisPoints(money(12345, "EUR"), 1000).amount).toBe(1235);
    expect(applyBasisPoints(money(100, "EUR"), 3333).amount).toBe(33);
  });

  it("formats per locale", () => {
    expect(formatMoney(money(123456, "USD"), "en")).toBe("$1,234.56");
    expect(formatMoney(money(123456, "EUR"), "fr").replace(/\s/g, " ")).toBe("1 234,56 €");
  });
});
