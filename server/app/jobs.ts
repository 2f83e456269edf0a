// Periodic jobs that must run once across every instance sharing the database (the promise review,
// later reminders). Each instance ticks every `intervalMs`; a tick first claims the current interval
// (slot = wall-clock time / interval) in the database, and only the instance that claimed it runs
// the job. Instances started at different moments therefore still run the job about once per
// interval in all, never twice for one interval.
import { randomUUID } from "node:crypto";
import type { AppContext } from "./context.js";

export interface PeriodicJob {
  /** Claims the current interval and runs the job if this instance got it; true when it ran. */
  tick(): Promise<boolean>;
  stop(): Promise<void>;
}

/** This process's name in the lease table (which instance ran what, for operators). */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

export function startPeriodicJob(
  ctx: AppContext,
  options: {
    readonly name: string;
    readonly intervalMs: number;
    readonly run: () => Promise<unknown>;
    /** Wall-clock time for slots (tests pass their own); scheduling is real time, not ctx.clock. */
    readonly now?: () => number;
    readonly holder?: string;
    /** Without a timer: the caller ticks (tests). */
    readonly manual?: boolean;
  },
): PeriodicJob {
  const now = options.now ?? Date.now;
  const holder = options.holder ?? INSTANCE_ID;
  let running: Promise<boolean> = Promise.resolve(false);
  let stopped = false;
  const once = async (): Promise<boolean> => {
    if (stopped) return false;
    const slot = Math.floor(now() / options.intervalMs);
    if (!(await ctx.stores.jobs.claimSlot(options.name, slot, holder))) return false;
    await options.run();
    return true;
  };
  const tick = () => {
    // One run at a time on this instance; an error is logged, never thrown into the timer.
    running = running.then(once).catch((error: unknown) => {
      ctx.log.error({ err: error, job: options.name }, "periodic job failed");
      return false;
    });
    return running;
  };
  const timer = options.manual ? null : setInterval(() => void tick(), options.intervalMs);
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
