// Background jobs: one claim per job even when instances race for it, progress on the row, a job
// whose instance died is claimed again, a stopping instance gives its job back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { claimJob, enqueueJob, finishJob, getJob, reportProgress, requeueJob } from "./jobs.js";

describe.each(TEST_TARGETS)("background jobs on %s", (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
  });
  const longAgo = () => new Date(Date.now() - 60 * 60_000);

  it("gives a queued job to exactly one of several racing instances", async () => {
    const job = await enqueueJob(db.prisma, { kind: "test", input: { n: 1 } });
    const claims = await Promise.all(
      ["a", "b", "c", "d"].map((instance) => claimJob(db.prisma, instance, longAgo())),
    );
    const winners = claims.filter((c) => c?.id === job.id);
    expect(winners).toHaveLength(1);
    const owner = winners[0]?.lockedBy as string;
    expect(await reportProgress(db.prisma, job.id, "someone-else", 50, "x")).toBe(false);
    expect(await reportProgress(db.prisma, job.id, owner, 50, "half way")).toBe(true);
    expect(await getJob(db.prisma, job.id)).toMatchObject({
      status: "running",
      progress: 50,
      stage: "half way",
    });
    await finishJob(db.prisma, job.id, owner, { ok: true, result: { done: true } });
    expect(await getJob(db.prisma, job.id)).toMatchObject({
      status: "succeeded",
      progress: 100,
      result: { done: true },
    });
    expect(await claimJob(db.prisma, "e", longAgo())).toBeNull();
  });

  it("claims again a job whose heartbeat stopped, and one given back by a stopping instance", async () => {
    const job = await enqueueJob(db.prisma, { kind: "test", input: {} });
    expect((await claimJob(db.prisma, "dead", longAgo()))?.id).toBe(job.id);
    // Fresh heartbeat: nobody else takes it.
    expect(await claimJob(db.prisma, "other", longAgo())).toBeNull();
    // The heartbeat is now older than the stale limit: another instance takes over.
    const taken = await claimJob(db.prisma, "other", new Date(Date.now() + 60_000));
    expect(taken).toMatchObject({ id: job.id, lockedBy: "other" });
    await requeueJob(db.prisma, job.id, "other");
    expect(await getJob(db.prisma, job.id)).toMatchObject({ status: "queued", lockedBy: null });
    expect((await claimJob(db.prisma, "third", longAgo()))?.lockedBy).toBe("third");
  });
});
