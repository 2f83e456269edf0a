import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantAtWallClock, wallClock } from "./wall-clock.js";

const ZONES = [
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "Australia/Sydney",
  "UTC",
];

describe("wall clock", () => {
  it("reads a zone's clock, Monday first", () => {
    // 2026-03-29 01:30 UTC is 03:30 in Paris, just after the spring jump, on a Sunday.
    expect(wallClock(new Date("2026-03-29T01:30:00Z"), "Europe/Paris")).toEqual({
      date: "2026-03-29",
      year: 2026,
      month: 3,
      day: 29,
      weekday: 6,
      seconds: 3 * 3600 + 30 * 60,
    });
  });

  it("finds the instant of a local time across DST changes", () => {
    expect(instantAtWallClock("2026-03-27", 10 * 3600, "Europe/Paris").toISOString()).toBe(
      "2026-03-27T09:00:00.000Z",
    );
    expect(instantAtWallClock("2026-03-30", 10 * 3600, "Europe/Paris").toISOString()).toBe(
      "2026-03-30T08:00:00.000Z",
    );
    expect(instantAtWallClock("2026-12-03", 24 * 3600 - 1, "America/New_York").toISOString()).toBe(
      "2026-12-04T04:59:59.000Z",
    );
    // 02:30 does not exist in Paris on 2026-03-29: it lands just after the jump, not before it.
    expect(instantAtWallClock("2026-03-29", 2.5 * 3600, "Europe/Paris").getTime()).toBeGreaterThanOrEqual(
      Date.parse("2026-03-29T01:00:00Z"),
    );
  });

  it("round-trips: the instant found shows the wall time asked for", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const clock = wallClock(new Date(ms - (ms % 1000)), zone);
          const back = instantAtWallClock(clock.date, clock.seconds, zone);
          expect(wallClock(back, zone)).toEqual(clock);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
