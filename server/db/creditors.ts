// Creditor settings storage: read one creditor, change its settings with an audit row.
import { appendAudit } from "./audit.js";
import type { Prisma } from "./open.js";

export function findCreditor(prisma: Prisma, id: string) {
  return prisma.creditor.findUnique({ where: { id } });
}

export function listCreditors(prisma: Prisma) {
  return prisma.creditor.findMany({ orderBy: { name: "asc" }, take: 500 });
}

export type CreditorRow = NonNullable<Awaited<ReturnType<typeof findCreditor>>>;

/** Applies the given columns (null clears one); the audit row names the fields, not their values. */
export async function updateCreditorSettings(
  prisma: Prisma,
  id: string,
  columns: Record<string, string | null>,
  actorId: string,
): Promise<CreditorRow | null> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.creditor.findUnique({ where: { id }, select: { id: true } });
    if (!found) return null;
    const row = await tx.creditor.update({ where: { id }, data: columns });
    await appendAudit(tx, {
      actorType: "user",
      actorId,
      action: "creditor.update",
      entity: "creditor",
      entityId: id,
      data: { fields: Object.keys(columns).sort() },
    });
    return row;
  });
}
