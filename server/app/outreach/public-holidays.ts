// Public holidays of a jurisdiction (and US state) in a year, from the table generated with the
// date-holidays library (public-holidays.json, `npm run holidays:table`), a few kilobytes instead of
// the library's 10 MB of heap; a year or a region outside the table asks the library (decision 0113).
import { fileURLToPath } from "node:url";
import type { Jurisdiction } from "../../domain/case-facts.js";
import { holidayRegion, libraryHolidays, regionKey } from "./holiday-source.js";
import table from "./public-holidays.json" with { type: "json" };

export const HOLIDAY_TABLE_PATH = fileURLToPath(new URL("./public-holidays.json", import.meta.url));

const regions: Record<string, Record<string, string> | undefined> = table.regions;
const cache = new Map<string, Set<string>>();

/** Public holidays of the jurisdiction in a year, as "YYYY-MM-DD" (England for the UK). */
export function publicHolidays(jurisdiction: Jurisdiction, year: number, usState?: string): Set<string> {
  const region = holidayRegion(jurisdiction, usState);
  const key = regionKey(jurisdiction, region);
  const cacheKey = `${key}/${year}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const listed = regions[key]?.[String(year)];
  const days = new Set(
    listed !== undefined
      ? listed
          .split(" ")
          .filter(Boolean)
          .map((mmdd) => `${year}-${mmdd}`)
      : libraryHolidays(jurisdiction, year, region),
  );
  cache.set(cacheKey, days);
  return days;
}
