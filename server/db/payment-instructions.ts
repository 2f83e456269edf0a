// What the payment instructions of a case read: the creditor's settings, the case's reference, the
// live promise's instalments and the case facts (for the balance when there is no promise).
import type { Prisma } from "./open.js";

/** The client or an open transaction (the outreach composes e-mails inside its sequence's lock). */
export type CaseReader = Pick<Prisma, "case">;

export function findCaseForInstructions(prisma: CaseReader, caseId: string) {
  return prisma.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      paymentReference: true,
      jurisdiction: true,
      usState: true,
      currency: true,
      policyVersionId: true,
      creditor: true,
      debtor: { select: { name: true, kind: true, locale: true, timeZone: true } },
      invoices: {
        orderBy: { dueAt: "asc" },
        select: { number: true, issuedAt: true, dueAt: true, amount: true },
      },
      payments: { select: { amount: true } },
      promises: {
        where: { status: { in: ["active", "broken"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: {
          id: true,
          status: true,
          instalments: {
            orderBy: { seq: "asc" },
            select: { id: true, seq: true, dueDate: true, amount: true, paidAmount: true },
          },
        },
      },
    },
  });
}

export type CaseForInstructions = NonNullable<Awaited<ReturnType<typeof findCaseForInstructions>>>;

/** Gives a case made before payment references existed its reference (once: a race keeps the first). */
export async function ensurePaymentReference(
  prisma: CaseReader,
  caseId: string,
  candidate: string,
): Promise<string> {
  await prisma.case.updateMany({
    where: { id: caseId, paymentReference: null },
    data: { paymentReference: candidate },
  });
  const row = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { paymentReference: true },
  });
  return row.paymentReference ?? candidate;
}

/** The instalment `seq` of a promise (its id), or null. */
export function findInstalmentOf(prisma: Prisma, promiseId: string, seq: number) {
  return prisma.instalment.findUnique({
    where: { promiseId_seq: { promiseId, seq } },
    select: { id: true },
  });
}

export function findCaseByPaymentReference(prisma: Prisma, reference: string) {
  return prisma.case.findUnique({
    where: { paymentReference: reference },
    select: { id: true, currency: true },
  });
}
