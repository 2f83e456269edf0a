// Case search for the console list and the CSV export: status, escalated (an open or assigned
// escalation), promise status (any promise of the case in that status, or none at all),
// jurisdiction, creditor and free text (reference, names, e-mail, phone, invoice numbers; folded).

import type { CaseSearch } from "../../app/ports/console.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import { caseIdsMatching } from "./text-search.js";

export type { CaseSearch };

/**
 * Prisma passes `contains` to LIKE without escaping: "%" and "_" would be wildcards ("q=%" matched
 * every case). Backslash is PostgreSQL's default LIKE escape character.
 */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

const LIVE = { status: { in: ["open", "assigned"] } } satisfies P.EscalationWhereInput;

/** Resolves the free text to case ids first (accent- and case-folded search, text-search.ts). */
async function whereOf(prisma: Prisma, s: CaseSearch): Promise<P.CaseWhereInput> {
  const and: P.CaseWhereInput[] = [];
  if (s.status) and.push({ status: s.status });
  if (s.jurisdiction) and.push({ jurisdiction: s.jurisdiction });
  if (s.creditor) and.push({ creditor: { name: s.creditor } });
  if (s.escalated === true) and.push({ escalations: { some: LIVE } });
  if (s.escalated === false) and.push({ escalations: { none: LIVE } });
  if (s.promise === "none") and.push({ promises: { none: {} } });
  else if (s.promise) and.push({ promises: { some: { status: s.promise } } });
  if (s.q?.trim()) and.push({ id: { in: await caseIdsMatching(prisma, s.q) } });
  return and.length ? { AND: and } : {};
}

const listInclude = {
  creditor: { select: { name: true } },
  debtor: { select: { name: true, kind: true, locale: true } },
  escalations: { where: LIVE, select: { id: true, kind: true } },
  promises: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, status: true, total: true } },
  conversation: { select: { humanOwnerId: true } },
} satisfies P.CaseInclude;

export type CaseListRow = P.CaseGetPayload<{ include: typeof listInclude }>;

export async function searchCaseRows(prisma: Prisma, s: CaseSearch, page: number, pageSize: number) {
  const where = await whereOf(prisma, s);
  const [items, total] = await Promise.all([
    prisma.case.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: listInclude,
    }),
    prisma.case.count({ where }),
  ]);
  return { items, total };
}

const exportInclude = {
  creditor: { select: { name: true } },
  debtor: true,
  invoices: { orderBy: [{ dueAt: "asc" }, { number: "asc" }] },
  payments: { select: { amount: true } },
  escalations: { where: LIVE, select: { kind: true } },
  promises: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, total: true } },
} satisfies P.CaseInclude;

export type CaseExportRow = P.CaseGetPayload<{ include: typeof exportInclude }>;

/** Every matching case with its invoices, oldest first, in batches (the export streams them). */
export async function* exportCaseRows(
  prisma: Prisma,
  s: CaseSearch,
  batch = 200,
): AsyncGenerator<CaseExportRow> {
  const where = await whereOf(prisma, s);
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.case.findMany({
      where,
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      include: exportInclude,
    });
    for (const row of rows) yield row;
    if (rows.length < batch) return;
    cursor = rows.at(-1)?.id;
  }
}
