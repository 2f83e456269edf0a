// The holiday table the service reads (public-holidays.json) is the date-holidays library's answer,
// not a hand-kept list: this recomputes it with the installed library, so an update of the library
// that moves a holiday fails here until `npm run holidays:table` is run (decision 0113).
import { describe, expect, it } from "vitest";
import { computeHolidayTable, libraryHolidays } from "./holiday-source.js";
import { publicHolidays } from "./public-holidays.js";
import table from "./public-holidays.json" with { type: "json" };

describe("public holidays", () => {
  it("reads a table equal to what the installed date-holidays computes, for every region and year", () => {
    expect(table.from).toBeLessThanOrEqual(new Date().getUTCFullYear());
    expect(table.to).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 5);
    const fresh = computeHolidayTable(table.from, table.to);
    expect(table.source, "run `npm run holidays:table`").toBe(fresh.source);
    expect(table.regions, "run `npm run holidays:table`").toEqual(fresh.regions);
    // All three jurisdictions and every US state, none of them empty.
    expect(Object.keys(table.regions)).toEqual(
      expect.arrayContaining(["FR/", "UK/ENG", "US/", "US/NY", "US/CA"]),
    );
    expect(Object.keys(table.regions).length).toBeGreaterThan(50);
    for (const years of Object.values(table.regions))
      for (const days of Object.values(years)) expect(days.split(" ").length).toBeGreaterThanOrEqual(6);
  });

  it("answers from the table inside its years and from the library outside them, alike", () => {
    const ny2026 = publicHolidays("US", 2026, "NY");
    expect(ny2026.has("2026-11-26")).toBe(true); // Thanksgiving
    expect(ny2026.has("2026-02-12")).toBe(true); // Lincoln's Birthday, a New York holiday
    expect(publicHolidays("US", 2026).has("2026-02-12")).toBe(false);
    expect([...publicHolidays("FR", 2026)]).toEqual(libraryHolidays("FR", 2026, undefined));
    const outside = table.to + 3;
    expect([...publicHolidays("FR", outside)]).toEqual(libraryHolidays("FR", outside, undefined));
    expect(publicHolidays("FR", outside).has(`${outside}-07-14`)).toBe(true);
    expect([...publicHolidays("UK", outside)]).toEqual(libraryHolidays("UK", outside, "ENG"));
  });
});
