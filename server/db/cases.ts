// Case storage: creation with invoices and the first debtor link, lookup, listing, link rotation.

import type { NewCaseRecord } from "../app/ports/cases.js";
import { appendAudit } from "./audit.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type { NewCaseRecord };

export const caseDetailInclude = {
  creditor: true,
  debtor: true,
  invoices: { orderBy: { dueAt: "asc" } },
  policyVersion: { select: { id: true, packId: true, hash: true, status: true } },
  offers: { orderBy: { createdAt: "asc" } },
  promises: { orderBy: { createdAt: "asc" }, include: { instalments: { orderBy: { seq: "asc" } } } },
  escalations: {
    orderBy: { createdAt: "asc" },
    include: { assignee: { select: { id: true, email: true } } },
  },
  payments: { orderBy: { paidAt: "asc" } },
  tokens: { orderBy: { createdAt: "desc" }, take: 1 },
  conversation: { select: { id: true, verifiedAt: true, lockedAt: true, humanOwnerId: true } },
} satisfies P.CaseInclude;

export type CaseDetail = P.CaseGetPayload<{ include: typeof caseDetailInclude }>;

export function findCaseIdByReference(prisma: Prisma, creditorName: string, reference: string) {
  return prisma.case.findFirst({
    where: { reference, creditor: { name: creditorName } },
    select: { id: true },
  });
}

export async function insertCase(prisma: Prisma, record: NewCaseRecord): Promise<string> {
  return prisma.$transaction(async (tx) => {
    // INSERT … ON CONFLICT DO NOTHING, then read: two cases of a new creditor created at the same
    // time both get it (an upsert raced into a unique violation and a 500 on PostgreSQL).
    await tx.creditor.createMany({
      data: [{ name: record.creditor.name, ...record.creditorSettings }],
      skipDuplicates: true,
    });
    // Settings sent with a case update an existing creditor too (they were silently dropped).
    const creditor = Object.keys(record.creditorSettings).length
      ? await tx.creditor.update({ where: { name: record.creditor.name }, data: record.creditorSettings })
      : await tx.creditor.findUniqueOrThrow({ where: { name: record.creditor.name } });
    const debtor = await tx.debtor.create({
      data: {
        name: record.debtor.name,
        kind: record.debtor.kind,
        email: record.debtor.email ?? null,
        phone: record.debtor.phone ?? null,
        locale: record.debtor.locale,
        timeZone: record.debtor.timeZone,
      },
    });
    const principal = record.invoices.reduce((s, i) => s + BigInt(i.amount), 0n);
    const created = await tx.case.create({
      data: {
        reference: record.reference,
        creditorId: creditor.id,
        debtorId: debtor.id,
        jurisdiction: record.jurisdiction,
        usState: record.usState ?? null,
        currency: record.currency,
        principal,
        policyPackId: record.policyPackId,
        policyVersionId: record.policyVersionId,
        verificationQuestion: record.verificationQuestion ?? null,
        verificationAnswer: record.verificationAnswerHash ?? null,
        createdById: record.createdById ?? null,
        paymentReference: record.paymentReference,
        invoices: {
          create: record.invoices.map((i) => ({
            number: i.number,
            issuedAt: new Date(`${i.issuedAt}T00:00:00Z`),
            dueAt: new Date(`${i.dueAt}T00:00:00Z`),
            amount: BigInt(i.amount),
          })),
        },
        tokens: { create: { tokenHash: record.tokenHash, expiresAt: record.tokenExpiresAt } },
      },
    });
    await appendAudit(tx, {
      actorType: record.createdById ? "user" : "system",
      actorId: record.createdById,
      action: "case.create",
      entity: "case",
      entityId: created.id,
      data: { reference: record.reference, invoices: record.invoices.length },
    });
    return created.id;
  });
}

/** True when the case exists (one indexed read). */
export async function caseExists(prisma: Prisma, id: string): Promise<boolean> {
  return (await prisma.case.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export function getCaseDetail(prisma: Prisma, id: string) {
  return prisma.case.findUnique({ where: { id }, include: caseDetailInclude });
}

/** Revokes every live link of the case and, when a new hash is given, issues a new one. */
export async function replaceDebtorLink(
  prisma: Prisma,
  caseId: string,
  now: Date,
  actorId: string,
  next?: { tokenHash: string; expiresAt: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.debtorAccessToken.updateMany({ where: { caseId, revokedAt: null }, data: { revokedAt: now } });
    if (next) await tx.debtorAccessToken.create({ data: { caseId, ...next } });
    await appendAudit(tx, {
      actorType: "user",
      actorId,
      action: next ? "link.rotate" : "link.revoke",
      entity: "case",
      entityId: caseId,
    });
  });
}
