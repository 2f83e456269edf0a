// The simulation job's kind and input, apart from its runner (simulation.ts): the studio queues
// jobs with these at boot, while the runner pulls in the whole evaluation harness (LLM layer,
// socket.io client, scenarios), which is loaded only when a job runs (decision 0106).
import { z } from "zod";

export const SIMULATION_JOB = "policy.simulation";

export const simulationInputSchema = z
  .object({
    draftId: z.uuid(),
    /** Run the pack's evaluation scenarios (default true); a filter narrows them as --filter does. */
    suite: z.boolean().default(true),
    filter: z.string().max(200).optional(),
    /** Past conversations with a debtor message in the last `days` days (default: a month). */
    days: z.number().int().min(1).max(366).default(31),
    maxConversations: z.number().int().min(1).max(2000).default(500),
  })
  .strict();

export type SimulationInput = z.infer<typeof simulationInputSchema>;
