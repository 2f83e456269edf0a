import { describe, expect, it } from "vitest";
import type { GradedConversation } from "../grading/grade.js";
import { discountRatio, discountRatioLine } from "./discount-ratio.js";
import { armTotals } from "./metrics.js";
import { summarise } from "./summary.js";
import { gainsTable } from "./table.js";

/** A conversation of `arm` that ended with a promise granting `discountBps` off 1,000.00. */
function promised(arm: "assistant" | "naive", id: string, discountBps: number): GradedConversation {
  const due = 100000;
  const total = due - (due * discountBps) / 10_000;
  return {
    scenarioId: id,
    arm,
    trial: 1,
    reference: "R",
    caseId: "c",
    moves: [],
    durationMs: 1,
    simulatorUsage: { inputTokens: 0, outputTokens: 0 },
    title: id,
    persona: "haggler",
    pack: "uk-consumer",
    locale: "en",
    tags: ["reservation"],
    passed: true,
    failures: [],
    violations: [],
    outcome: "promise",
    expected: "promise",
    expectedOutcomes: ["promise"],
    expectedEscalations: null,
    metrics: {
      amountDue: due,
      currency: "GBP",
      promiseTotal: total,
      promiseKind: discountBps > 0 ? "settlement" : "full",
      discountBps,
      turns: 4,
      turnsToAgreement: 4,
      escalations: [],
      offers: 2,
      guardInterventions: 0,
      llm: { inputTokens: 0, outputTokens: 0, fallbacks: 0 },
    },
    transcript: [],
    finalStatus: "promised",
  };
}

const meta = {
  startedAt: "now",
  durationMs: 1,
  provider: "offline",
  model: null,
  debtor: "rules",
  trials: 1,
  filter: null,
  workers: 1,
  node: "v24",
};
const thresholds = {
  passRate: 0.5,
  maxPolicyViolations: 0,
  redteamPassRate: 1,
  maxDiscountRatioVsNaive: 0.5,
};

describe("mean discount, assistant over naive", () => {
  const runs = (assistant: number[], naive: number[]) => [
    ...assistant.map((d, i) => promised("assistant", `s${i}`, d)),
    ...naive.map((d, i) => promised("naive", `s${i}`, d)),
  ];

  it("is the ratio of the two arms' mean discounts, printed with both agreement rates", () => {
    const all = runs([0, 400, 200], [1000, 1000, 400]);
    const r = discountRatio([armTotals("assistant", all, null), armTotals("naive", all, null)]);
    expect(r?.ratio).toBeCloseTo(600 / 2400, 6);
    expect(discountRatioLine(r ?? never(), 0.5)).toBe(
      "mean discount, assistant / naive: 0.25 (goal ≤ 0.50): 2.00 % vs 8.00 %, at agreement rates of 100.0 % vs 100.0 %",
    );
    expect(gainsTable(summarise(meta, all, null, thresholds))).toContain("assistant / naive: 0.25");
  });

  it("fails a whole run above the committed ratio, not a filtered one", () => {
    const all = runs([500, 500], [600, 600]);
    const whole = summarise(meta, all, null, thresholds);
    expect(whole.verdict.ok).toBe(false);
    expect(whole.verdict.reasons.join(" ")).toMatch(/0\.83 × the naive baseline's, above 0\.50/);
    expect(summarise({ ...meta, filter: "haggler" }, all, null, thresholds).verdict.ok).toBe(true);
    expect(summarise(meta, runs([200, 200], [600, 600]), null, thresholds).verdict.ok).toBe(true);
  });
});

function never(): never {
  throw new Error("no ratio");
}
