// Words a debtor may type that are also the names every plain object inherits ("constructor",
// "toString", "__proto__"...) are words, not numbers, months or weekdays: understanding them
// threw ("constructor euros") while the word tables were object literals.
import { describe, expect, it } from "vitest";
import { understand } from "../index.js";
import { wordTable } from "./word-table.js";

const INHERITED = Object.getOwnPropertyNames(Object.prototype);

describe("word tables", () => {
  it("find only their own words", () => {
    const table = wordTable({ trois: 3 });
    expect(table.trois).toBe(3);
    for (const name of INHERITED) expect(table[name], name).toBeUndefined();
  });

  it("let understanding read an inherited name as a plain word, in amounts, dates and counts", () => {
    expect(INHERITED).toContain("constructor");
    for (const name of INHERITED) {
      for (const text of [
        `${name} euros`,
        `je peux payer ${name} par mois`,
        `le ${name} janvier`,
        `on ${name} the ${name}`,
      ]) {
        for (const locale of ["fr", "en"] as const) {
          const u = understand(text, { locale, currency: "EUR", today: "2026-12-03" });
          expect(u.slots.amounts, text).toEqual([]);
          expect(u.slots.dates, text).toEqual([]);
        }
      }
    }
  });
});
