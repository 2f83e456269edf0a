// When collectors are on duty, from COLLECTOR_HOURS: "Mon-Fri 09:00-18:00 Europe/Paris", or several
// segments separated by ";" with one IANA time zone at the end ("Mon-Fri 09:00-18:00; Sat 10:00-12:00
// Europe/Paris"). Days are Mon..Sun, as ranges (Mon-Fri, wrapping Fri-Mon allowed) or lists (Mon,Wed).
// Times are local wall-clock times; "24:00" ends a day. A debtor who asks for a person while nobody is
// on duty is told when a person will answer: `nextOnDuty` gives that instant.

import { dateTimeFormat } from "../../domain/intl.js";
import { instantAtWallClock, wallClock } from "../../policy/index.js";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DutySegment {
  /** 0 = Monday ... 6 = Sunday. */
  readonly days: readonly number[];
  /** Minutes after local midnight, start inclusive, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface DutyHours {
  readonly timeZone: string;
  readonly segments: readonly DutySegment[];
  readonly source: string;
}

export class DutyHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DutyHoursError";
  }
}

const DAY_INDEX = new Map<string, number>(WEEKDAYS.map((d, i) => [d.toLowerCase(), i]));

function dayIndex(token: string, spec: string): number {
  const index = DAY_INDEX.get(token.toLowerCase());
  if (index === undefined) throw new DutyHoursError(`"${token}" is not a day (Mon..Sun) in "${spec}"`);
  return index;
}

function parseDays(text: string, spec: string): number[] {
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to, extra] = part.split("-");
    if (!from || extra !== undefined) throw new DutyHoursError(`bad day range "${part}" in "${spec}"`);
    const a = dayIndex(from, spec);
    const b = to === undefined ? a : dayIndex(to, spec);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

function parseTime(text: string, spec: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new DutyHoursError(`"${text}" is not a time HH:MM in "${spec}"`);
  }
  return hours * 60 + minutes;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses a COLLECTOR_HOURS value; throws DutyHoursError naming the bad part. */
export function parseDutyHours(spec: string): DutyHours {
  const trimmed = spec.trim();
  const lastSpace = trimmed.lastIndexOf(" ");
  if (lastSpace < 0) throw new DutyHoursError(`expected "<days> <HH:MM>-<HH:MM> <time zone>", got "${spec}"`);
  const timeZone = trimmed.slice(lastSpace + 1);
  if (!timeZone.includes("/") && timeZone !== "UTC") {
    throw new DutyHoursError(
      `the time zone must come last, as an IANA name such as Europe/Paris, in "${spec}"`,
    );
  }
  if (!isTimeZone(timeZone)) throw new DutyHoursError(`unknown time zone "${timeZone}"`);
  const segments = trimmed
    .slice(0, lastSpace)
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((segment) => {
      const m = /^(\S+)\s+(\S+)-(\S+)$/.exec(segment);
      if (!m) throw new DutyHoursError(`expected "<days> <HH:MM>-<HH:MM>", got "${segment}"`);
      const start = parseTime(m[2] as string, spec);
      const end = parseTime(m[3] as string, spec);
      if (end <= start) throw new DutyHoursError(`"${segment}" ends before it starts`);
      return { days: parseDays(m[1] as string, spec), start, end };
    });
  if (segments.length === 0) throw new DutyHoursError(`no hours in "${spec}"`);
  return { timeZone, segments, source: spec };
}

function toHours(spec: string | DutyHours): DutyHours {
  return typeof spec === "string" ? parseDutyHours(spec) : spec;
}

export function isOnDuty(now: Date, spec: string | DutyHours): boolean {
  const hours = toHours(spec);
  const t = wallClock(now, hours.timeZone);
  const minute = Math.floor(t.seconds / 60);
  return hours.segments.some((s) => s.days.includes(t.weekday) && minute >= s.start && minute < s.end);
}

/** `now` when someone is on duty, else the next instant someone will be (looks up to two weeks ahead). */
export function nextOnDuty(now: Date, spec: string | DutyHours): Date {
  const hours = toHours(spec);
  if (isOnDuty(now, hours)) return new Date(now);
  const today = wallClock(now, hours.timeZone);
  for (let offset = 0; offset <= 14; offset++) {
    // Calendar arithmetic on the local date (noon avoids any DST edge when stepping days).
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
    const weekday = (date.getUTCDay() + 6) % 7;
    const starts = hours.segments
      .filter((s) => s.days.includes(weekday))
      .map((s) => instantAtWallClock(date.toISOString().slice(0, 10), s.start * 60, hours.timeZone))
      .filter((d) => d.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0];
  }
  throw new DutyHoursError(`no duty hours within two weeks in "${hours.source}"`);
}

/**
 * How a debtor is told when a person answers, in their locale and the team's time zone:
 * "lundi 23 novembre à 09:00 (heure de Paris)" / "Monday, November 23 at 09:00 (Paris time)".
 */
export function describeOnDuty(at: Date, spec: string | DutyHours, locale: "fr" | "en"): string {
  const { timeZone } = toHours(spec);
  const day = dateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(at);
  const time = dateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  const city = (timeZone.split("/").at(-1) ?? timeZone).replace(/_/g, " ");
  return locale === "fr" ? `${day} à ${time} (heure de ${city})` : `${day} at ${time} (${city} time)`;
}
