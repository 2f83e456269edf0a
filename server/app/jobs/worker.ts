// The in-process worker loop: every instance polls the job table and runs what it claims (see
// db/studio/jobs.ts for the row lock). Handlers are registered by kind and report progress.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.js";

export type Progress = (percent: number, stage: string) => Promise<void>;
export type JobHandler = (input: unknown, progress: Progress, job: { id: string }) => Promise<unknown>;

export interface JobWorker {
  /** Runs every job queued now, one after the other (tests, and the poll timer). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

class WorkerStopping extends Error {
  constructor() {
    super("the worker is stopping");
  }
}

/** A job whose heartbeat is older than this is considered abandoned and run again. */
export const STALE_AFTER_MS = 5 * 60_000;

export function startJobWorker(
  ctx: AppContext,
  handlers: Readonly<Record<string, JobHandler>>,
  options: { pollMs: number },
): JobWorker {
  const instance = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<number> | null = null;
  let stopped = false;

  const runOne = async (): Promise<boolean> => {
    const job = await ctx.stores.jobs.claim(instance, new Date(Date.now() - STALE_AFTER_MS));
    if (!job) return false;
    const handler = handlers[job.kind];
    const progress: Progress = async (percent, stage) => {
      // A stopping instance gives the job back at its next step instead of holding the shutdown.
      if (stopped) throw new WorkerStopping();
      await ctx.stores.jobs.reportProgress(job.id, instance, percent, stage);
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job.input, progress, { id: job.id });
      await ctx.stores.jobs.finish(job.id, instance, { ok: true, result });
    } catch (error) {
      if (error instanceof WorkerStopping) {
        await ctx.stores.jobs.requeue(job.id, instance);
        return false;
      }
      ctx.log.error({ err: error, jobId: job.id, kind: job.kind }, "background job failed");
      await ctx.stores.jobs.finish(job.id, instance, { ok: false, error: (error as Error).message });
    }
    return true;
  };

  const drain = () => {
    running ??= (async () => {
      let n = 0;
      try {
        while (!stopped && (await runOne())) n++;
      } finally {
        running = null;
      }
      return n;
    })();
    return running;
  };

  const timer =
    options.pollMs > 0
      ? setInterval(() => {
          drain().catch((error) => ctx.log.error({ err: error }, "job worker poll failed"));
        }, options.pollMs)
      : null;
  timer?.unref();

  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
