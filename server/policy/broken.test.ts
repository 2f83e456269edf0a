// Every file in policies/broken/ holds one kind of mistake; the loader must report exactly these
// errors (file, YAML path, line, message), and the policy:check command must fail on them.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPackFiles } from "./check-files.js";
import { loadPackFile } from "./load.js";
import type { PackError } from "./pack-errors.js";

const DIR = "policies/broken";

const e = (name: string, line: number | undefined, path: string, message: string): PackError => ({
  file: `${DIR}/${name}.yaml`,
  path,
  ...(line === undefined ? {} : { line }),
  message,
});

const EXPECTED: Record<string, PackError[]> = {
  "unknown-key": [e("unknown-key", 12, "limits.maxDiscount", 'unknown key "maxDiscount"')],
  "wrong-type": [e("wrong-type", 9, "limits.maxInstalments.value", 'expected a number, got "twelve"')],
  "negative-discount": [
    e("negative-discount", 23, "limits.discountTiers[1].maxDiscountBps", "must not be negative"),
  ],
  "discount-over-100": [
    e(
      "discount-over-100",
      23,
      "limits.discountTiers[1].maxDiscountBps",
      "must be at most 10000 basis points (100 %)",
    ),
  ],
  "min-instalment-not-integer": [
    e("min-instalment-not-integer", 10, "limits.minInstalment.value", "expected an integer, got 50.5"),
  ],
  "missing-disclosure-locale": [
    e("missing-disclosure-locale", 57, "disclosures[0].text.en", "required field is missing"),
  ],
  "malformed-rule-id": [
    e(
      "malformed-rule-id",
      12,
      "limits.firstPaymentWithinDays.rules[0]",
      'malformed rule id "FR_2": expected an id like FR-B1, US-12, UK-6 or DP-8',
    ),
    e(
      "malformed-rule-id",
      15,
      "limits.settlementPayWithinDays.rules[0]",
      'unknown rule id "FR-B9": not in COMPLIANCE.md',
    ),
  ],
  "yaml-syntax": [
    e("yaml-syntax", 57, "", "YAML syntax error: Nested mappings are not allowed in compact mappings"),
  ],
  "tiers-overlap": [e("tiers-overlap", 21, "limits.discountTiers[1]", "tier 1 overlaps tier 0")],
  "tiers-unsorted": [
    e(
      "tiers-unsorted",
      21,
      "limits.discountTiers[1]",
      "tiers must be sorted by daysPastDue.from then balance.from (tier 1 comes before tier 0)",
    ),
  ],
  "zero-instalments": [e("zero-instalments", 9, "limits.maxInstalments.value", "must be at least 1")],
  "step-over-standard-limit": [
    e(
      "step-over-standard-limit",
      41,
      "ladder.steps[1].instalments",
      "must be at most 6 (limits.maxInstalments)",
    ),
  ],
  "escalation-forbidden-wording": [
    e(
      "escalation-forbidden-wording",
      79,
      "escalation[0].handling.en",
      'uses forbidden wording "bailiff" (forbiddenWording authority)',
    ),
  ],
  "escalation-correctable-stop": [
    e(
      "escalation-correctable-stop",
      90,
      "escalation[2].correctableWithinMinutes",
      "a vulnerability escalation cannot be taken back by the debtor: only dispute, already_paid can (a protected state or a request for a person is always honoured)",
    ),
  ],
  "duplicate-disclosure-id": [
    e(
      "duplicate-disclosure-id",
      59,
      "disclosures[1].id",
      'duplicate disclosure id "ai-notice" (first at index 0)',
    ),
  ],
  "duplicate-key": [e("duplicate-key", 5, "", "YAML syntax error: Map keys must be unique")],
  "settlement-before-plan": [
    e(
      "settlement-before-plan",
      38,
      "ladder.steps[2].requires",
      'a settlement step must require "plan_declined"',
    ),
  ],
  "waive-without-fees": [
    e(
      "waive-without-fees",
      36,
      "ladder.steps[1].waive.interest",
      "cannot waive late interest: fees.lateInterest is not set",
    ),
  ],
  "missing-escalation": [
    e("missing-escalation", 72, "escalation", "missing escalation kinds: dispute, stop_request"),
  ],
  "bad-reference": [
    e("bad-reference", 51, "limitation.timeBarred.disclosure", 'no disclosure with id "prescription"'),
  ],
};

describe("broken packs", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

  it("has at least ten kinds of mistake, each with its expected errors", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const names = files.map((f) => f.replace(/\.yaml$/, "")).filter((n) => n !== "id-mismatch");
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`reports ${name}`, () => {
      const result = loadPackFile(`${DIR}/${name}.yaml`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual(expected);
    });
  }

  it("catches a valid pack whose id does not match its file name only in the cross-pack check", () => {
    expect(loadPackFile(`${DIR}/id-mismatch.yaml`).ok).toBe(true);
    const report = checkPackFiles([`${DIR}/id-mismatch.yaml`]);
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      `${DIR}/id-mismatch.yaml id: pack id "minimal" must match the file name "id-mismatch"`,
    ]);
  });

  it("fails policy:check with one file:line path: message line per problem", () => {
    const report = checkPackFiles(files.map((f) => `${DIR}/${f}`).sort());
    expect(report.ok).toBe(false);
    const expectedLines = Object.values(EXPECTED)
      .flat()
      .map((x) =>
        x.path ? `${x.file}:${x.line} ${x.path}: ${x.message}` : `${x.file}:${x.line}: ${x.message}`,
      );
    for (const line of expectedLines) expect(report.lines).toContain(line);
  });
});
