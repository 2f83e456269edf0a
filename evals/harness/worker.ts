// Child process of the runner: runs one shard of the suite on its own service and database and
// writes the result as JSON to the file the parent named. Started by run.ts with fork().
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Arm } from "../baselines/router.js";
import { loadRedteamLines } from "../redteam/lines.js";
import { filterScenarios, loadScenarios } from "../scenario/load.js";
import { runShard } from "../suite.js";
import type { Provider } from "./service.js";

export interface WorkerTask {
  readonly out: string;
  readonly filter: string | null;
  /** false: red team only. */
  readonly scenarios: boolean;
  readonly arms: Arm[];
  readonly trials: number;
  readonly redteam: boolean;
  readonly provider: Provider;
  readonly debtor: "rules" | "llm";
  readonly concurrency: number;
  /** Policy packs to run instead of policies/ (null: policies/). */
  readonly policiesDir: string | null;
  readonly shard: { index: number; count: number };
}

const task = JSON.parse(process.env.EVAL_WORKER_TASK ?? "null") as WorkerTask | null;
if (!task) {
  console.error("evals/harness/worker.ts is started by evals/run.ts");
  process.exit(2);
}

const scenarios = task.scenarios
  ? filterScenarios(loadScenarios(resolve("evals/scenarios")), task.filter ?? undefined)
  : [];
const result = await runShard({
  scenarios,
  arms: task.arms,
  trials: task.trials,
  redteam: task.redteam ? loadRedteamLines() : [],
  provider: task.provider,
  debtor: task.debtor,
  concurrency: task.concurrency,
  shard: task.shard,
  ...(task.policiesDir ? { policiesDir: task.policiesDir } : {}),
});
writeFileSync(task.out, JSON.stringify(result));
// The schema engine leaves a timer behind: leave explicitly once the result is written.
process.exit(0);
