// Background jobs stored in the database (any instance's worker runs them) and periodic job slots.
import type { BackgroundJobRow } from "./rows.js";

export interface JobsStore {
  enqueue(job: {
    kind: string;
    input: Record<string, unknown>;
    policyVersionId?: string;
    createdById?: string;
  }): Promise<BackgroundJobRow>;
  get(id: string): Promise<BackgroundJobRow | null>;
  latestFor(policyVersionId: string, kind: string): Promise<BackgroundJobRow | null>;
  /** Claims the oldest queued (or stale running) job for `instance`, or null. */
  claim(instance: string, staleBefore: Date): Promise<BackgroundJobRow | null>;
  /** Progress and heartbeat; false when the job is no longer this instance's. */
  reportProgress(id: string, instance: string, progress: number, stage: string): Promise<boolean>;
  finish(
    id: string,
    instance: string,
    outcome: { ok: true; result: unknown } | { ok: false; error: string },
  ): Promise<void>;
  /** Gives a job back to the queue (its instance is shutting down). */
  requeue(id: string, instance: string): Promise<void>;
  /** True when this holder claimed `slot` of the periodic job `job` (once across instances). */
  claimSlot(job: string, slot: number, holder: string): Promise<boolean>;
}
