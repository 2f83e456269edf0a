// npm run eval [-- --filter X --provider offline|openai --trials k --no-baselines --no-redteam]
// Runs the evaluation suite against the real service (HTTP + socket.io, policy engine, in-memory
// PGlite): every scenario for the assistant and the two baselines, and the red team. Prints a table
// per scenario and the totals, writes evals/reports/<timestamp>/report.{json,html}, and exits 1 on any
// policy violation or a pass rate below evals/thresholds.json (2 on a usage or scenario-file error).
// `--compare DIR` replays a draft folder of policy packs beside the published one (policies/).
import { fork } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadPacks, PolicyLoadError } from "../server/policy/index.js";
import { ARMS, type Arm } from "./baselines/router.js";
import { compareRuns, comparisonText } from "./compare/comparison.js";
import { diffPackFolders, type PackChange } from "./compare/pack-diff.js";
import type { GradedConversation } from "./grading/grade.js";
import type { WorkerTask } from "./harness/worker.js";
import type { RedteamResult, RedteamSetupFinding } from "./redteam/run.js";
import { renderHtml } from "./report/html.js";
import { type RunSummary, summarise, type Thresholds } from "./report/summary.js";
import { gainsTable, redteamTable, scenarioTable, totalsTable, verdictText } from "./report/table.js";
import { loadThresholds } from "./report/thresholds.js";
import { filterScenarios, loadScenarios, ScenarioLoadError } from "./scenario/load.js";
import type { ShardResult } from "./suite.js";

const USAGE = `npm run eval -- [options]
  --filter X          scenarios whose id, persona, pack, locale or tag contains X (comma = or)
  --provider P        offline (default) or openai (OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL)
  --debtor D          rules (default offline) or llm (default with --provider openai)
  --trials k          runs of each scenario (pass^k), default 1
  --baselines         run the rigid and naive baselines too (default; --no-baselines to skip)
  --no-redteam        skip the red-team lines; --redteam-only runs nothing else
  --workers n         processes (each with its own service and database), default 2
  --concurrency n     conversations at once per process, default 4
  --out DIR           report folder, default evals/reports/<timestamp>
  --policies DIR      run the policy packs of DIR instead of policies/
  --compare DIR       a draft folder of packs beside policies/: the assistant on both, in the same
                      run, with the totals side by side, the scenarios that changed and the fields
                      that differ; exit 1 when the draft fails the thresholds`;

function args() {
  const { values } = parseArgs({
    options: {
      filter: { type: "string" },
      provider: { type: "string", default: "offline" },
      debtor: { type: "string" },
      trials: { type: "string", default: "1" },
      baselines: { type: "boolean", default: true },
      "no-baselines": { type: "boolean", default: false },
      "no-redteam": { type: "boolean", default: false },
      "redteam-only": { type: "boolean", default: false },
      workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
      concurrency: { type: "string", default: "4" },
      out: { type: "string" },
      policies: { type: "string" },
      compare: { type: "string" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  return values;
}

type SuiteTask = Omit<WorkerTask, "out" | "shard">;

function runWorkers(task: SuiteTask, count: number): Promise<ShardResult[]> {
  const dir = join(tmpdir(), `amiable-eval-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const workerFile = resolve("evals/harness/worker.ts");
  const runs = Array.from({ length: count }, (_, index) => {
    const out = join(dir, `shard-${index}.json`);
    const full: WorkerTask = { ...task, out, shard: { index, count } };
    return new Promise<ShardResult>((resolvePromise, reject) => {
      const child = fork(workerFile, [], {
        env: { ...process.env, EVAL_WORKER_TASK: JSON.stringify(full) },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      child.on("error", reject);
      child.on("exit", (code) => {
        if (code !== 0) return reject(new Error(`eval worker ${index} exited with code ${code}`));
        try {
          resolvePromise(JSON.parse(readFileSync(out, "utf8")) as ShardResult);
        } catch (error) {
          reject(error);
        }
      });
    });
  });
  return Promise.all(runs).finally(() => rmSync(dir, { recursive: true, force: true }));
}

export function writeReport(
  summary: RunSummary,
  conversations: readonly GradedConversation[],
  redteam: readonly RedteamResult[],
  redteamSetup: readonly RedteamSetupFinding[],
  dir: string,
): void {
  mkdirSync(dir, { recursive: true });
  const json = { ...summary, conversations, redteam, redteamSetup };
  writeFileSync(join(dir, "report.json"), `${JSON.stringify(json, null, 1)}\n`);
  writeFileSync(join(dir, "report.html"), renderHtml(summary, conversations, redteam, redteamSetup));
}

async function main(): Promise<number> {
  let a: ReturnType<typeof args>;
  try {
    a = args();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (a.help) {
    console.log(USAGE);
    return 0;
  }
  const provider = a.provider;
  if (provider !== "offline" && provider !== "openai") {
    console.error(`--provider must be offline or openai, not ${provider}\n\n${USAGE}`);
    return 2;
  }
  const debtor = (a.debtor ?? (provider === "openai" ? "llm" : "rules")) as "rules" | "llm";
  const trials = Number(a.trials);
  const workers = Number(a.workers);
  const concurrency = Number(a.concurrency);
  if (
    ![trials, workers, concurrency].every((n) => Number.isInteger(n) && n >= 1) ||
    !["rules", "llm"].includes(debtor)
  ) {
    console.error(
      `--trials, --workers and --concurrency take positive integers; --debtor rules or llm\n\n${USAGE}`,
    );
    return 2;
  }
  let thresholds: Thresholds;
  let scenarioCount: number;
  try {
    thresholds = loadThresholds();
    scenarioCount = filterScenarios(loadScenarios(resolve("evals/scenarios")), a.filter).length;
  } catch (error) {
    console.error(
      error instanceof ScenarioLoadError ? error.message : `cannot start: ${(error as Error).message}`,
    );
    return 2;
  }
  if (
    (provider === "openai" || debtor === "llm") &&
    !process.env.OPENAI_API_KEY &&
    !process.env.OPENAI_BASE_URL
  ) {
    console.error(
      "--provider openai and --debtor llm need OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)",
    );
    return 2;
  }
  if (scenarioCount === 0 && !a["redteam-only"]) {
    console.error(`no scenario matches --filter ${a.filter}`);
    return 2;
  }
  const redteamOnly = a["redteam-only"];
  if (a.compare && (redteamOnly || a.policies === a.compare)) {
    console.error(`--compare runs scenarios against a different folder of packs\n\n${USAGE}`);
    return 2;
  }
  // A draft with a mistake is reported here, with every file, line and field, before any run.
  for (const dir of [a.policies, a.compare]) {
    if (dir === undefined) continue;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`${dir}: not a folder of policy packs`);
      return 2;
    }
    try {
      loadPacks(dir);
    } catch (error) {
      console.error(`${dir}: ${(error as Error).message}`);
      return 2;
    }
  }
  // A comparison of policies runs the assistant alone: the baselines do not negotiate.
  const arms: Arm[] = redteamOnly
    ? []
    : a.compare || a["no-baselines"] || !a.baselines
      ? ["assistant"]
      : [...ARMS];
  const startedAt = new Date();
  console.log(
    `amiable eval: ${redteamOnly ? 0 : scenarioCount} scenario(s) × ${arms.join(", ") || "no arm"} × ${trials} trial(s)` +
      `${a["no-redteam"] ? "" : " + red team"}, provider ${provider}, debtor ${debtor}, ${workers} worker(s)`,
  );
  const task: SuiteTask = {
    filter: a.filter ?? null,
    scenarios: !redteamOnly,
    arms,
    trials,
    redteam: !a["no-redteam"],
    provider,
    debtor,
    concurrency,
    policiesDir: a.policies ? resolve(a.policies) : null,
  };
  const out = resolve(a.out ?? join("evals/reports", startedAt.toISOString().replace(/[:.]/g, "-")));
  try {
    if (a.compare) return await compare(task, workers, resolve(a.compare), thresholds, out);
    const run = await runSuite(task, workers, thresholds);
    writeReport(run.summary, run.conversations, run.redteam, run.redteamSetup, out);
    printRun(run, arms);
    console.log(
      `\n${verdictText(run.summary)}\nreport: ${join(out, "report.html")} (${(run.summary.meta.durationMs / 1000).toFixed(1)} s)`,
    );
    return run.summary.verdict.ok ? 0 : 1;
  } catch (error) {
    console.error(
      error instanceof PolicyLoadError
        ? error.message
        : `the evaluation could not run: ${(error as Error).message}`,
    );
    return 2;
  }
}

interface SuiteRun {
  readonly summary: RunSummary;
  readonly conversations: GradedConversation[];
  readonly redteam: RedteamResult[];
  readonly redteamSetup: RedteamSetupFinding[];
}

async function runSuite(task: SuiteTask, workers: number, thresholds: Thresholds): Promise<SuiteRun> {
  const startedAt = new Date();
  const shards = await runWorkers(task, workers);
  const conversations = shards.flatMap((s) => s.conversations);
  const redteam = shards.flatMap((s) => s.redteam);
  const redteamSetup = shards.flatMap((s) => s.redteamSetup);
  const meta = {
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    provider: task.provider,
    model: shards[0]?.model ?? null,
    debtor: task.debtor,
    trials: task.trials,
    filter: task.filter,
    workers,
    node: process.version,
    policiesDir: task.policiesDir,
  };
  const summary = summarise(meta, conversations, task.redteam ? redteam : null, thresholds, redteamSetup);
  return { summary, conversations, redteam, redteamSetup };
}

function printRun(run: SuiteRun, arms: readonly Arm[]): void {
  if (run.conversations.length > 0)
    console.log(`\n${scenarioTable(run.conversations, arms)}\n\n${totalsTable(run.summary)}`);
  const g = gainsTable(run.summary);
  if (g) console.log(`\n${g}`);
  const rt = redteamTable(run.summary);
  if (rt) console.log(`\n${rt}`);
}

/**
 * The published packs and the draft on the same scenarios: the assistant alone (the baselines do
 * not depend on how the assistant negotiates), the red team on the draft only (the published packs
 * already pass it in CI). Exit 1 when the draft would fail the thresholds, 2 when it does not load.
 */
async function compare(
  task: SuiteTask,
  workers: number,
  draftDir: string,
  thresholds: Thresholds,
  out: string,
): Promise<number> {
  const publishedDir = task.policiesDir ?? resolve("policies");
  const packs: PackChange[] = diffPackFolders(publishedDir, draftDir);
  const published = await runSuite(
    { ...task, redteam: false, policiesDir: publishedDir },
    workers,
    thresholds,
  );
  const draftRun = await runSuite({ ...task, policiesDir: draftDir }, workers, thresholds);
  const comparison = compareRuns(published, draftRun, packs);
  const text = comparisonText(comparison, publishedDir, draftDir);
  writeReport(published.summary, published.conversations, [], [], join(out, "published"));
  writeReport(
    draftRun.summary,
    draftRun.conversations,
    draftRun.redteam,
    draftRun.redteamSetup,
    join(out, "draft"),
  );
  writeFileSync(join(out, "comparison.json"), `${JSON.stringify(comparison, null, 1)}\n`);
  writeFileSync(join(out, "comparison.md"), `${text}\n`);
  const rt = redteamTable(draftRun.summary);
  console.log(`\n${text}${rt ? `\n\n${rt}` : ""}`);
  console.log(`\nreports: ${join(out, "published", "report.html")}, ${join(out, "draft", "report.html")}`);
  return comparison.draftVerdict.ok ? 0 : 1;
}

process.exit(await main());
