// Read-only queries behind the debtor pages: what a link token opens (live or not), the page
// header, and one promise of the case with everything its receipt and calendar need.
import type { Prisma } from "./open.js";

/** The token row (whatever its state) with just enough of the case to explain a dead link. */
export function findDebtorLink(prisma: Prisma, tokenHash: string) {
  return prisma.debtorAccessToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      caseId: true,
      expiresAt: true,
      revokedAt: true,
      case: {
        select: {
          reference: true,
          currency: true,
          status: true,
          creditor: {
            select: { name: true, contactEmail: true, contactPhone: true, displayName: true, logoUrl: true },
          },
          debtor: { select: { locale: true, timeZone: true } },
          conversation: { select: { verifiedAt: true, lockedAt: true } },
        },
      },
    },
  });
}

export type DebtorLinkRow = NonNullable<Awaited<ReturnType<typeof findDebtorLink>>>;

/** The case's promises (newest last), for the confirmation card of the chat page. */
export function listPromisesOfCase(prisma: Prisma, caseId: string) {
  return prisma.promiseToPay.findMany({
    where: { caseId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      offerId: true,
      status: true,
      total: true,
      currency: true,
      acceptedAt: true,
      instalments: { orderBy: { seq: "asc" }, select: { seq: true, dueDate: true, amount: true } },
    },
  });
}

/** One promise, only if it belongs to the case, with the case facts a receipt restates. */
export function findPromiseForReceipt(prisma: Prisma, caseId: string, promiseId: string) {
  return prisma.promiseToPay.findFirst({
    where: { id: promiseId, caseId },
    select: {
      id: true,
      status: true,
      total: true,
      currency: true,
      acceptedAt: true,
      obtainedBy: true,
      instalments: { orderBy: { seq: "asc" }, select: { seq: true, dueDate: true, amount: true } },
      offer: {
        select: {
          id: true,
          kind: true,
          discountBps: true,
          policyVersion: { select: { id: true, packId: true, hash: true } },
        },
      },
      case: {
        select: {
          reference: true,
          jurisdiction: true,
          usState: true,
          currency: true,
          creditor: { select: { name: true, contactEmail: true, contactPhone: true } },
          debtor: { select: { name: true, kind: true, locale: true, timeZone: true } },
          invoices: {
            orderBy: { dueAt: "asc" },
            select: { number: true, issuedAt: true, dueAt: true, amount: true },
          },
          payments: { select: { amount: true } },
        },
      },
    },
  });
}

export type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findPromiseForReceipt>>>;
