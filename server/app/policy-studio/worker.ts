// The background worker for the policy studio's jobs (one per instance; the row lock makes sure
// each job runs once).
import type { AppContext } from "../context.js";
import { type JobWorker, startJobWorker } from "../jobs/worker.js";
import { runSimulation, SIMULATION_JOB } from "./simulation.js";

export function startStudioWorker(ctx: AppContext, pollMs: number): JobWorker {
  return startJobWorker(
    ctx,
    { [SIMULATION_JOB]: (input, progress) => runSimulation(ctx, input, progress) },
    { pollMs },
  );
}
