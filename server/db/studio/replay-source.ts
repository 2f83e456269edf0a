// The past conversations a simulation replays: those of cases governed by a pack (any version),
// with a debtor message since `since`, their debtor messages in order.
import { caseTurnInclude } from "../cases.js";
import type { Prisma } from "../open.js";

export async function conversationsToReplay(prisma: Prisma, packId: string, since: Date, limit: number) {
  return prisma.conversation.findMany({
    where: {
      case: { policyVersion: { packId } },
      verifiedAt: { not: null },
      messages: { some: { role: "debtor", createdAt: { gte: since } } },
    },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: {
      case: { include: caseTurnInclude },
      messages: {
        where: { role: "debtor" },
        orderBy: { seq: "asc" },
        select: { text: true, createdAt: true },
      },
    },
  });
}
