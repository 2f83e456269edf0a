// publicHolidays answers from the generated table without the library inside the table's years and
// regions, and asks the library only outside them (decision 0113): the library is replaced here by
// a stand-in that counts its calls, so a table that is no longer read fails this test.
import { beforeEach, describe, expect, it, vi } from "vitest";

const library = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock("./holiday-source.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("./holiday-source.js")>();
  return {
    ...original,
    libraryHolidays: (jurisdiction: string, year: number, region: string | undefined) => {
      library.calls.push(`${jurisdiction}/${region ?? ""}/${year}`);
      return [`${year}-01-01`];
    },
  };
});
const { publicHolidays } = await import("./public-holidays.js");
const { default: table } = await import("./public-holidays.json", { with: { type: "json" } });

describe("public holidays read from the table", () => {
  beforeEach(() => {
    library.calls.length = 0;
  });

  it("answers every jurisdiction and a US state inside the table without the library", () => {
    expect(publicHolidays("FR", 2027).has("2027-07-14")).toBe(true);
    expect(publicHolidays("UK", 2027).has("2027-12-27")).toBe(true);
    expect(publicHolidays("US", 2027, "NY").has("2027-02-12")).toBe(true);
    expect(publicHolidays("US", 2027).has("2027-02-12")).toBe(false);
    expect(library.calls).toEqual([]);
  });

  it("asks the library for a year after the table, or a region it does not list", () => {
    expect([...publicHolidays("FR", table.to + 1)]).toEqual([`${table.to + 1}-01-01`]);
    publicHolidays("US", 2027, "ZZ");
    expect(library.calls).toEqual([`FR//${table.to + 1}`, "US/ZZ/2027"]);
  });
});
