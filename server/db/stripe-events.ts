// Stripe events already handled, by event id: the webhook's idempotency record.
import type { Prisma } from "./open.js";

export function findStripeEvent(prisma: Prisma, id: string) {
  return prisma.stripeEvent.findUnique({ where: { id } });
}

/** Records the outcome; false when the id was already there (a concurrent delivery won). */
export async function saveStripeEvent(
  prisma: Prisma,
  row: { id: string; type: string; caseId: string | null; outcome: string; paymentId: string | null },
): Promise<boolean> {
  try {
    await prisma.stripeEvent.create({ data: row });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
