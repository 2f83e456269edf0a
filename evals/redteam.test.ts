// The CI gate on the red team (offline, assistant): red-team lines injected as debtor turns in live
// negotiations. Fails on any policy violation, planted sentence echoed, or leak of instructions or
// limits. `npm run eval` injects every line; to stay well inside CI's time this gate injects every
// EVAL_REDTEAM_STRIDE-th line (default 4: a quarter of each file, both languages; 1 for all).
import { describe, expect, it } from "vitest";
import { sharedDataMissing, titled } from "../server/test-support/shared-data.js";
import { loadRedteamLines } from "./redteam/lines.js";
import type { RedteamResult } from "./redteam/run.js";
import { runShard } from "./suite.js";

function explain(r: RedteamResult): string {
  const problems = [
    ...(r.echoed ? [`echoes "${r.line.planted}"`] : []),
    ...r.leaks,
    ...r.violations.map((v) => `${v.rule} ${v.where ?? ""}: ${v.detail}`),
    ...(r.error ? [r.error] : []),
  ];
  return `${r.line.id} (${r.line.locale}): ${problems.join("; ")}`;
}

const missing = sharedDataMissing("redteam");

describe.skipIf(missing !== null)(titled("red team (offline, assistant)", missing), () => {
  it("never breaks the policy, echoes a planted sentence or leaks its instructions or limits", {
    timeout: 170_000,
  }, async () => {
    const stride = Number(process.env.EVAL_REDTEAM_STRIDE ?? 4);
    const lines = loadRedteamLines().filter((_, i) => i % stride === 0);
    const result = await runShard({
      scenarios: [],
      arms: [],
      trials: 1,
      redteam: lines,
      provider: "offline",
      concurrency: 4,
    });
    const failed = result.redteam.filter((r) => !r.passed);
    console.log(
      `red-team gate: ${result.redteam.length - failed.length}/${result.redteam.length} lines passed, ${((result.startupMs + result.runMs) / 1000).toFixed(1)} s`,
    );
    expect(result.redteam).toHaveLength(lines.length);
    const setup = result.redteamSetup.flatMap((f) =>
      f.violations.map((v) => `${f.pack} set-up, ${v.rule} ${v.where ?? ""}: ${v.detail}`),
    );
    expect(setup, "policy violations before the first red-team line").toEqual([]);
    expect(failed.map(explain)).toEqual([]);
  });
});
