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

export function humanAvailability(spec: string, now: Date, locale: Locale): Availability {
  let hours = parsed.get(spec);
  if (!hours) {
    hours = parseDutyHours(spec);
    parsed.set(spec, hours);
  }
  const onDuty = isOnDuty(now, hours);
  const next = nextOnDuty(now, hours);
  return {
    onDuty,
    nextAt: next.toISOString(),
    nextDate: dateInZone(next, hours.timeZone),
    when: onDuty ? "" : describeOnDuty(next, hours, locale),
    whenIn: {
      fr: onDuty ? "" : describeOnDuty(next, hours, "fr"),
      en: onDuty ? "" : describeOnDuty(next, hours, "en"),
    },
  };
}
