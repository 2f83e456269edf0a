// The background worker for the policy studio's jobs (one per instance; the row lock makes sure
// each job runs once).
import type { AppContext } from "../context.js";
import { type JobWorker, startJobWorker } from "../jobs/worker.js";
import { SIMULATION_JOB } from "./simulation-input.js";

export function startStudioWorker(ctx: AppContext, pollMs: number): JobWorker {
  return startJobWorker(
    ctx,
    {
      // The runner brings the evaluation harness (the LLM layer, a socket.io client, the
      // scenarios: about 600 modules); an idle service never needs it (decision 0106).
      [SIMULATION_JOB]: async (input, progress) => {
        const { runSimulation } = await import("./simulation.js");
        return runSimulation(ctx, input, progress);
      },
    },
    { pollMs },
  );
}
