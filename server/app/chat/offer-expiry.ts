// Offers expire at the end of their last valid day in the debtor's time zone.

import { dateTimeFormat } from "../../domain/intl.js";
import { addDays } from "../../policy/index.js";

/** The UTC instant of 23:59:59 on `date` in `timeZone`. */
export function endOfDayInZone(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T23:59:59Z`);
  const parts = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(guess);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asIfUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  const offset = asIfUtc - guess.getTime();
  return new Date(guess.getTime() - offset);
}

/** Default validity of an offer that the engine gave no date for: three days. */
export function defaultOfferExpiry(today: string, timeZone: string): Date {
  return endOfDayInZone(addDays(today, 3), timeZone);
}
