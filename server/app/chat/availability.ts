// When a person can answer the debtor, told honestly: "today" while collectors are on duty, the
// next on-duty time otherwise (COLLECTOR_HOURS). The date is given to the output guard as a
// known fact so that it may appear in the assistant's words.
import type { Locale } from "../../domain/case-facts.js";
import { dateInZone } from "../../policy/index.js";
import {
  type DutyHours,
  describeOnDuty,
  isOnDuty,
  nextOnDuty,
  parseDutyHours,
} from "../console/duty-hours.js";

export interface Availability {
  readonly onDuty: boolean;
  /** ISO instant of the next on-duty time (now when on duty). */
  readonly nextAt: string;
  /** The calendar date of nextAt in the team's time zone, for the guard. */
  readonly nextDate: string;
  /** "lundi 23 novembre à 09:00 (heure de Paris)"; empty while on duty. */
  readonly when: string;
  /** The same in each language, for a reply that follows the debtor's switch of language. */
  readonly whenIn: Readonly<Record<Locale, string>>;
}

const parsed = new Map<string, DutyHours>();

/**
 * Off duty, the answer stays the same until the next on-duty time: from the instant it was worked
 * out (`from`) up to `next`, nobody is on duty and `next` stays the first start. Every turn asks
 * (the bundle carries it), and wording the next time in both languages was a tenth of a turn's own
 * work; so the off-duty answer is kept per hours' spec while that window lasts. A clock that goes
 * back before `from` (tests) works it out again.
 */
interface OffDuty {
  readonly from: number;
  readonly next: Date;
  readonly nextDate: string;
  readonly whenIn: Readonly<Record<Locale, string>>;
}
const offDuty = new Map<string, OffDuty>();

export function humanAvailability(spec: string, now: Date, locale: Locale): Availability {
  let hours = parsed.get(spec);
  if (!hours) {
    hours = parseDutyHours(spec);
    parsed.set(spec, hours);
  }
  const t = now.getTime();
  let known = offDuty.get(spec);
  if (!known || t < known.from || t >= known.next.getTime()) {
    if (isOnDuty(now, hours)) {
      return {
        onDuty: true,
        nextAt: now.toISOString(),
        nextDate: dateInZone(now, hours.timeZone),
        when: "",
        whenIn: { fr: "", en: "" },
      };
    }
    const next = nextOnDuty(now, hours);
    known = {
      from: t,
      next,
      nextDate: dateInZone(next, hours.timeZone),
      whenIn: { fr: describeOnDuty(next, hours, "fr"), en: describeOnDuty(next, hours, "en") },
    };
    offDuty.set(spec, known);
  }
  return {
    onDuty: false,
    nextAt: known.next.toISOString(),
    nextDate: known.nextDate,
    when: known.whenIn[locale],
    whenIn: known.whenIn,
  };
}
