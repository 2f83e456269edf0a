// Imported bank statement lines and what became of them.

import type { NewStatementLine } from "../app/ports/payments.js";
import type { Prisma } from "./open.js";

export type { NewStatementLine };

export function saveStatementLine(prisma: Prisma, line: NewStatementLine) {
  return prisma.statementLine.create({
    data: { ...line, bookedAt: new Date(`${line.bookedAt}T00:00:00Z`), amount: BigInt(line.amount) },
  });
}

export type StatementLineRow = Awaited<ReturnType<typeof saveStatementLine>>;

/** Lines waiting for a person (unmatched, partial), or of one import, newest first. */
export function listStatementLines(
  prisma: Prisma,
  filter: { status?: string[]; importId?: string; take: number; skip: number },
) {
  const where = {
    ...(filter.status ? { status: { in: filter.status } } : {}),
    ...(filter.importId ? { importId: filter.importId } : {}),
  };
  return prisma.$transaction([
    prisma.statementLine.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { lineNo: "asc" }],
      take: filter.take,
      skip: filter.skip,
    }),
    prisma.statementLine.count({ where }),
  ]);
}

export function findStatementLine(prisma: Prisma, id: string) {
  return prisma.statementLine.findUnique({ where: { id } });
}

/** Settles an open line once (a concurrent settle finds it no longer open). */
export async function settleStatementLine(
  prisma: Prisma,
  id: string,
  data: {
    status: "assigned" | "dismissed" | "reviewed";
    caseId?: string;
    paymentId?: string;
    note: string;
    at: Date;
  },
): Promise<boolean> {
  const res = await prisma.statementLine.updateMany({
    where: { id, status: { in: ["unmatched", "partial"] } },
    data: {
      status: data.status,
      ...(data.caseId ? { caseId: data.caseId } : {}),
      ...(data.paymentId ? { paymentId: data.paymentId } : {}),
      note: data.note,
      resolvedAt: data.at,
    },
  });
  return res.count === 1;
}

/** An earlier import of the same line (same day, amount, text and payer): importing it again is a no-op. */
export function findSameLine(
  prisma: Prisma,
  line: {
    bookedAt: string;
    amount: number;
    currency: string;
    text: string;
    counterparty: string | null;
    bankRef: string | null;
  },
) {
  return prisma.statementLine.findFirst({
    where: {
      status: { not: "duplicate" },
      ...(line.bankRef
        ? { bankRef: line.bankRef }
        : {
            bookedAt: new Date(`${line.bookedAt}T00:00:00Z`),
            amount: BigInt(line.amount),
            currency: line.currency,
            text: line.text,
            counterparty: line.counterparty,
          }),
    },
    select: { id: true, caseId: true, paymentId: true },
  });
}
