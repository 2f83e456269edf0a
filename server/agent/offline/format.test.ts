// How a schedule is summed up in a reply: counted where instalments repeat, named by their place
// where one stands alone ("un premier de 500,00 € et un dernier de 790,33 €", never "1 mensuels").
import { describe, expect, it } from "vitest";
import { scheduleSummary } from "./format.js";

const plan = (...amounts: number[]) => amounts.map((amount, i) => ({ amount, dueDate: `2027-0${i + 1}-18` }));

describe("scheduleSummary", () => {
  it("names a lone instalment by its place and counts repeated ones", () => {
    expect(scheduleSummary(plan(50000, 79033), "EUR", "fr")).toMatch(
      /^un premier de 500,00\s€ et un dernier de 790,33\s€, du 18 janvier 2027 au 18 février 2027$/,
    );
    expect(scheduleSummary(plan(50000, 79033), "EUR", "en")).toMatch(
      /^a first one of €500\.00 and a last one of €790\.33, from /,
    );
    expect(scheduleSummary(plan(30000, 30000, 30000, 38993), "EUR", "fr")).toMatch(
      /^3 mensuels de 300,00\s€ et un dernier de 389,93\s€/,
    );
    expect(scheduleSummary(plan(40000, 30000, 35000), "EUR", "fr")).toMatch(
      /^un premier de 400,00\s€, un deuxième de 300,00\s€ et un dernier de 350,00\s€/,
    );
    expect(scheduleSummary(plan(30000, 30000), "EUR", "fr")).toMatch(/^2 mensuels de 300,00\s€, du /);
  });

  it("calls payments monthly only a month apart: a rest on a day of its own has no cadence", () => {
    const halves = [
      { amount: 144102, dueDate: "2026-12-04" },
      { amount: 144102, dueDate: "2027-01-31" },
    ];
    expect(scheduleSummary(halves, "EUR", "fr")).toMatch(
      /^2 versements de 1\s441,02\s€, du 4 décembre 2026 au 31 janvier 2027$/,
    );
    expect(scheduleSummary(halves, "EUR", "en")).toMatch(/^2 payments of €1,441\.02, from /);
    // Calendar months are 28 to 31 days apart: still monthly.
    const february = [
      { amount: 100, dueDate: "2027-01-31" },
      { amount: 100, dueDate: "2027-02-28" },
    ];
    expect(scheduleSummary(february, "EUR", "fr")).toMatch(/^2 mensuels/);
  });
});
