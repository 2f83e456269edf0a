// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone or daylight
// saving change can shift a day. Plus the month and weekday names both languages use.
import { wordTable } from "../text/word-table.js";

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

export function parseIso(iso: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

export function toIso(x: Ymd): string {
  return `${String(x.y).padStart(4, "0")}-${String(x.m).padStart(2, "0")}-${String(x.d).padStart(2, "0")}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValid(x: Ymd): boolean {
  return x.y >= 1900 && x.y <= 2200 && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m);
}

function fromUtc(t: number): Ymd {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(Date.UTC(x.y, x.m - 1, x.d + n));
}

/** Same day n months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function endOfMonth(x: Ymd): Ymd {
  return { y: x.y, m: x.m, d: daysInMonth(x.y, x.m) };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(x: Ymd): number {
  return new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();
}

export function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The next date on or after `today` whose day of month is `day` (months without it are skipped). */
export function nextDayOfMonth(today: Ymd, day: number): Ymd | null {
  if (day < 1 || day > 31) return null;
  for (let k = 0; k < 13; k++) {
    const base = addMonths({ ...today, d: 1 }, k);
    if (day > daysInMonth(base.y, base.m)) continue;
    const cand = { ...base, d: day };
    if (compare(cand, today) >= 0) return cand;
  }
  return null;
}

/** The next date on or after `today` with this month and day (a year without a year). */
export function nextMonthDay(today: Ymd, month: number, day: number): Ymd | null {
  for (const y of [today.y, today.y + 1, today.y + 2, today.y + 3, today.y + 4]) {
    const cand = { y, m: month, d: day };
    if (isValid(cand) && compare(cand, today) >= 0) return cand;
  }
  return null;
}

/** Strictly after today: "vendredi" said on a Friday means next week's. */
export function nextWeekday(today: Ymd, dow: number): Ymd {
  const diff = (dow - weekday(today) + 7) % 7 || 7;
  return addDays(today, diff);
}

// biome-ignore format: a table reads better in rows
export const MONTHS = wordTable<number>({
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7,
  juil: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
});

// biome-ignore format: a table reads better in rows
export const WEEKDAYS = wordTable<number>({
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  tues: 2, wed: 3, thur: 4, thurs: 4, fri: 5,
});

/** The latest date on or before `today` whose day of month is `day` ("payé le 3"). */
export function prevDayOfMonth(today: Ymd, day: number): Ymd | null {
  if (day < 1 || day > 31) return null;
  for (let k = 0; k < 13; k++) {
    const base = addMonths({ ...today, d: 1 }, -k);
    if (day > daysInMonth(base.y, base.m)) continue;
    const cand = { ...base, d: day };
    if (compare(cand, today) <= 0) return cand;
  }
  return null;
}

/** The latest date on or before `today` with this month and day. */
export function prevMonthDay(today: Ymd, month: number, day: number): Ymd | null {
  for (const y of [today.y, today.y - 1, today.y - 2, today.y - 3, today.y - 4]) {
    const cand = { y, m: month, d: day };
    if (isValid(cand) && compare(cand, today) <= 0) return cand;
  }
  return null;
}

/** Strictly before today: "paid on Monday" said on a Monday means last week's. */
export function prevWeekday(today: Ymd, dow: number): Ymd {
  const diff = (weekday(today) - dow + 7) % 7 || 7;
  return addDays(today, -diff);
}
