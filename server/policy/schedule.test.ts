import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dateInZone,
  daysBetween,
  fromEpochDay,
  isIsoDate,
  toEpochDay,
  toLocalDate,
} from "./dates.js";
import { schedule } from "./schedule.js";
import { arbDate } from "./test-support/fixtures.js";

const eur = (amount: number) => ({ amount, currency: "EUR" });

describe("calendar dates", () => {
  it("validates dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
  });

  it("adds months clamped to the month's end", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", 2)).toBe("2025-03-31");
    expect(addMonths("2025-12-15", 1)).toBe("2026-01-15");
    expect(addMonths("2025-03-31", -1)).toBe("2025-02-28");
  });

  it("round-trips epoch days and counts days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => toEpochDay(fromEpochDay(n)) === n),
      { numRuns: 1000 },
    );
    expect(daysBetween("2024-12-01", "2025-09-15")).toBe(288);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("turns an instant into the debtor's calendar date", () => {
    const instant = "2025-03-01T23:30:00Z";
    expect(toLocalDate(instant, "Europe/Paris")).toBe("2025-03-02");
    expect(toLocalDate(instant, "America/Los_Angeles")).toBe("2025-03-01");
    expect(dateInZone(new Date("2025-03-30T00:30:00Z"), "Europe/Paris")).toBe("2025-03-30");
    expect(toLocalDate("2025-03-01", "Pacific/Kiritimati")).toBe("2025-03-01");
    expect(() => toLocalDate("tomorrow", "Europe/Paris")).toThrow(RangeError);
  });
});

describe("schedule", () => {
  it("puts the remainder on the last instalment", () => {
    expect(schedule(eur(100000), 3, "2025-01-31", "monthly", "Europe/Paris")).toEqual([
      { dueDate: "2025-01-31", amount: 33333 },
      { dueDate: "2025-02-28", amount: 33333 },
      { dueDate: "2025-03-31", amount: 33334 },
    ]);
  });

  it("spaces weekly and biweekly instalments by 7 and 14 days", () => {
    expect(schedule(eur(1000), 3, "2025-12-24", "weekly", "UTC").map((i) => i.dueDate)).toEqual([
      "2025-12-24",
      "2025-12-31",
      "2026-01-07",
    ]);
    expect(schedule(eur(1000), 2, "2025-12-24", "biweekly", "UTC").map((i) => i.dueDate)).toEqual([
      "2025-12-24",
      "2026-01-07",
    ]);
  });

  it("takes a first amount (down payment) and splits the rest", () => {
    expect(
      schedule(eur(1000), 4, "2025-01-01", "monthly", "UTC", { firstAmount: 250 }).map((i) => i.amount),
    ).toEqual([250, 250, 250, 250]);
    expect(
      schedule(eur(1001), 3, "2025-01-01", "monthly", "UTC", { firstAmount: 500 }).map((i) => i.amount),
    ).toEqual([500, 250, 251]);
  });

  it("takes the agreed dates (the rest's own day) and refuses dates that do not follow each other", () => {
    const plan = schedule(eur(1000), 2, "2025-01-10", "monthly", "UTC", {
      amounts: [400, 600],
      dates: ["2025-01-10", "2025-03-01"],
    });
    expect(plan).toEqual([
      { dueDate: "2025-01-10", amount: 400 },
      { dueDate: "2025-03-01", amount: 600 },
    ]);
    for (const dates of [["2025-01-10", "2025-01-10"], ["2025-01-11", "2025-03-01"], ["2025-01-10"]])
      expect(() =>
        schedule(eur(1000), 2, "2025-01-10", "monthly", "UTC", { amounts: [400, 600], dates }),
      ).toThrow(RangeError);
  });

  it("reads the first date as a calendar date in the debtor's time zone", () => {
    // 23:30 UTC on 31 January is already 1 February in Paris: the plan starts on 1 February.
    const plan = schedule(eur(300), 3, "2025-01-31T23:30:00Z", "monthly", "Europe/Paris");
    expect(plan.map((i) => i.dueDate)).toEqual(["2025-02-01", "2025-03-01", "2025-04-01"]);
    expect(() => schedule(eur(300), 3, "2025-01-31", "monthly", "Mars/Olympus")).toThrow(/time zone/);
  });

  it("refuses nonsense", () => {
    expect(() => schedule(eur(100), 0, "2025-01-01", "monthly", "UTC")).toThrow(RangeError);
    expect(() => schedule(eur(1.5), 2, "2025-01-01", "monthly", "UTC")).toThrow(RangeError);
    expect(() => schedule(eur(100), 2, "2025-01-01", "monthly", "UTC", { firstAmount: 101 })).toThrow(
      RangeError,
    );
  });

  it("always sums exactly, with equal parts and the remainder last, on increasing dates (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 120 }),
        arbDate("2000-01-01", 365 * 60),
        fc.constantFrom("weekly" as const, "biweekly" as const, "monthly" as const),
        (amount, count, first, cadence) => {
          const plan = schedule(eur(amount), count, first, cadence, "Europe/Paris");
          expect(plan).toHaveLength(count);
          expect(plan.reduce((s, i) => s + i.amount, 0)).toBe(amount);
          const base = Math.floor(amount / count);
          expect(plan.slice(0, -1).every((i) => i.amount === base)).toBe(true);
          expect(plan[0]?.dueDate).toBe(first);
          for (let i = 1; i < plan.length; i++)
            expect(
              (plan[i] as { dueDate: string }).dueDate > (plan[i - 1] as { dueDate: string }).dueDate,
            ).toBe(true);
          if (cadence === "monthly") expect(plan.at(-1)?.dueDate).toBe(addMonths(first, count - 1));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
