// The past conversations a simulation replays: those of cases governed by a pack (any version),
// with a debtor message since `since`, their debtor messages in order.
import type { Prisma } from "../open.js";

/** What the replay derives case facts from (the chat's case bundle reads the same relations). */
const replayCaseInclude = {
  creditor: true,
  debtor: true,
  invoices: { orderBy: { dueAt: "asc" } },
  offers: { orderBy: { createdAt: "asc" } },
  payments: { orderBy: { paidAt: "asc" } },
} as const;

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
      case: { include: replayCaseInclude },
      messages: {
        where: { role: "debtor" },
        orderBy: { seq: "asc" },
        select: { text: true, createdAt: true },
      },
    },
  });
}
