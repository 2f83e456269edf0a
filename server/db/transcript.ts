// The transcript of a case: every message and every guard, policy, tool or takeover event, in
// the order they happened.
import type { Transcript } from "../../contract/console-cases.js";
import type { Prisma } from "./open.js";

export async function getTranscript(prisma: Prisma, caseId: string): Promise<Transcript | null> {
  const found = await prisma.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      conversation: {
        select: {
          id: true,
          messages: { orderBy: { seq: "asc" } },
          events: { orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!found) return null;
  const conv = found.conversation;
  return {
    caseId,
    conversationId: conv?.id ?? null,
    messages: (conv?.messages ?? []).map((m) => ({
      id: m.id,
      seq: m.seq,
      role: m.role,
      text: m.text,
      clientMessageId: m.clientMessageId,
      offerId: m.offerId,
      quickReplies: m.quickReplies,
      // Written as objects only (turns, takeovers, notices): a JSON column, so typed here.
      meta: m.meta as Record<string, unknown> | null,
      createdAt: m.createdAt.toISOString(),
    })),
    events: (conv?.events ?? []).map((e) => ({
      id: e.id,
      messageId: e.messageId,
      kind: e.kind,
      data: e.data as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
