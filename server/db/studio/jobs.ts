// Background jobs stored in the database. Any instance's worker claims the oldest queued job with
// a row lock (FOR UPDATE SKIP LOCKED), so exactly one instance runs it; it writes its progress to
// the row, which is what a reloaded page or another instance reads. A running job whose heartbeat
// stopped (its instance died) is queued again.
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";

export function enqueueJob(
  prisma: Prisma,
  job: { kind: string; input: Record<string, unknown>; policyVersionId?: string; createdById?: string },
) {
  return prisma.backgroundJob.create({
    data: {
      kind: job.kind,
      input: job.input as P.InputJsonValue,
      ...(job.policyVersionId ? { policyVersionId: job.policyVersionId } : {}),
      ...(job.createdById ? { createdById: job.createdById } : {}),
    },
  });
}

export function getJob(prisma: Prisma, id: string) {
  return prisma.backgroundJob.findUnique({ where: { id } });
}

export function latestJobFor(prisma: Prisma, policyVersionId: string, kind: string) {
  return prisma.backgroundJob.findFirst({
    where: { policyVersionId, kind },
    orderBy: { createdAt: "desc" },
  });
}

/** Claims the oldest queued job for `instance`, or null. One transaction, one row lock. */
export async function claimJob(prisma: Prisma, instance: string, staleBefore: Date) {
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "BackgroundJob" SET status = 'running', "lockedBy" = $1, "lockedAt" = now(),
       "startedAt" = COALESCE("startedAt", now())
     WHERE id = (
       SELECT id FROM "BackgroundJob"
       WHERE status = 'queued' OR (status = 'running' AND "lockedAt" < $2)
       ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    instance,
    staleBefore,
  );
  const id = rows[0]?.id;
  return id ? getJob(prisma, id) : null;
}

/** Progress and heartbeat; false when the job is no longer this instance's (taken over). */
export async function reportProgress(
  prisma: Prisma,
  id: string,
  instance: string,
  progress: number,
  stage: string,
): Promise<boolean> {
  const { count } = await prisma.backgroundJob.updateMany({
    where: { id, lockedBy: instance, status: "running" },
    data: { progress: Math.max(0, Math.min(100, Math.round(progress))), stage, lockedAt: new Date() },
  });
  return count === 1;
}

export async function finishJob(
  prisma: Prisma,
  id: string,
  instance: string,
  outcome: { ok: true; result: unknown } | { ok: false; error: string },
): Promise<void> {
  await prisma.backgroundJob.updateMany({
    where: { id, lockedBy: instance },
    data: outcome.ok
      ? {
          status: "succeeded",
          progress: 100,
          stage: "done",
          result: outcome.result as P.InputJsonValue,
          finishedAt: new Date(),
        }
      : { status: "failed", error: outcome.error.slice(0, 2000), finishedAt: new Date() },
  });
}

/** Gives a job back to the queue (its instance is shutting down): another instance runs it. */
export async function requeueJob(prisma: Prisma, id: string, instance: string): Promise<void> {
  await prisma.backgroundJob.updateMany({
    where: { id, lockedBy: instance, status: "running" },
    data: { status: "queued", lockedBy: null, lockedAt: null, stage: "waiting for a worker" },
  });
}
