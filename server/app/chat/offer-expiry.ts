// Offers expire at the end of their last valid day in the debtor's time zone.
import { addDays, instantAtWallClock } from "../../policy/index.js";

/** The UTC instant of 23:59:59 on `date` in `timeZone`. */
export function endOfDayInZone(date: string, timeZone: string): Date {
  return instantAtWallClock(date, 24 * 3600 - 1, timeZone);
}

/** Default validity of an offer that the engine gave no date for: three days. */
export function defaultOfferExpiry(today: string, timeZone: string): Date {
  return endOfDayInZone(addDays(today, 3), timeZone);
}
