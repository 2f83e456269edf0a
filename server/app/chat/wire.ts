// A stored message (and its offer, if any) in the contract's wire shape (contract/debtor-socket.ts).
import type { WireMessage, WireOffer } from "../../../contract/debtor-socket.js";
import type { HistoryMessage } from "../ports/chat.js";

export type { WireMessage, WireOffer };

/** A stored message's wire form; a `MessageWithOffer` (a whole row) is one too. */
export function toWire(row: Omit<HistoryMessage, "seq">): WireMessage {
  const quickReplies = Array.isArray(row.quickReplies) ? (row.quickReplies as string[]) : undefined;
  const meta = row.meta && typeof row.meta === "object" && !Array.isArray(row.meta) ? row.meta : {};
  const noticeKey = (meta as Record<string, unknown>).notice;
  return {
    id: row.id,
    role: row.role,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    ...(row.offer
      ? {
          offer: {
            id: row.offer.id,
            kind: row.offer.kind,
            total: Number(row.offer.total),
            currency: row.offer.currency,
            instalments: row.offer.instalments as unknown as WireOffer["instalments"],
            expiresAt: row.offer.expiresAt.toISOString(),
            status: row.offer.status,
          },
        }
      : {}),
    ...(quickReplies && quickReplies.length ? { quickReplies } : {}),
    ...(row.role === "system" && typeof noticeKey === "string" ? { notice: noticeKey } : {}),
  };
}
