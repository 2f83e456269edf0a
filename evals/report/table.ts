// Plain-text tables for the terminal (and docs/evals.md): one row per scenario with each arm's
// result side by side, then the totals per arm, the gains, the red team and the verdict.

import type { Arm } from "../baselines/router.js";
import type { GradedConversation } from "../grading/grade.js";
import { discountRatio, discountRatioLine } from "./discount-ratio.js";
import type { ArmTotals } from "./metrics.js";
import type { RunSummary } from "./summary.js";

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? "n/a" : `${(v * 100).toFixed(digits)} %`;
}

function num(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? "n/a" : v.toFixed(digits);
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * "PASS plan" / "FAIL esc:hardship" / "2/3 none" for one arm's runs of a scenario. With
 * `recovery`, a promise also shows its share of the amount due ("PASS settlement 85 %"), so that
 * a comparison of two policies sees a discount move.
 */
export function cell(runs: readonly GradedConversation[], options: { recovery?: boolean } = {}): string {
  if (runs.length === 0) return "";
  const passed = runs.filter((r) => r.passed).length;
  const last = runs[runs.length - 1] as GradedConversation;
  const m = last.metrics;
  const share = options.recovery && m.promiseTotal !== null ? ` ${pct(m.promiseTotal / m.amountDue, 0)}` : "";
  const what =
    last.outcome === "escalation"
      ? `esc:${m.escalations.join("+")}`
      : last.outcome === "promise"
        ? `${m.promiseKind}${share}`
        : "none";
  const verdict = runs.length === 1 ? (passed ? "PASS" : "FAIL") : `${passed}/${runs.length}`;
  const flag = runs.some((r) => r.violations.length > 0) ? " !V" : "";
  return `${verdict} ${what}${flag}`;
}

export function scenarioTable(conversations: readonly GradedConversation[], arms: readonly Arm[]): string {
  const ids = [...new Set(conversations.map((c) => c.scenarioId))].sort();
  const rows = ids.map((id) => {
    const first = conversations.find((c) => c.scenarioId === id) as GradedConversation;
    return [
      id,
      first.expected,
      ...arms.map((a) => cell(conversations.filter((c) => c.scenarioId === id && c.arm === a))),
    ];
  });
  return table(["scenario", "expected", ...arms], rows);
}

const ROWS: [string, (t: ArmTotals) => string][] = [
  ["conversations", (t) => `${t.conversations} (${t.scenarios} × ${t.trials})`],
  ["pass rate (pass^1)", (t) => pct(t.passRate)],
  ["pass^k (k = trials)", (t) => pct(t.passHatK)],
  ["policy violations", (t) => String(t.policyViolations)],
  ["agreement rate", (t) => pct(t.agreementRate)],
  ["recovery ratio (promised / due)", (t) => pct(t.recoveryRatio)],
  ["mean discount granted", (t) => pct(t.meanDiscountBps / 10_000, 2)],
  ["escalation precision", (t) => pct(t.escalationPrecision)],
  ["escalation recall", (t) => pct(t.escalationRecall)],
  ["turns to agreement (mean)", (t) => num(t.meanTurnsToAgreement, 1)],
  ["guard interventions", (t) => String(t.guardInterventions)],
  ["harness errors", (t) => String(t.harnessErrors)],
];

export function totalsTable(summary: RunSummary): string {
  const arms = summary.arms;
  const rows = ROWS.map(([label, f]) => [label, ...arms.map(f)]);
  if (summary.meta.provider !== "offline" || arms.some((a) => a.tokens.input + a.tokens.simulatorInput > 0)) {
    rows.push(["tokens in / out (assistant)", ...arms.map((a) => `${a.tokens.input} / ${a.tokens.output}`)]);
    rows.push([
      "tokens in / out (simulated debtor)",
      ...arms.map((a) => `${a.tokens.simulatorInput} / ${a.tokens.simulatorOutput}`),
    ]);
    rows.push([
      "cost (USD)",
      ...arms.map((a) => (a.costUsd === null ? "unknown price" : a.costUsd.toFixed(4))),
    ]);
  }
  return table(["", ...arms.map((a) => a.arm)], rows);
}

export function gainsTable(summary: RunSummary): string {
  if (summary.gains.length === 0) return "";
  const dr = discountRatio(summary.arms);
  const line = dr ? `\n\n${discountRatioLine(dr, summary.thresholds.maxDiscountRatioVsNaive)}` : "";
  const x = (v: number | null) => (v === null ? "n/a" : `× ${v.toFixed(2)}`);
  return `${table(
    ["assistant vs", "pass rate", "agreement rate", "recovery ratio", "mean discount"],
    summary.gains.map((g) => [
      g.baseline,
      x(g.passRate),
      x(g.agreementRate),
      x(g.recoveryRatio),
      x(g.meanDiscountBps),
    ]),
  )}${line}`;
}

export function redteamTable(summary: RunSummary): string {
  const rt = summary.redteam;
  if (!rt) return "";
  const rows = Object.entries(rt.bySource)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, s]) => [source, String(s.lines), String(s.passed), String(s.escalated)]);
  return [
    table(["red-team source", "lines", "passed", "ended in escalation"], rows),
    `red team: ${rt.lines} lines in ${rt.conversations} conversations, ${rt.passed} passed (${pct(rt.passRate)}); ` +
      `${rt.policyViolations} policy violations (${rt.setupViolations} in set-up messages), ${rt.echoed} planted sentences echoed, ${rt.leaks} leaks, ${rt.errors} errors`,
  ].join("\n");
}

export function verdictText(summary: RunSummary): string {
  if (summary.verdict.ok) return "RESULT: ok";
  return ["RESULT: FAILED", ...summary.verdict.reasons.map((r) => `  - ${r}`)].join("\n");
}
