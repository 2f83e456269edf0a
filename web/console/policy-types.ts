// Policy studio response shapes, from the server's own use cases (types only).

import type { SimulationResult } from "../../server/app/policy-studio/simulation.js";
import type {
  draftDetail,
  jobStatus,
  listPolicies,
  policyDetail,
} from "../../server/app/policy-studio/studio.js";

type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type PolicyList = Json<Awaited<ReturnType<typeof listPolicies>>>;
export type PolicyDetail = Json<Awaited<ReturnType<typeof policyDetail>>>;
export type DraftDetail = Json<Awaited<ReturnType<typeof draftDetail>>>;
export type JobView = Omit<Json<Awaited<ReturnType<typeof jobStatus>>>, "result"> & {
  result: SimulationResult | null;
};
export type { SimulationResult };

/** A pack's content as JSON, read and written by path. */
export type PackJson = Record<string, unknown>;
