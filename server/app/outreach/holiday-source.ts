// Public holidays as the date-holidays library computes them (its tables of every country, with
// moment-timezone and astronomia: about 10 MB of heap once loaded). The service reads them from the
// table generated from this (public-holidays.json, `npm run holidays:table`) and only loads the
// library for a year or a region outside it (decision 0113).
import { createRequire } from "node:module";
import type HolidaysClass from "date-holidays";
import type { Jurisdiction } from "../../domain/case-facts.js";

const COUNTRY: Record<Jurisdiction, string> = { FR: "FR", US: "US", UK: "GB" };

let holidaysClass: typeof HolidaysClass | undefined;
/** Required synchronously (its CommonJS build), so that the send window's functions stay synchronous. */
function Holidays(): typeof HolidaysClass {
  holidaysClass ??= createRequire(import.meta.url)("date-holidays") as typeof HolidaysClass;
  return holidaysClass;
}

/** The region the service asks the library for: England for the UK, the state in the US. */
export function holidayRegion(jurisdiction: Jurisdiction, usState?: string): string | undefined {
  return jurisdiction === "UK" ? "ENG" : jurisdiction === "US" ? usState : undefined;
}

/** The key of a jurisdiction and region in the table: "FR/", "UK/ENG", "US/", "US/NY". */
export const regionKey = (jurisdiction: Jurisdiction, region: string | undefined) =>
  `${jurisdiction}/${region ?? ""}`;

/** The public holidays of a year, "YYYY-MM-DD" in order, as the library gives them. */
export function libraryHolidays(
  jurisdiction: Jurisdiction,
  year: number,
  region: string | undefined,
): string[] {
  const Hd = Holidays();
  const hd = region ? new Hd(COUNTRY[jurisdiction], region) : new Hd(COUNTRY[jurisdiction]);
  const days = (hd.getHolidays(year) || [])
    .filter((h) => h.type === "public")
    .map((h) => h.date.slice(0, 10));
  return [...new Set(days)].sort();
}

/** Every region the table covers: each jurisdiction's country level, England, and every US state. */
export function tableRegions(): { jurisdiction: Jurisdiction; region: string | undefined }[] {
  const states = Object.keys(new (Holidays())().getStates("US") ?? {});
  return [
    { jurisdiction: "FR", region: undefined },
    { jurisdiction: "UK", region: "ENG" },
    { jurisdiction: "US", region: undefined },
    ...states.map((s) => ({ jurisdiction: "US" as const, region: s })),
  ];
}

export interface HolidayTable {
  /** The library's version the table was computed with. */
  readonly source: string;
  readonly from: number;
  readonly to: number;
  /** region key → year → the year's public holidays as "MM-DD" separated by spaces. */
  readonly regions: Record<string, Record<string, string>>;
}

/** The table for the years from..to (both included), computed by the library. */
export function computeHolidayTable(from: number, to: number): HolidayTable {
  const version = createRequire(import.meta.url)("date-holidays/package.json").version as string;
  const regions: Record<string, Record<string, string>> = {};
  for (const { jurisdiction, region } of tableRegions()) {
    const years: Record<string, string> = {};
    for (let year = from; year <= to; year++)
      years[year] = libraryHolidays(jurisdiction, year, region)
        .map((d) => d.slice(5))
        .join(" ");
    regions[regionKey(jurisdiction, region)] = years;
  }
  return { source: `date-holidays ${version}`, from, to, regions };
}
