// The audit log page for admins, with the chain check (db/audit.ts verifyAuditChain).
import { listAudit, verifyAuditChain } from "../audit.js";
import type { Prisma } from "../open.js";
import { likeLiteral } from "./case-search.js";

export async function auditPage(prisma: Prisma, page: number, pageSize: number, action?: string) {
  const where = action ? { action: { startsWith: likeLiteral(action) } } : {};
  const [items, total, brokenAt] = await Promise.all([
    action
      ? prisma.auditLog.findMany({
          where,
          orderBy: { id: "desc" },
          skip: (page - 1) * pageSize,
          take: pageSize,
        })
      : listAudit(prisma, page, pageSize).then((r) => r.items),
    prisma.auditLog.count({ where }),
    verifyAuditChain(prisma),
  ]);
  const actors = await prisma.user.findMany({
    where: {
      id: { in: [...new Set(items.map((i) => i.actorId).filter((id): id is string => id !== null))] },
    },
    select: { id: true, email: true },
  });
  return { items, total, brokenAt, actors: new Map(actors.map((a) => [a.id, a.email])) };
}
