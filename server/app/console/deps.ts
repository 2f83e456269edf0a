// What console use cases receive: the app context, the chat service (to run changes to a
// conversation in its queue) and the console's settings. What the debtor must see (agent and system
// messages, state changes) leaves through the event bus.
import { notFound } from "../../errors/app-error.js";
import type { ChatService } from "../chat/chat-service.js";
import { toWire, type WireMessage } from "../chat/wire.js";
import type { AppContext } from "../context.js";
import type { MessageWithOffer } from "../ports/conversations.js";

export interface ConsoleSettings {
  /** A promise is broken once an instalment stays unpaid more than this many days after its due date. */
  readonly brokenAfterDays: number;
}

/** Default grace period; no policy pack field sets it yet (see docs/console.md). */
export const DEFAULT_BROKEN_AFTER_DAYS = 7;

export interface ConsoleDeps {
  readonly ctx: AppContext;
  readonly chat: ChatService;
  readonly settings: ConsoleSettings;
}

export interface CaseConversation {
  readonly caseId: string;
  readonly conversationId: string;
  readonly locale: "fr" | "en";
}

/** The case's conversation (created when the debtor has not opened the link yet), or 404. */
export async function caseConversation(ctx: AppContext, caseId: string): Promise<CaseConversation> {
  const found = await ctx.stores.cases.debtorLocale(caseId);
  if (!found) throw notFound("Case");
  const conversation = await ctx.stores.conversations.getOrCreate(caseId);
  return { caseId, conversationId: conversation.id, locale: found.debtor.locale };
}

/** Publishes a stored agent or system message: the debtor's page and the console receive it. */
export function deliver(
  deps: ConsoleDeps,
  caseId: string,
  conversationId: string,
  row: MessageWithOffer,
): WireMessage {
  const message = toWire(row);
  deps.ctx.events.publish({
    type: "message.stored",
    caseId,
    conversationId,
    origin: "person",
    message,
    meta: row.meta,
  });
  return message;
}
