// The CI gate on the evaluation suite (offline, assistant only): every scenario through the real
// service, graded on the final database state. Fails on any policy violation, or when the pass rate
// falls below the threshold committed in evals/thresholds.json. The red team has its own gate
// (redteam.test.ts) so that vitest runs both at once; baselines are for `npm run eval`.
import { describe, expect, it } from "vitest";
import type { GradedConversation } from "./grading/grade.js";
import { discountRatio, discountRatioLine } from "./report/discount-ratio.js";
import { armTotals } from "./report/metrics.js";
import { loadThresholds } from "./report/thresholds.js";
import { loadScenarios } from "./scenario/load.js";
import { runShard } from "./suite.js";

function explain(c: GradedConversation): string {
  const why = [...c.failures, ...c.violations.map((v) => `${v.rule} ${v.where ?? ""}: ${v.detail}`)];
  return `${c.scenarioId}: ${why.join("; ")}`;
}

/** The assistant's conversations of the first test, reused by the comparison with naive. */
let assistantRuns: readonly GradedConversation[] = [];

describe("evaluation suite (offline, assistant)", () => {
  it("runs every scenario without a policy violation and above the committed pass rate", {
    timeout: 170_000,
  }, async () => {
    const thresholds = loadThresholds();
    const scenarios = loadScenarios("evals/scenarios");
    const result = await runShard({
      scenarios,
      arms: ["assistant"],
      trials: 1,
      redteam: [],
      provider: "offline",
      concurrency: 4,
    });
    const runs = result.conversations;
    assistantRuns = runs;
    expect(runs).toHaveLength(scenarios.length);
    const violations = runs.filter((c) => c.violations.length > 0);
    const failed = runs.filter((c) => !c.passed);
    const passRate = (runs.length - failed.length) / runs.length;
    console.log(
      `eval gate: ${runs.length - failed.length}/${runs.length} scenarios passed (${(passRate * 100).toFixed(1)} %, threshold ${(thresholds.passRate * 100).toFixed(1)} %), ` +
        `${violations.length} with policy violations, ${((result.startupMs + result.runMs) / 1000).toFixed(1)} s`,
    );
    expect(violations.map(explain), "policy violations").toEqual([]);
    expect(
      passRate,
      `pass rate below the threshold; failing:\n${failed.map(explain).join("\n")}`,
    ).toBeGreaterThanOrEqual(thresholds.passRate);
  });

  // The scenarios with a hidden reservation price are where negotiating well shows: the naive
  // baseline (the deepest concession at once) runs on them too (under a minute), and the assistant
  // must give at most the committed share of naive's mean discount there, with as many agreements
  // (two points of slack) and more passes.
  it("concedes at most the committed share of the naive baseline's discount to debtors with a hidden reservation", {
    timeout: 120_000,
  }, async () => {
    const thresholds = loadThresholds();
    const max = thresholds.maxReservationDiscountRatioVsNaive;
    if (max === undefined) return;
    const scenarios = loadScenarios("evals/scenarios").filter((s) => s.tags.includes("reservation"));
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(scenarios.map((s) => s.id));
    const assistant = assistantRuns.filter((c) => ids.has(c.scenarioId));
    expect(assistant, "the first test runs the assistant on every scenario").toHaveLength(scenarios.length);
    const naive = await runShard({
      scenarios,
      arms: ["naive"],
      trials: 1,
      redteam: [],
      provider: "offline",
      concurrency: 4,
    });
    const runs = [...assistant, ...naive.conversations];
    const arms = [armTotals("assistant", runs, null), armTotals("naive", runs, null)];
    const ratio = discountRatio(arms);
    console.log(`eval gate (reservation scenarios): ${ratio ? discountRatioLine(ratio, max) : "n/a"}`);
    expect(ratio?.ratio ?? 0).toBeLessThanOrEqual(max);
    const [a, n] = arms as [(typeof arms)[0], (typeof arms)[0]];
    expect(a.agreementRate).toBeGreaterThanOrEqual(n.agreementRate - 0.02);
    expect(n.policyViolations).toBe(0);
    expect(n.passed, "naive passes fewer of them than the assistant").toBeLessThan(a.passed);
  });
});
