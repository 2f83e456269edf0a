import type { Prisma } from "./open.js";

/**
 * Registers a pack's content. A content hash never seen for this pack becomes the published
 * version (the previous one is archived); a known hash keeps its row and status.
 */
export async function registerPackContent(
  prisma: Prisma,
  pack: { packId: string; hash: string; content: string },
): Promise<{ id: string; status: string; created: boolean }> {
  const existing = await prisma.policyVersion.findUnique({
    where: { packId_hash: { packId: pack.packId, hash: pack.hash } },
  });
  if (existing) return { id: existing.id, status: existing.status, created: false };
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
