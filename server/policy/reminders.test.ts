// The reminders section of a pack: every shipped pack has one, and a wrong one is reported at the
// right path, on the right line, with a reason a policy editor understands.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePack } from "./load.js";
import { PACK_IDS, pack } from "./test-support/fixtures.js";

const source = readFileSync("policies/us-consumer.yaml", "utf8");

function errorsOf(text: string) {
  const r = parsePack(text, "x.yaml");
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe("reminder sequences in the policy packs", () => {
  it("ships a cited sequence in every pack, steps in day order, ending with a collector task", () => {
    for (const id of PACK_IDS) {
      const r = pack(id).reminders;
      expect(r, id).toBeDefined();
      const days = r?.steps.map((s) => s.day) ?? [];
      expect([...days].sort((a, b) => a - b)).toEqual(days);
      expect(r?.steps.at(-1)?.channel).toBe("task");
      for (const s of r?.steps ?? []) expect(s.rules.length).toBeGreaterThan(0);
    }
    // US: the first contact carries the validation information and the mini-Miranda (US-1, US-3);
    // every message the "debt collector" notice and an opt-out (US-1, US-7); 9pm-8am is quiet (US-8).
    const us = pack("us-consumer").reminders;
    expect(us?.steps[0]?.disclosures).toEqual(["mini-miranda", "validation-rights"]);
    expect(us?.disclosures).toEqual(["debt-collector", "opt-out"]);
    expect(us?.quietHours).toMatchObject({ from: "21:00", to: "08:00" });
    expect(pack("uk-consumer").reminders?.disclosures).toEqual(["debt-advice"]);
    expect(pack("fr-business").reminders?.steps.some((s) => s.template === "fr-formal-notice")).toBe(true);
  });

  it("reports bad times and unknown channels at their path", () => {
    const errors = errorsOf(
      source
        .replace('from: "21:00"', 'from: "9pm"')
        .replace("      channel: sms\n", "      channel: pigeon\n"),
    );
    expect(errors).toEqual([
      'reminders.quietHours.from: expected a time HH:MM, got "9pm"',
      'reminders.steps[2].channel: must be one of "email", "sms", "letter", "task", got "pigeon"',
    ]);
  });

  it("reports steps out of order and unknown disclosure ids (checked once the sections are well-formed)", () => {
    const errors = errorsOf(
      source
        .replace("disclosures: [debt-collector, opt-out]", "disclosures: [debt-collector, opt-in]")
        .replace("      day: 14\n", "      day: 1\n"),
    );
    expect(errors).toContain(
      "reminders.steps[1].day: steps must be in increasing day order (day 1 is not after 1)",
    );
    const again = errorsOf(
      source.replace("disclosures: [debt-collector, opt-out]", "disclosures: [debt-collector, opt-in]"),
    );
    expect(again).toEqual(['reminders.disclosures[1]: no disclosure with id "opt-in"']);
  });

  it("refuses a cap above the Reg F ceiling and an uncited step", () => {
    const errors = errorsOf(
      source
        .replace("value: 3\n    rules: [US-10]", "value: 9\n    rules: [US-10]")
        .replace("      rules: [US-7, US-11]\n", "      rules: []\n"),
    );
    expect(errors).toContain("reminders.maxPerSevenDays.value: must be at most 7");
    expect(errors).toContain("reminders.steps[2].rules: cite at least one rule id from COMPLIANCE.md");
  });
});
