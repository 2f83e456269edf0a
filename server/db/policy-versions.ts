import type { Prisma } from "./open.js";

/**
 * Registers the content a server boots with as its pack's published version; the previous one is
 * archived. A content seen before keeps its row (cases pinned to it keep their id): going back to
 * an earlier file publishes that row again.
 */
export async function registerPackContent(
  prisma: Prisma,
  pack: { packId: string; hash: string; content: string },
): Promise<{ id: string; status: string; created: boolean }> {
  const existing = await prisma.policyVersion.findUnique({
    where: { packId_hash: { packId: pack.packId, hash: pack.hash } },
  });
  if (existing?.status === "published") return { id: existing.id, status: existing.status, created: false };
  if (existing)
    return prisma.$transaction(async (tx) => {
      await tx.policyVersion.updateMany({
        where: { packId: pack.packId, status: "published" },
        data: { status: "archived" },
      });
      const row = await tx.policyVersion.update({
        where: { id: existing.id },
        data: { status: "published", publishedAt: new Date() },
      });
      return { id: row.id, status: row.status, created: false };
    });
  return prisma.$transaction(async (tx) => {
    await tx.policyVersion.updateMany({
      where: { packId: pack.packId, status: "published" },
      data: { status: "archived" },
    });
    const row = await tx.policyVersion.create({
      data: { ...pack, status: "published", publishedAt: new Date(), note: "loaded from policies/" },
    });
    return { id: row.id, status: row.status, created: true };
  });
}

export function publishedVersion(prisma: Prisma, packId: string) {
  return prisma.policyVersion.findFirst({
    where: { packId, status: "published" },
    orderBy: { publishedAt: "desc" },
  });
}

export function getPolicyVersion(prisma: Prisma, id: string) {
  return prisma.policyVersion.findUnique({ where: { id } });
}
