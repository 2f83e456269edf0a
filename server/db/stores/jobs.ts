// Background jobs and periodic job slots (app/ports/jobs.ts) on the database client.
import type { JobsStore } from "../../app/ports/jobs.js";
import { claimJobSlot } from "../jobs.js";
import type { Prisma } from "../open.js";
import {
  claimJob,
  enqueueJob,
  finishJob,
  getJob,
  latestJobFor,
  reportProgress,
  requeueJob,
} from "../studio/jobs.js";

export function jobsStore(db: Prisma): JobsStore {
  return {
    enqueue: (job) => enqueueJob(db, job),
    get: (id) => getJob(db, id),
    latestFor: (policyVersionId, kind) => latestJobFor(db, policyVersionId, kind),
    claim: (instance, staleBefore) => claimJob(db, instance, staleBefore),
    reportProgress: (id, instance, progress, stage) => reportProgress(db, id, instance, progress, stage),
    finish: (id, instance, outcome) => finishJob(db, id, instance, outcome),
    requeue: (id, instance) => requeueJob(db, id, instance),
    claimSlot: (job, slot, holder) => claimJobSlot(db, job, slot, holder),
  };
}
