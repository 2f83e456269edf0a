// Calendar dates as "YYYY-MM-DD" strings. Arithmetic is done on whole days since 1970-01-01 (UTC), so
// no time zone or daylight-saving change can shift a date; a time zone only matters when turning an
// instant ("now") into the debtor's calendar date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Every turn works out the late interest over the rate table's periods: the same few hundred dates,
// each parsed into arrays and a Date every time. Their day numbers are remembered (a bounded table,
// emptied when full: dates are few, and any input stays correct).
const epochDays = new Map<string, number>();
const EPOCH_DAYS_MAX = 4096;

export function toEpochDay(date: string): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = parts(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC
  const day = Math.round(t.getTime() / MS_PER_DAY);
  if (epochDays.size >= EPOCH_DAYS_MAX) epochDays.clear();
  epochDays.set(date, day);
  return day;
}

export function fromEpochDay(day: number): string {
  const t = new Date(day * MS_PER_DAY);
  const y = String(t.getUTCFullYear()).padStart(4, "0");
  const m = String(t.getUTCMonth() + 1).padStart(2, "0");
  const d = String(t.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Adds calendar months, clamping to the month's last day: Jan 31 + 1 month = Feb 28 (or 29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(nd).padStart(2, "0")}`;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

// Intl formatters are costly to build: one per time zone, reused (also answers "is it valid?").
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

// Asked several times per turn for the same second (see wall-clock.ts: offsets are whole seconds,
// so one UTC second is one local date); kept per zone and second, the newest few thousand.
const dates = new Map<string, string>();
const DATES_MAX = 4096;

/** The calendar date of an instant in a time zone (the debtor's "today"). */
export function dateInZone(instant: Date, timeZone: string): string {
  const fmt = formatterFor(timeZone);
  if (!fmt) throw new RangeError(`unknown time zone ${timeZone}`);
  const second = Math.floor(instant.getTime() / 1000);
  // An invalid date is left to Intl (which throws), never remembered.
  if (!Number.isFinite(second)) return readDate(fmt, instant);
  const key = `${timeZone}|${second}`;
  const known = dates.get(key);
  if (known !== undefined) return known;
  const read = readDate(fmt, instant);
  if (dates.size >= DATES_MAX) dates.clear();
  dates.set(key, read);
  return read;
}

function readDate(fmt: Intl.DateTimeFormat, instant: Date): string {
  const parts = fmt.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`;
}

/**
 * A date given either as a calendar date (kept as is) or as an ISO instant with a time
 * ("2025-03-01T23:30:00Z"), which becomes the calendar date in `timeZone`.
 */
export function toLocalDate(value: string, timeZone: string): string {
  if (isIsoDate(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw new RangeError(`not an ISO date or instant: ${JSON.stringify(value)}`);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()))
    throw new RangeError(`not an ISO date or instant: ${JSON.stringify(value)}`);
  return dateInZone(instant, timeZone);
}
