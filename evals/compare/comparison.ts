// A draft policy beside the published one, on the same scenarios in the same run: the assistant's
// totals side by side with the change, every scenario whose result moved, and the pack fields that
// differ. This is what a policy editor reads before publishing (DESIGN.md: effect on recovery and
// compliance shown side by side).
import type { GradedConversation } from "../grading/grade.js";
import type { ArmTotals } from "../report/metrics.js";
import type { RunSummary } from "../report/summary.js";
import { cell, pct, table } from "../report/table.js";
import type { PackChange } from "./pack-diff.js";

export interface ComparedRun {
  readonly summary: RunSummary;
  readonly conversations: readonly GradedConversation[];
}

export interface MetricRow {
  readonly metric: string;
  readonly published: string;
  readonly draft: string;
  readonly change: string;
}

export interface ScenarioShift {
  readonly scenarioId: string;
  readonly expected: string;
  readonly published: string;
  readonly draft: string;
  /** "better" when the draft passes more trials, "worse" when fewer, "moved" when only the outcome moved. */
  readonly direction: "better" | "worse" | "moved";
}

export interface Comparison {
  readonly packs: readonly PackChange[];
  readonly metrics: readonly MetricRow[];
  readonly shifts: readonly ScenarioShift[];
  /** The draft's own verdict against evals/thresholds.json: would CI accept it? */
  readonly draftVerdict: RunSummary["verdict"];
}

type Numeric = (t: ArmTotals) => number | null;

const points = (a: number | null, b: number | null) =>
  a === null || b === null ? "n/a" : `${b - a >= 0 ? "+" : ""}${((b - a) * 100).toFixed(1)} pts`;
const count = (a: number | null, b: number | null) =>
  a === null || b === null ? "n/a" : `${b - a >= 0 ? "+" : ""}${b - a}`;

const METRICS: [string, Numeric, (v: number | null) => string, typeof points][] = [
  ["pass rate", (t) => t.passRate, (v) => pct(v), points],
  ["policy violations", (t) => t.policyViolations, (v) => String(v), count],
  ["agreement rate", (t) => t.agreementRate, (v) => pct(v), points],
  ["recovery ratio (promised / due)", (t) => t.recoveryRatio, (v) => pct(v), points],
  ["mean discount granted", (t) => t.meanDiscountBps / 10_000, (v) => pct(v, 2), points],
  ["escalation precision", (t) => t.escalationPrecision, (v) => pct(v), points],
  ["escalation recall", (t) => t.escalationRecall, (v) => pct(v), points],
  [
    "turns to agreement (mean)",
    (t) => t.meanTurnsToAgreement,
    (v) => (v === null ? "n/a" : v.toFixed(1)),
    (a, b) => (a === null || b === null ? "n/a" : `${b - a >= 0 ? "+" : ""}${(b - a).toFixed(1)}`),
  ],
  ["guard interventions", (t) => t.guardInterventions, (v) => String(v), count],
];

export function compareRuns(
  published: ComparedRun,
  draft: ComparedRun,
  packs: readonly PackChange[],
): Comparison {
  const before = published.summary.arms.find((a) => a.arm === "assistant");
  const after = draft.summary.arms.find((a) => a.arm === "assistant");
  const metrics: MetricRow[] = METRICS.map(([metric, value, show, delta]) => {
    const a = before ? value(before) : null;
    const b = after ? value(after) : null;
    return { metric, published: show(a), draft: show(b), change: delta(a, b) };
  });
  const assistantRuns = (run: ComparedRun, id: string) =>
    run.conversations.filter((c) => c.arm === "assistant" && c.scenarioId === id);
  const ids = [
    ...new Set([...published.conversations, ...draft.conversations].map((c) => c.scenarioId)),
  ].sort();
  const shifts: ScenarioShift[] = [];
  const passes = (runs: readonly GradedConversation[]) => runs.filter((r) => r.passed).length;
  for (const id of ids) {
    const p = assistantRuns(published, id);
    const d = assistantRuns(draft, id);
    const before = cell(p, { recovery: true }) || "not run";
    const after = cell(d, { recovery: true }) || "not run";
    if (before === after) continue;
    const expected =
      (
        published.conversations.find((c) => c.scenarioId === id) ??
        draft.conversations.find((c) => c.scenarioId === id)
      )?.expected ?? "";
    shifts.push({
      scenarioId: id,
      expected,
      published: before,
      draft: after,
      direction: passes(d) > passes(p) ? "better" : passes(d) < passes(p) ? "worse" : "moved",
    });
  }
  return { packs, metrics, shifts, draftVerdict: draft.summary.verdict };
}

function show(v: unknown): string {
  if (v === undefined) return "(absent)";
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The comparison as plain-text tables (terminal) that are also valid Markdown (comparison.md). */
export function comparisonText(c: Comparison, published: string, draft: string): string {
  const parts: string[] = [`Policy comparison: ${published} (published) → ${draft} (draft)`];
  if (c.packs.length === 0) parts.push("No pack differs: the draft folder holds the published content.");
  else
    parts.push(
      table(
        ["pack", "field", "published", "draft"],
        c.packs.flatMap((p) =>
          p.change === "changed"
            ? p.fields.map((f) => [p.packId, f.path, show(f.before), show(f.after)])
            : [
                [
                  p.packId,
                  `(pack ${p.change})`,
                  p.beforeHash?.slice(0, 12) ?? "",
                  p.afterHash?.slice(0, 12) ?? "",
                ],
              ],
        ),
      ),
    );
  parts.push(
    table(
      ["assistant", "published", "draft", "change"],
      c.metrics.map((m) => [m.metric, m.published, m.draft, m.change]),
    ),
  );
  if (c.shifts.length === 0) parts.push("No scenario changed its result.");
  else
    parts.push(
      table(
        ["scenario", "expected", "published", "draft", ""],
        c.shifts.map((s) => [s.scenarioId, s.expected, s.published, s.draft, s.direction]),
      ),
    );
  parts.push(
    c.draftVerdict.ok
      ? "DRAFT: meets the thresholds (CI would accept it)"
      : ["DRAFT: FAILS the thresholds", ...c.draftVerdict.reasons.map((r) => `  - ${r}`)].join("\n"),
  );
  return parts.join("\n\n");
}
