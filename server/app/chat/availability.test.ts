// The debtor is told when a person can answer. The off-duty answer is kept between turns (it holds
// until the next on-duty time): whatever order the instants come in, each answer must be the one
// worked out afresh from the duty hours at that instant.
import { describe, expect, it } from "vitest";
import { dateInZone } from "../../policy/index.js";
import { describeOnDuty, isOnDuty, nextOnDuty } from "../console/duty-hours.js";
import { humanAvailability } from "./availability.js";

const SPEC = "Mon-Fri 09:00-18:00 Europe/Paris";

function fresh(now: Date, locale: "fr" | "en") {
  const onDuty = isOnDuty(now, SPEC);
  const next = nextOnDuty(now, SPEC);
  const when = (l: "fr" | "en") => (onDuty ? "" : describeOnDuty(next, SPEC, l));
  return {
    onDuty,
    nextAt: next.toISOString(),
    nextDate: dateInZone(next, "Europe/Paris"),
    when: when(locale),
    whenIn: { fr: when("fr"), en: when("en") },
  };
}

describe("humanAvailability", () => {
  it("answers as the duty hours say at every instant, off duty, on duty, and with a clock going back", () => {
    const instants = [
      "2026-12-04T19:00:00Z", // Friday evening in Paris: off until Monday 09:00
      "2026-12-05T10:00:00Z", // Saturday, same window
      "2026-12-07T07:59:59Z", // Monday 08:59:59 in Paris, last second of the window
      "2026-12-07T08:00:00Z", // Monday 09:00: on duty
      "2026-12-07T08:30:00Z",
      "2026-12-07T17:00:00Z", // Monday 18:00: off until Tuesday
      "2026-12-05T10:00:00Z", // back to Saturday (a test's clock)
      "2026-12-04T16:59:00Z", // Friday 17:59: on duty
      "2026-12-04T17:00:00Z", // Friday 18:00
    ];
    for (const [i, iso] of instants.entries()) {
      const locale = i % 2 ? "en" : "fr";
      expect(humanAvailability(SPEC, new Date(iso), locale), iso).toEqual(fresh(new Date(iso), locale));
    }
    expect(humanAvailability(SPEC, new Date("2026-12-05T10:00:00Z"), "fr")).toMatchObject({
      onDuty: false,
      nextAt: "2026-12-07T08:00:00.000Z",
      nextDate: "2026-12-07",
    });
  });
});
