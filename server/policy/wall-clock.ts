// Local wall-clock time in an IANA time zone, both ways: what a zone's clock shows at an instant, and
// the instant at which it shows a given date and time. One implementation for offer expiry, reminder
// send windows and collectors' duty hours (Intl only: no time-zone table of our own).

export interface WallClock {
  /** "YYYY-MM-DD". */
  readonly date: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Monday ... 6 = Sunday. */
  readonly weekday: number;
  /** Seconds after local midnight. */
  readonly seconds: number;
}

const WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
// Building an Intl formatter costs far more than using one: one per time zone, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// formatToParts costs microseconds and a turn asks for the same second several times (the bundle,
// duty hours, expiry), as do the turns of one busy second. Zone offsets are whole seconds, so every
// instant of one UTC second shows the same wall clock: answers are kept per zone and second (the
// newest few thousand; WallClock is read-only, so sharing one is safe).
const seen = new Map<string, WallClock>();
const SEEN_MAX = 4096;

/** What the wall clock of `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const second = Math.floor(instant.getTime() / 1000);
  // An invalid date is left to Intl (which throws), never remembered.
  if (!Number.isFinite(second)) return readWallClock(instant, timeZone);
  const key = `${timeZone}|${second}`;
  const known = seen.get(key);
  if (known) return known;
  const read = readWallClock(instant, timeZone);
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(key, read);
  return read;
}

function readWallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const year = Number(get("year"));
  const month = Number(get("month"));
  const day = Number(get("day"));
  return {
    date: `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`,
    year,
    month,
    day,
    weekday: WEEKDAY.indexOf(get("weekday")),
    seconds: Number(get("hour")) * 3600 + Number(get("minute")) * 60 + Number(get("second")),
  };
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` ("YYYY-MM-DD") and `secondsOfDay`.
 * Two corrections settle every offset change; a wall time skipped by a DST jump lands just after it.
 */
export function instantAtWallClock(date: string, secondsOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + secondsOfDay * 1000;
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    guess += wall - (Date.UTC(seen.year, seen.month - 1, seen.day) + seen.seconds * 1000);
  }
  return new Date(guess);
}
