// Policy versions: the database is the source of truth at run time (decision 0060). The files in
// policies/ only seed it: a file content never seen before is published at boot; everything else
// (drafts, approvals, publications, roll-backs) happens here through the policy studio.
import type { Prisma as P, PolicyVersionStatus } from "./generated/client.js";
import type { Prisma } from "./open.js";

/**
 * Seeds a pack's content read from policies/ at boot. A content never stored before is published
 * (the previous version archived), as editing a file and restarting always did; a content stored
 * before (in any status) changes nothing, so a restart never undoes a publication or a roll-back
 * made in the studio. A pack without any published version publishes its file content.
 */
export async function registerPackContent(
  prisma: Prisma,
  pack: { packId: string; hash: string; content: string },
): Promise<{ id: string; status: string; created: boolean }> {
  const existing = await prisma.policyVersion.findUnique({
    where: { packId_hash: { packId: pack.packId, hash: pack.hash } },
  });
  const published = await publishedVersion(prisma, pack.packId);
  if (existing && (published || existing.status === "published"))
    return { id: existing.id, status: existing.status, created: false };
  return prisma.$transaction(async (tx) => {
    await tx.policyVersion.updateMany({
      where: { packId: pack.packId, status: "published" },
      data: { status: "archived" },
    });
    const row = existing
      ? await tx.policyVersion.update({
          where: { id: existing.id },
          data: { status: "published", publishedAt: new Date() },
        })
      : await tx.policyVersion.create({
          data: { ...pack, status: "published", publishedAt: new Date(), note: "loaded from policies/" },
        });
    return { id: row.id, status: row.status, created: !existing };
  });
}

export function publishedVersion(prisma: Prisma, packId: string) {
  return prisma.policyVersion.findFirst({
    where: { packId, status: "published" },
    orderBy: { publishedAt: "desc" },
  });
}

/** The published version of every pack (one small query: the registry runs it for each new case). */
export function publishedVersionStamps(prisma: Prisma) {
  return prisma.policyVersion.findMany({
    where: { status: "published" },
    select: { id: true, packId: true },
    orderBy: { packId: "asc" },
  });
}

export function getPolicyVersion(prisma: Pick<Prisma, "policyVersion">, id: string) {
  return prisma.policyVersion.findUnique({ where: { id } });
}

export function findPolicyVersion(prisma: Prisma, packId: string, hash: string) {
  return prisma.policyVersion.findUnique({ where: { packId_hash: { packId, hash } } });
}

export function packIdsStored(prisma: Prisma) {
  return prisma.policyVersion
    .findMany({ distinct: ["packId"], select: { packId: true }, orderBy: { packId: "asc" } })
    .then((rows) => rows.map((r) => r.packId));
}

export function listPackVersions(prisma: Prisma, packId: string) {
  return prisma.policyVersion.findMany({
    where: { packId },
    orderBy: { createdAt: "desc" },
    include: { author: { select: { email: true } } },
  });
}

export function createDraftVersion(
  prisma: Prisma,
  draft: { packId: string; hash: string; content: string; authorId: string; basedOnId: string | null },
) {
  return prisma.policyVersion.create({ data: { ...draft, status: "draft" } });
}

export function setVersionStatus(prisma: Prisma, id: string, status: PolicyVersionStatus) {
  return prisma.policyVersion.update({ where: { id }, data: { status } });
}

/** Changes a version's status (and note) in one transaction with its audit row. */
export async function setVersionStatusAudited(
  prisma: Prisma,
  id: string,
  change: { status: PolicyVersionStatus; note?: string },
  audit: (tx: P.TransactionClient) => Promise<void>,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.policyVersion.update({ where: { id }, data: change });
    await audit(tx);
  });
}

/**
 * Publishes a version (a draft, an approved draft, or an archived version for a roll-back) and
 * archives the pack's current one, in one transaction with the caller's audit row.
 */
export async function publishVersion(
  prisma: Prisma,
  args: {
    id: string;
    packId: string;
    note?: string;
    approvedById?: string;
    now: Date;
    audit: (tx: P.TransactionClient) => Promise<void>;
  },
) {
  return prisma.$transaction(async (tx) => {
    await tx.policyVersion.updateMany({
      where: { packId: args.packId, status: "published" },
      data: { status: "archived" },
    });
    const row = await tx.policyVersion.update({
      where: { id: args.id },
      data: {
        status: "published",
        publishedAt: args.now,
        ...(args.note !== undefined ? { note: args.note } : {}),
        ...(args.approvedById ? { approvedById: args.approvedById, approvedAt: args.now } : {}),
      },
    });
    await args.audit(tx);
    return row;
  });
}
