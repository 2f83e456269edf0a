// `npm run holidays:table [-- from to]`: writes server/app/outreach/public-holidays.json, the public
// holidays of every jurisdiction and US state for a range of years, computed by the date-holidays
// library, so that the service need not load the library (about 10 MB of heap) to plan a reminder
// (decision 0113). server/app/outreach/public-holidays.test.ts fails when the table and the
// installed library disagree: run this after updating date-holidays.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { computeHolidayTable } from "../server/app/outreach/holiday-source.js";
import { HOLIDAY_TABLE_PATH } from "../server/app/outreach/public-holidays.js";

const year = z.coerce.number().int().min(2000).max(2100);
const args = z.tuple([year, year]).safeParse([process.argv[2] ?? 2024, process.argv[3] ?? 2040]);
if (!args.success || args.data[0] > args.data[1]) {
  console.error("usage: npm run holidays:table -- <from year> <to year> (2000-2100, from <= to)");
  process.exit(2);
}
const table = computeHolidayTable(args.data[0], args.data[1]);
writeFileSync(HOLIDAY_TABLE_PATH, `${JSON.stringify(table, null, 2)}\n`);
console.log(
  `Wrote ${HOLIDAY_TABLE_PATH}: ${Object.keys(table.regions).length} regions, ${table.from}-${table.to}, ${table.source}`,
);
process.exit(0);
