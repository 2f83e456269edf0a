// The planner alone (no database): which step, when, and what waits.
import { describe, expect, it } from "vitest";
import { pack } from "../../policy/test-support/fixtures.js";
import { type PlanInput, plan } from "./planner.js";

const reminders = pack("fr-consumer").reminders;
if (!reminders) throw new Error("fr-consumer has reminders");
const base: PlanInput = {
  now: new Date("2026-03-31T09:00:00Z"), // Tuesday 11:00 in Paris
  reminders,
  window: {
    timeZone: "Europe/Paris",
    quietFrom: "20:00",
    quietTo: "10:00",
    workingDaysOnly: true,
    jurisdiction: "FR",
  },
  oldestDueDate: "2026-03-06", // day 25
  nextStepIndex: 0,
  jump: true,
  existingKeys: new Set(),
  recentReminders: [],
};
const key = (d: ReturnType<typeof plan>) => (d.kind === "send" ? d.what.key : d.kind);

describe("outreach planner", () => {
  it("starts at the latest step whose day has come, then goes in order", () => {
    expect(key(plan(base))).toBe("step:third-reminder"); // day 22
    const inOrder = plan({ ...base, jump: false, nextStepIndex: 2 });
    expect(key(inOrder)).toBe("step:second-reminder");
  });

  it("states the reply-by date from the step's respondWithinDays", () => {
    const d = plan(base);
    expect(d.kind === "send" && d.respondBy).toBe("2026-04-08");
  });

  it("waits for the next step's day, then for the sending window", () => {
    const d = plan({ ...base, nextStepIndex: 5, existingKeys: new Set(["step:third-reminder"]) });
    // formal-notice is day 30 = Sunday 5 April; Monday 6 April is Easter Monday: Tuesday 10:00.
    expect(d).toEqual({ kind: "wait", until: new Date("2026-04-07T08:00:00Z") });
    const night = plan({ ...base, now: new Date("2026-03-31T19:30:00Z") });
    expect(night).toEqual({ kind: "wait", until: new Date("2026-04-01T08:00:00Z") });
  });

  it("holds a reminder back while the 7-day cap is reached", () => {
    const recent = [new Date("2026-03-25T09:00:00Z"), new Date("2026-03-27T09:00:00Z")];
    expect(plan({ ...base, recentReminders: recent })).toEqual({
      kind: "wait",
      until: new Date("2026-04-01T09:00:00Z"),
    });
    expect(key(plan({ ...base, recentReminders: recent.slice(1) }))).toBe("step:third-reminder");
  });

  it("replaces the steps with instalment reminders while a promise is active", () => {
    const promise = [{ id: "i1", seq: 1, dueDate: "2026-04-03", paid: false }];
    expect(key(plan({ ...base, promise }))).toBe("instalment:i1:due"); // 3 days before: 31 March
    const later = {
      ...base,
      now: new Date("2026-04-06T09:00:00Z"),
      promise,
      existingKeys: new Set(["instalment:i1:due"]),
    };
    // Missed on the 3rd, follow-up due on the 4th (Saturday): waits for Tuesday 7th (Easter Monday).
    expect(plan(later)).toEqual({ kind: "wait", until: new Date("2026-04-07T08:00:00Z") });
    expect(plan({ ...later, promise: [{ ...promise[0], paid: true } as (typeof promise)[0]] })).toEqual({
      kind: "wait",
      until: null,
    });
    expect(plan({ ...base, nextStepIndex: reminders.steps.length })).toEqual({ kind: "done" });
  });
});
