// Periodic jobs across instances: one row per job holds the last interval ("slot") claimed and by
// whom. Claiming is a single conditional upsert, so when several instances tick in the same
// interval exactly one gets the row back and runs the job; the others skip it.
import type { Prisma } from "./open.js";

/** True when this holder claimed `slot` of `job` (no instance claimed it or a later one before). */
export async function claimJobSlot(
  prisma: Prisma,
  job: string,
  slot: number,
  holder: string,
): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<{ job: string }[]>(
    `INSERT INTO "JobLease" ("job", "slot", "holder", "claimedAt") VALUES ($1, $2, $3, now())
     ON CONFLICT ("job") DO UPDATE SET "slot" = EXCLUDED."slot", "holder" = EXCLUDED."holder", "claimedAt" = now()
     WHERE "JobLease"."slot" < EXCLUDED."slot"
     RETURNING "job"`,
    job,
    BigInt(slot),
    holder,
  );
  return rows.length === 1;
}
