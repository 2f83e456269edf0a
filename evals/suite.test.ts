// The CI gate on the evaluation suite (offline, assistant only): every scenario through the real
// service, graded on the final database state. Fails on any policy violation, or when the pass rate
// falls below the threshold committed in evals/thresholds.json. The red team has its own gate
// (redteam.test.ts) so that vitest runs both at once; baselines are for `npm run eval`.
import { describe, expect, it } from "vitest";
import type { GradedConversation } from "./grading/grade.js";
import { loadThresholds } from "./report/thresholds.js";
import { loadScenarios } from "./scenario/load.js";
import { runShard } from "./suite.js";

function explain(c: GradedConversation): string {
  const why = [...c.failures, ...c.violations.map((v) => `${v.rule} ${v.where ?? ""}: ${v.detail}`)];
  return `${c.scenarioId}: ${why.join("; ")}`;
}

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
});
