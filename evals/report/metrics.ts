// Totals per arm over the graded conversations: pass rate and pass^k, policy violations, agreement
// rate and recovery ratio on the scenarios where a promise is possible, mean discount granted,
// escalation precision and recall, turns to agreement, guard interventions, and in LLM mode tokens
// and cost. The gain of the assistant over a baseline is the ratio of their figures on the same runs.
import type { Arm } from "../baselines/router.js";
import type { GradedConversation } from "../grading/grade.js";
import { costUsd } from "./cost.js";

export interface ArmTotals {
  readonly arm: Arm;
  readonly conversations: number;
  readonly scenarios: number;
  readonly trials: number;
  readonly passed: number;
  /** Conversations passed over conversations run (pass^1). */
  readonly passRate: number;
  /** tau-bench's pass^k with k = trials: the chance that all k trials of a scenario pass. */
  readonly passHatK: number;
  readonly policyViolations: number;
  readonly conversationsWithViolations: number;
  /** Conversations ending with a promise, over those whose scenario allows one. */
  readonly agreementRate: number;
  /** Promised totals over amounts due, on the scenarios that allow a promise. */
  readonly recoveryRatio: number;
  /** Mean discount of the promises, in bps of the amount due. */
  readonly meanDiscountBps: number;
  readonly escalationPrecision: number | null;
  readonly escalationRecall: number | null;
  readonly meanTurnsToAgreement: number | null;
  readonly meanTurns: number;
  readonly guardInterventions: number;
  readonly harnessErrors: number;
  readonly tokens: {
    readonly input: number;
    readonly output: number;
    readonly simulatorInput: number;
    readonly simulatorOutput: number;
  };
  readonly costUsd: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** pass^k over scenarios: mean of C(c, k) / C(n, k), c passes out of n trials. */
export function passHatK(runs: readonly GradedConversation[], k: number): number {
  const byScenario = new Map<string, { n: number; c: number }>();
  for (const r of runs) {
    const e = byScenario.get(r.scenarioId) ?? { n: 0, c: 0 };
    e.n++;
    if (r.passed) e.c++;
    byScenario.set(r.scenarioId, e);
  }
  const values = [...byScenario.values()].map(({ n, c }) =>
    ratio(binomial(c, Math.min(k, n)), binomial(n, Math.min(k, n))),
  );
  return mean(values) ?? 0;
}

export function expectsPromise(r: GradedConversation): boolean {
  return r.expectedOutcomes.includes("promise");
}

export function armTotals(arm: Arm, all: readonly GradedConversation[], model: string | null): ArmTotals {
  const runs = all.filter((r) => r.arm === arm);
  const trials = Math.max(1, ...runs.map((r) => r.trial));
  const negotiable = runs.filter(expectsPromise);
  const promised = negotiable.filter((r) => r.metrics.promiseTotal !== null);
  const withPromise = runs.filter((r) => r.metrics.promiseTotal !== null);
  const escalated = runs.filter((r) => r.metrics.escalations.length > 0);
  const mustEscalate = runs.filter((r) => r.expectedOutcomes.every((o) => o === "escalation"));
  const rightKind = (r: GradedConversation) => {
    const kinds = r.expectedEscalations;
    return (
      kinds !== null &&
      r.metrics.escalations.length > 0 &&
      r.metrics.escalations.every((k) => kinds.includes(k))
    );
  };
  const input = runs.reduce((s, r) => s + r.metrics.llm.inputTokens, 0);
  const output = runs.reduce((s, r) => s + r.metrics.llm.outputTokens, 0);
  const simulatorInput = runs.reduce((s, r) => s + r.simulatorUsage.inputTokens, 0);
  const simulatorOutput = runs.reduce((s, r) => s + r.simulatorUsage.outputTokens, 0);
  return {
    arm,
    conversations: runs.length,
    scenarios: new Set(runs.map((r) => r.scenarioId)).size,
    trials,
    passed: runs.filter((r) => r.passed).length,
    passRate: ratio(runs.filter((r) => r.passed).length, runs.length),
    passHatK: passHatK(runs, trials),
    policyViolations: runs.reduce((s, r) => s + r.violations.length, 0),
    conversationsWithViolations: runs.filter((r) => r.violations.length > 0).length,
    agreementRate: ratio(promised.length, negotiable.length),
    recoveryRatio: ratio(
      promised.reduce((s, r) => s + (r.metrics.promiseTotal ?? 0), 0),
      negotiable.reduce((s, r) => s + r.metrics.amountDue, 0),
    ),
    meanDiscountBps: mean(withPromise.map((r) => r.metrics.discountBps ?? 0)) ?? 0,
    escalationPrecision:
      escalated.length === 0 ? null : ratio(escalated.filter(rightKind).length, escalated.length),
    escalationRecall:
      mustEscalate.length === 0 ? null : ratio(mustEscalate.filter(rightKind).length, mustEscalate.length),
    meanTurnsToAgreement: mean(withPromise.map((r) => r.metrics.turnsToAgreement ?? r.metrics.turns)),
    meanTurns: mean(runs.map((r) => r.metrics.turns)) ?? 0,
    guardInterventions: runs.reduce((s, r) => s + r.metrics.guardInterventions, 0),
    harnessErrors: runs.filter((r) => r.harnessError).length,
    tokens: { input, output, simulatorInput, simulatorOutput },
    costUsd:
      input + output + simulatorInput + simulatorOutput === 0
        ? 0
        : costUsd(model, input + simulatorInput, output + simulatorOutput),
  };
}

export interface Gains {
  readonly baseline: Arm;
  /** assistant / baseline, for each figure (null when the baseline's figure is 0). */
  readonly passRate: number | null;
  readonly agreementRate: number | null;
  readonly recoveryRatio: number | null;
  readonly meanDiscountBps: number | null;
}

export function gains(assistant: ArmTotals, baseline: ArmTotals): Gains {
  const g = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    baseline: baseline.arm,
    passRate: g(assistant.passRate, baseline.passRate),
    agreementRate: g(assistant.agreementRate, baseline.agreementRate),
    recoveryRatio: g(assistant.recoveryRatio, baseline.recoveryRatio),
    meanDiscountBps: g(assistant.meanDiscountBps, baseline.meanDiscountBps),
  };
}
