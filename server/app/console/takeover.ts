// Live takeover. A collector becomes the conversation's owner: from that instant the server refuses
// every assistant message (a turn's claim, db/turns.ts claimTurn, reads the owner under the same
// row lock, so a model reply still in flight is suppressed, not sent). The debtor is told a person
// joined; the collector writes as role "agent"; handing back clears the owner with a note on the
// transcript, and the assistant answers the debtor's next message.

import { agentMessageInput, handbackInput } from "../../../contract/console-inputs.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { WireMessage } from "../chat/wire.js";
import type { Actor } from "../context.js";
import { type ConsoleDeps, caseConversation, deliver } from "./deps.js";
import { notice } from "./notices.js";

const ownedByOther = () =>
  new AppError(
    "conversation_locked",
    "Another collector owns this conversation; they must hand it back first.",
  );
const notOwned = () =>
  new AppError("not_allowed_now", "Take over the conversation before writing to the debtor.");

export interface TakeoverView {
  readonly conversationId: string;
  readonly ownerId: string;
  readonly message: WireMessage | null;
}

export async function takeOver(deps: ConsoleDeps, actor: Actor, caseId: string): Promise<TakeoverView> {
  const conv = await caseConversation(deps.ctx, caseId);
  const joined = notice(conv.locale, "takeover");
  const result = await deps.ctx.stores.takeover.takeOver({
    conversationId: conv.conversationId,
    caseId,
    userId: actor.userId,
    at: deps.ctx.clock.now(),
    notice: joined.text,
    noticeMeta: joined.meta,
  });
  if (result.status === "owned_by_other") throw ownedByOther();
  const message =
    result.status === "taken" ? deliver(deps, caseId, conv.conversationId, result.message) : null;
  if (result.status === "taken")
    for (const escalationId of result.assigned)
      deps.ctx.events.publish({ type: "escalation.updated", caseId, escalationId, status: "assigned" });
  return { conversationId: conv.conversationId, ownerId: actor.userId, message };
}

export async function sendAgentMessage(deps: ConsoleDeps, actor: Actor, caseId: string, body: unknown) {
  const input = parseOrThrow(agentMessageInput, body, "message");
  const conv = await caseConversation(deps.ctx, caseId);
  const result = await deps.ctx.stores.takeover.postAgentMessage({
    conversationId: conv.conversationId,
    caseId,
    userId: actor.userId,
    text: input.text,
    // Namespaced so a collector's retry key can never collide with a debtor's clientMessageId.
    clientMessageId: input.clientMessageId ? `agent:${input.clientMessageId}` : undefined,
  });
  if (result.status === "not_owned") throw notOwned();
  if (result.status === "owned_by_other") throw ownedByOther();
  const message = result.created ? deliver(deps, caseId, conv.conversationId, result.message) : null;
  return { id: result.message.id, created: result.created, message };
}

export async function handBack(deps: ConsoleDeps, actor: Actor, caseId: string, body: unknown) {
  const input = parseOrThrow(handbackInput, body, "hand-back");
  const conv = await caseConversation(deps.ctx, caseId);
  const back = notice(conv.locale, "handback");
  const result = await deps.ctx.stores.takeover.handBack({
    conversationId: conv.conversationId,
    caseId,
    userId: actor.userId,
    mayOverride: actor.role === "admin",
    note: input.note,
    notice: back.text,
    noticeMeta: back.meta,
  });
  if (result.status === "not_owned") throw new AppError("not_allowed_now", "Nobody owns this conversation.");
  if (result.status === "owned_by_other") throw ownedByOther();
  const message = deliver(deps, caseId, conv.conversationId, result.message);
  return { conversationId: conv.conversationId, ownerId: null, message };
}
