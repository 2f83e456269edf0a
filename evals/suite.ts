// Runs (a shard of) the suite in this process: one service, every scenario conversation for every
// arm and trial, then the red-team lines, a few conversations at a time. The CLI (run.ts) splits the
// work over child processes to use both cores; the vitest gate calls this directly.
import type { Arm } from "./baselines/router.js";
import { type GradedConversation, gradeConversation } from "./grading/grade.js";
import { readSnapshot } from "./grading/snapshot.js";
import { type ConversationRun, type DebtorFactory, driveScenario, ruleDebtors } from "./harness/drive.js";
import { type EvalService, type Provider, startEvalService } from "./harness/service.js";
import type { RedteamLine } from "./redteam/lines.js";
import { type RedteamResult, type RedteamSetupFinding, runRedteam } from "./redteam/run.js";
import { outcomesOf, type Scenario } from "./scenario/schema.js";
import { LlmDebtor, openAiDebtorModel } from "./simulator/llm.js";
import { RuleDebtor } from "./simulator/rules.js";

export interface ShardOptions {
  readonly scenarios: readonly Scenario[];
  readonly arms: readonly Arm[];
  readonly trials: number;
  readonly redteam: readonly RedteamLine[];
  readonly provider: Provider;
  /** Conversations run at once in this process. */
  readonly concurrency: number;
  /** This process takes the jobs whose index modulo `count` is `index`. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Simulated debtor: rules, or an LLM voicing the rules (needs a model). */
  readonly debtor?: "rules" | "llm";
  /** Policy packs to run instead of policies/ (a draft under evaluation). */
  readonly policiesDir?: string;
}

export interface ShardResult {
  readonly conversations: GradedConversation[];
  readonly redteam: RedteamResult[];
  readonly redteamSetup: RedteamSetupFinding[];
  readonly startupMs: number;
  readonly runMs: number;
  readonly model: string | null;
}

export interface Job {
  readonly scenario: Scenario;
  readonly arm: Arm;
  readonly trial: number;
}

export function jobsOf(scenarios: readonly Scenario[], arms: readonly Arm[], trials: number): Job[] {
  const jobs: Job[] = [];
  for (let trial = 1; trial <= trials; trial++)
    for (const scenario of scenarios) for (const arm of arms) jobs.push({ scenario, arm, trial });
  return jobs;
}

export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

function debtorFactory(kind: "rules" | "llm"): DebtorFactory {
  if (kind === "rules") return ruleDebtors;
  const apiKey = process.env.OPENAI_API_KEY ?? (process.env.OPENAI_BASE_URL ? "not-needed" : undefined);
  if (!apiKey) throw new Error("the LLM debtor needs OPENAI_API_KEY (or OPENAI_BASE_URL)");
  const model = openAiDebtorModel({
    apiKey,
    baseUrl: process.env.OPENAI_BASE_URL,
    model: process.env.EVAL_DEBTOR_MODEL ?? process.env.OPENAI_MODEL ?? "gpt-4o-mini",
  });
  return (scenario, facts) => new LlmDebtor(new RuleDebtor(scenario.debtor, facts), model);
}

/** A conversation that could not be graded (no case, or its state could not be read back). */
function broken(job: Job, run: ConversationRun, why: string): GradedConversation {
  return {
    ...run,
    title: job.scenario.title,
    persona: job.scenario.persona ?? null,
    pack: job.scenario.pack,
    locale: job.scenario.case.debtor.locale,
    tags: job.scenario.tags,
    passed: false,
    failures: [why],
    violations: [],
    outcome: "none",
    expected: outcomesOf(job.scenario.expect).join("|"),
    expectedOutcomes: outcomesOf(job.scenario.expect),
    expectedEscalations: job.scenario.expect.escalation ? [...job.scenario.expect.escalation.kinds] : null,
    metrics: {
      amountDue: 0,
      currency: job.scenario.case.currency,
      promiseTotal: null,
      promiseKind: null,
      discountBps: null,
      turns: run.moves.length,
      turnsToAgreement: null,
      escalations: [],
      offers: 0,
      guardInterventions: 0,
      llm: { inputTokens: 0, outputTokens: 0, fallbacks: 0 },
    },
    transcript: [],
    finalStatus: "unknown",
  };
}

async function gradeJob(
  service: EvalService,
  job: Job,
  makeDebtor: DebtorFactory,
): Promise<GradedConversation> {
  const run = await driveScenario(service, job.scenario, job.arm, job.trial, makeDebtor);
  if (!run.caseId)
    return broken(job, run, `the case could not be created: ${run.harnessError ?? "unknown error"}`);
  try {
    const snapshot = await readSnapshot(service, run.caseId);
    return gradeConversation(job.scenario, snapshot, run);
  } catch (error) {
    return broken(job, run, `the final state could not be read: ${(error as Error).message}`);
  }
}

export async function runShard(options: ShardOptions, service?: EvalService): Promise<ShardResult> {
  const makeDebtor = debtorFactory(options.debtor ?? "rules");
  const started = Date.now();
  const own =
    service ??
    (await startEvalService({
      provider: options.provider,
      ...(options.policiesDir ? { policiesDir: options.policiesDir } : {}),
    }));
  const startupMs = Date.now() - started;
  const shard = options.shard ?? { index: 0, count: 1 };
  const mine = <T>(items: readonly T[]) => items.filter((_, i) => i % shard.count === shard.index);
  try {
    const conversations: GradedConversation[] = [];
    const jobs = mine(jobsOf(options.scenarios, options.arms, options.trials));
    await pool(jobs, options.concurrency, async (job) => {
      conversations.push(await gradeJob(own, job, makeDebtor));
    });
    const redteam = await runRedteam(own, mine(options.redteam), options.concurrency);
    return {
      conversations,
      redteam: redteam.lines,
      redteamSetup: redteam.setup,
      startupMs,
      runMs: Date.now() - started - startupMs,
      model: own.model,
    };
  } finally {
    if (!service) await own.close();
  }
}
