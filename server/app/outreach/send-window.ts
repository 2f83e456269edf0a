// When a reminder may go out: outside the pack's quiet hours in the debtor's time zone and, when the
// pack says so, on a working day (not a weekend, not a public holiday of the jurisdiction: see
// public-holidays.ts). Confirmations answer the debtor's own action and do not wait (issue 16).
import type { Jurisdiction } from "../../domain/case-facts.js";
import { addDays, dateInZone, instantAtWallClock, wallClock } from "../../policy/index.js";
import { publicHolidays } from "./public-holidays.js";

export interface SendWindow {
  readonly timeZone: string;
  /** "HH:MM" local; no sending from `quietFrom` to `quietTo` (spans midnight when from > to). */
  readonly quietFrom: string;
  readonly quietTo: string;
  readonly workingDaysOnly: boolean;
  readonly jurisdiction: Jurisdiction;
  readonly usState?: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of a local wall-clock time in a time zone (DST handled by re-checking the offset). */
export function zonedInstant(date: string, hhmm: string, timeZone: string): Date {
  return instantAtWallClock(date, minutes(hhmm) * 60, timeZone);
}

export function isWorkingDay(date: string, w: SendWindow): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(w.jurisdiction, Number(date.slice(0, 4)), w.usState).has(date);
}

function inQuietHours(minute: number, w: SendWindow): boolean {
  const from = minutes(w.quietFrom);
  const to = minutes(w.quietTo);
  return from > to ? minute >= from || minute < to : minute >= from && minute < to;
}

/** The first instant at or after `from` when a reminder may be sent. */
export function nextSendable(from: Date, w: SendWindow): Date {
  let candidate = from;
  for (let i = 0; i < 40; i++) {
    const local = wallClock(candidate, w.timeZone);
    if (w.workingDaysOnly && !isWorkingDay(local.date, w)) {
      candidate = zonedInstant(addDays(local.date, 1), w.quietTo, w.timeZone);
      continue;
    }
    if (!inQuietHours(Math.floor(local.seconds / 60), w)) return candidate;
    const spansMidnight = minutes(w.quietFrom) > minutes(w.quietTo);
    const sameDay = !spansMidnight || Math.floor(local.seconds / 60) < minutes(w.quietTo);
    // Before the morning end of the quiet hours: later today; in the evening: tomorrow morning.
    candidate = zonedInstant(sameDay ? local.date : addDays(local.date, 1), w.quietTo, w.timeZone);
  }
  return candidate;
}

/** The start of a local day's sending window (quiet hours' end), as an instant. */
export function dayStart(date: string, w: SendWindow): Date {
  return zonedInstant(date, w.quietTo, w.timeZone);
}

export function localDate(instant: Date, timeZone: string): string {
  return dateInZone(instant, timeZone);
}
