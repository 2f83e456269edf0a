// A debtor taking back a misunderstood escalation ("non je ne conteste pas"): what the turn reads to
// decide whether it still can, and the write that withdraws it. The escalation is never deleted: it
// is resolved with the outcome `withdrawn_by_debtor` and the debtor's words, and audited.
import type { OpenEscalationRow } from "../app/ports/chat.js";
import { WITHDRAWN_BY_DEBTOR } from "../domain/escalation-outcomes.js";
import { appendAudit } from "./audit.js";
import { insertEvent } from "./console/messages.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

/** The case's unresolved escalations, newest first. */
export async function unresolvedEscalations(prisma: Prisma, caseId: string): Promise<OpenEscalationRow[]> {
  return prisma.escalation.findMany({
    where: { caseId, status: { in: ["open", "assigned"] } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, kind: true, status: true, assigneeId: true, createdAt: true, summary: true },
  });
}

/**
 * Withdraws the escalation inside the turn's transaction, only if it is still open and nobody has
 * picked it up (a collector assigning it meanwhile wins). Returns false when it no longer can.
 */
export async function withdrawEscalationIn(
  tx: P.TransactionClient,
  input: {
    id: string;
    caseId: string;
    conversationId: string;
    kind: string;
    words: string;
    at: Date;
    /** The assistant's reply written with the turn, which the transcript event is tied to. */
    messageId?: string | undefined;
  },
): Promise<boolean> {
  const words = input.words.slice(0, 1000);
  const claimed = await tx.escalation.updateMany({
    where: { id: input.id, status: "open", assigneeId: null },
    data: { status: "resolved", outcome: WITHDRAWN_BY_DEBTOR, note: words, resolvedAt: input.at },
  });
  if (claimed.count !== 1) return false;
  await insertEvent(
    tx,
    input.conversationId,
    "escalation.withdrawn",
    { escalationId: input.id, kind: input.kind, words },
    input.messageId,
  );
  await appendAudit(tx, {
    actorType: "debtor",
    action: "escalation.withdraw",
    entity: "case",
    entityId: input.caseId,
    data: { escalationId: input.id, kind: input.kind, words },
  });
  return true;
}
