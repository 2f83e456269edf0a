// A plain turn's writes for store tests: one assistant message with one transcript event, the case
// moved to negotiating, nothing else.
import { randomUUID } from "node:crypto";
import type { TurnWrites } from "../app/ports/chat.js";

export function replyWrites(conversationId: string, caseId: string, text: string): TurnWrites {
  const id = randomUUID();
  return {
    conversationId,
    caseId,
    messages: [{ id, role: "assistant", text }],
    events: [{ kind: "test.event", data: { n: 1 }, messageId: id }],
    offers: [],
    declined: [],
    supersedeOpen: false,
    caseStatus: "negotiating",
    cancelPromiseId: null,
    now: new Date("2026-03-01T10:00:00Z"),
  };
}
