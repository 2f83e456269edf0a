// Internal notes on a case: written by the team, read by the team, never sent to the debtor (they
// live in their own table, outside the conversation). Each note is audited with its case.
import { appendAudit } from "../audit.js";
import type { Prisma } from "../open.js";

export function listNotes(prisma: Prisma, caseId: string) {
  return prisma.caseNote.findMany({
    where: { caseId },
    include: { author: { select: { email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function addNote(
  prisma: Prisma,
  input: { caseId: string; authorId: string; text: string },
): Promise<{ status: "added"; id: string; createdAt: Date } | { status: "not_found" }> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.case.findUnique({ where: { id: input.caseId }, select: { id: true } })))
      return { status: "not_found" };
    const note = await tx.caseNote.create({ data: input });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.authorId,
      action: "case.note",
      entity: "case",
      entityId: input.caseId,
      data: { noteId: note.id },
    });
    return { status: "added", id: note.id, createdAt: note.createdAt };
  });
}
