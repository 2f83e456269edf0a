import { describe, expect, it } from "vitest";
import { DutyHoursError, describeOnDuty, isOnDuty, nextOnDuty, parseDutyHours } from "./duty-hours.js";

const PARIS = "Mon-Fri 09:00-18:00 Europe/Paris";
const at = (iso: string) => new Date(iso);

describe("parseDutyHours", () => {
  it("reads days, hours and the time zone", () => {
    expect(parseDutyHours(PARIS)).toMatchObject({
      timeZone: "Europe/Paris",
      segments: [{ days: [0, 1, 2, 3, 4], start: 540, end: 1080 }],
    });
  });

  it("reads several segments, day lists and wrapping ranges", () => {
    const h = parseDutyHours("Mon,Wed 08:30-12:00; Sat-Sun 10:00-24:00 America/New_York");
    expect(h.segments).toEqual([
      { days: [0, 2], start: 510, end: 720 },
      { days: [5, 6], start: 600, end: 1440 },
    ]);
    expect(parseDutyHours("Fri-Mon 09:00-10:00 UTC").segments[0]?.days).toEqual([0, 4, 5, 6]);
  });

  it.each([
    ["", /expected/],
    ["Mon-Fri 09:00-18:00", /time zone/],
    ["Mon-Fri 09:00-18:00 Mars/Olympus", /unknown time zone/],
    ["Lun-Ven 09:00-18:00 Europe/Paris", /not a day/],
    ["Mon-Fri 9h-18h Europe/Paris", /expected|not a time/],
    ["Mon-Fri 18:00-09:00 Europe/Paris", /ends before/],
    ["Mon-Fri 09:00-25:00 Europe/Paris", /not a time/],
  ])("refuses %j", (spec, message) => {
    expect(() => parseDutyHours(spec)).toThrow(DutyHoursError);
    expect(() => parseDutyHours(spec)).toThrow(message);
  });
});

describe("isOnDuty and nextOnDuty", () => {
  it("is on duty on a weekday afternoon in Paris (winter, UTC+1)", () => {
    const now = at("2026-11-23T13:00:00Z"); // Monday 14:00 in Paris
    expect(isOnDuty(now, PARIS)).toBe(true);
    expect(nextOnDuty(now, PARIS)).toEqual(now);
  });

  it("is off duty at 18:00 sharp and points to the next morning", () => {
    const now = at("2026-11-23T17:00:00Z"); // Monday 18:00 Paris
    expect(isOnDuty(now, PARIS)).toBe(false);
    expect(nextOnDuty(now, PARIS)).toEqual(at("2026-11-24T08:00:00Z"));
  });

  it("points from Friday evening to Monday 09:00 local time", () => {
    expect(nextOnDuty(at("2026-11-27T20:00:00Z"), PARIS)).toEqual(at("2026-11-30T08:00:00Z"));
  });

  it("points from early morning to the same day", () => {
    expect(nextOnDuty(at("2026-11-25T05:00:00Z"), PARIS)).toEqual(at("2026-11-25T08:00:00Z"));
  });

  it("follows daylight saving: summer hours in Paris are UTC+2, across the change weekend too", () => {
    expect(isOnDuty(at("2026-07-06T07:30:00Z"), PARIS)).toBe(true); // 09:30 CEST
    expect(isOnDuty(at("2026-07-06T16:30:00Z"), PARIS)).toBe(false); // 18:30 CEST
    // Clocks go back on Sunday 25 October 2026: Friday evening (CEST) to Monday 09:00 (CET).
    expect(nextOnDuty(at("2026-10-23T17:00:00Z"), PARIS)).toEqual(at("2026-10-26T08:00:00Z"));
  });

  it("handles a zone west of UTC where the local date differs", () => {
    const ny = "Mon-Fri 09:00-17:00 America/New_York";
    // Tuesday 02:00 UTC is Monday 21:00 in New York: next duty is Tuesday 09:00 EST.
    expect(nextOnDuty(at("2026-11-24T02:00:00Z"), ny)).toEqual(at("2026-11-24T14:00:00Z"));
  });

  it("describes the instant for the debtor in French and English", () => {
    const next = at("2026-11-30T08:00:00Z");
    expect(describeOnDuty(next, PARIS, "fr")).toBe("lundi 30 novembre à 09:00 (heure de Paris)");
    expect(describeOnDuty(next, PARIS, "en")).toBe("Monday 30 November at 09:00 (Paris time)");
  });
});
