// Sending windows: quiet hours in the debtor's time zone (across DST), weekends and public holidays.
import { describe, expect, it } from "vitest";
import { publicHolidays } from "./public-holidays.js";
import { nextSendable, type SendWindow, zonedInstant } from "./send-window.js";

const paris: SendWindow = {
  timeZone: "Europe/Paris",
  quietFrom: "20:00",
  quietTo: "10:00",
  workingDaysOnly: true,
  jurisdiction: "FR",
};
const newYork: SendWindow = {
  timeZone: "America/New_York",
  quietFrom: "21:00",
  quietTo: "08:00",
  workingDaysOnly: true,
  jurisdiction: "US",
};

describe("send window", () => {
  it("converts a local time to an instant on both sides of a DST change", () => {
    expect(zonedInstant("2026-03-27", "10:00", "Europe/Paris").toISOString()).toBe(
      "2026-03-27T09:00:00.000Z",
    );
    expect(zonedInstant("2026-03-30", "10:00", "Europe/Paris").toISOString()).toBe(
      "2026-03-30T08:00:00.000Z",
    );
    expect(zonedInstant("2026-11-02", "08:00", "America/New_York").toISOString()).toBe(
      "2026-11-02T13:00:00.000Z",
    );
  });

  it("waits for the end of the quiet hours, and after a weekend for Monday", () => {
    // Tuesday 7:30 in Paris: 10:00 the same day.
    expect(nextSendable(new Date("2026-03-03T06:30:00Z"), paris).toISOString()).toBe(
      "2026-03-03T09:00:00.000Z",
    );
    // Tuesday 21:00 in Paris: Wednesday 10:00.
    expect(nextSendable(new Date("2026-03-03T20:00:00Z"), paris).toISOString()).toBe(
      "2026-03-04T09:00:00.000Z",
    );
    // Friday 22:00 in New York (Saturday 03:00 UTC): Monday 8:00 in New York.
    expect(nextSendable(new Date("2026-03-07T03:00:00Z"), newYork).toISOString()).toBe(
      "2026-03-09T12:00:00.000Z",
    );
    // Inside the window: now.
    expect(nextSendable(new Date("2026-03-03T14:00:00Z"), paris).toISOString()).toBe(
      "2026-03-03T14:00:00.000Z",
    );
  });

  it("skips public holidays of the jurisdiction (Easter Monday in France, Thanksgiving in the US)", () => {
    expect(publicHolidays("FR", 2026).has("2026-04-06")).toBe(true);
    expect(nextSendable(new Date("2026-04-06T09:00:00Z"), paris).toISOString()).toBe(
      "2026-04-07T08:00:00.000Z",
    );
    expect(nextSendable(new Date("2026-11-26T15:00:00Z"), newYork).toISOString()).toBe(
      "2026-11-27T13:00:00.000Z",
    );
    expect(publicHolidays("UK", 2026).has("2026-12-28")).toBe(true); // Boxing Day substitute (England)
  });
});
