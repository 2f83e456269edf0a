// The escalation queue: list (kind, status, assignee), assign to me, resolve with an outcome and a
// note. Resolving puts the case back where the outcome leads (negotiating, promised or closed; still
// escalated while another escalation is open), lifts an identity lock, and tells the debtor.

import type { EscalationCard } from "../../../contract/console-escalations.js";
import { escalationListQuery, type Outcome, resolveInput } from "../../../contract/console-inputs.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { readState } from "../../negotiation/conversation-state.js";
import type { Actor, AppContext } from "../context.js";
import type {
  CaseStatusValue,
  EscalationCardRow,
  ResolutionPlan,
  ResolutionSnapshot,
} from "../ports/console.js";
import { type ConsoleDeps, deliver } from "./deps.js";
import { notice } from "./notices.js";

export function escalationCard(
  row: EscalationCardRow,
  waiting: ReadonlyMap<string, Date> = new Map(),
): EscalationCard {
  const conversationId = row.case.conversation?.id;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    summary: row.summary,
    assignee: row.assignee ? { id: row.assignee.id, email: row.assignee.email } : null,
    // Written only from the resolve form's list (contract/enums.ts OUTCOMES); stored as text.
    outcome: row.outcome as Outcome | null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    case: {
      id: row.case.id,
      reference: row.case.reference,
      status: row.case.status,
      currency: row.case.currency,
      creditor: { name: row.case.creditor.name },
      debtor: { name: row.case.debtor.name, kind: row.case.debtor.kind, locale: row.case.debtor.locale },
      conversationId: row.case.conversation?.id ?? null,
      humanOwnerId: row.case.conversation?.humanOwnerId ?? null,
      /** The debtor's unanswered last message: when it was sent (the queue shows the wait). */
      debtorWaitingSince: (conversationId && waiting.get(conversationId)?.toISOString()) || null,
    },
  };
}

export async function listEscalations(ctx: AppContext, actor: Actor, query: unknown) {
  const q = parseOrThrow(escalationListQuery, query, "query");
  const statuses =
    q.status === "active"
      ? (["open", "assigned"] as const)
      : q.status === "all"
        ? (["open", "assigned", "resolved"] as const)
        : [q.status];
  const assigneeId = q.assignee === "me" ? actor.userId : q.assignee === "unassigned" ? null : undefined;
  const { items, total } = await ctx.stores.escalations.list({
    kind: q.kind,
    statuses,
    assigneeId,
    caseId: q.caseId,
    page: q.page,
    pageSize: q.pageSize,
  });
  const waiting = await ctx.stores.escalations.debtorWaitingSince(
    items.flatMap((e) => (e.status !== "resolved" && e.case.conversation ? [e.case.conversation.id] : [])),
  );
  return { items: items.map((e) => escalationCard(e, waiting)), page: q.page, pageSize: q.pageSize, total };
}

export async function getEscalation(ctx: AppContext, id: string): Promise<EscalationCard> {
  const row = await ctx.stores.escalations.card(id);
  if (!row) throw notFound("Escalation");
  const conversationId = row.status !== "resolved" ? row.case.conversation?.id : undefined;
  return escalationCard(
    row,
    conversationId ? await ctx.stores.escalations.debtorWaitingSince([conversationId]) : new Map(),
  );
}

export async function assignToMe(deps: ConsoleDeps, actor: Actor, id: string): Promise<EscalationCard> {
  const result = await deps.ctx.stores.escalations.assign({ id, userId: actor.userId });
  if (result.status === "not_found") throw notFound("Escalation");
  if (result.status === "resolved")
    throw new AppError("not_allowed_now", "This escalation is already resolved.");
  const card = await getEscalation(deps.ctx, id);
  deps.ctx.events.publish({
    type: "escalation.updated",
    caseId: card.case.id,
    escalationId: id,
    status: "assigned",
    escalation: card,
  });
  return card;
}

/** Where each outcome leads the case, given what the transaction sees. Pure: tested on its own. */
export function resolutionPlan(outcome: Outcome, s: ResolutionSnapshot, locale: "fr" | "en"): ResolutionPlan {
  let status: CaseStatusValue;
  if (outcome === "dispute_upheld" || outcome === "payment_found") status = "closed";
  else if (outcome === "plan_agreed" && s.hasActivePromise) status = "promised";
  else status = s.verified ? "negotiating" : "verifying";
  if (s.otherOpen > 0) status = "escalated";
  const state = readState(s.state);
  const endTakeover = s.ownerId !== null && status !== "escalated";
  return {
    caseStatus: status,
    state: { ...state, phase: status },
    unlock: s.kind === "identity" && status !== "closed",
    cancelActivePromise: outcome === "dispute_upheld",
    closeOpenOffers: status === "closed",
    notice: notice(locale, `resolved_${outcome}`),
    // The case leaves the queue: nobody would answer a conversation still held by a person. On a
    // closed case the resolution notice is the last word (the page reads it as the person leaving).
    endTakeover,
    handbackNotice: endTakeover && status !== "closed" ? notice(locale, "handback") : null,
  };
}

export async function resolve(
  deps: ConsoleDeps,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<EscalationCard> {
  const input = parseOrThrow(resolveInput, body, "resolution");
  const before = await deps.ctx.stores.escalations.card(id);
  if (!before) throw notFound("Escalation");
  const locale = before.case.debtor.locale;
  const run = () =>
    deps.ctx.stores.escalations.resolve({
      id,
      userId: actor.userId,
      outcome: input.outcome,
      note: input.note,
      at: deps.ctx.clock.now(),
      mayOverride: actor.role === "admin",
      plan: (s) => resolutionPlan(input.outcome, s, locale),
    });
  // In the conversation's queue: the negotiation state it rewrites is not also being written by a turn.
  const conversationId = before.case.conversation?.id;
  const result = conversationId ? await deps.chat.enqueue(conversationId, run) : await run();
  if (result.status === "not_found") throw notFound("Escalation");
  if (result.status === "already_resolved")
    throw new AppError("not_allowed_now", "This escalation is already resolved.");
  if (result.status === "owned_by_other")
    throw new AppError(
      "conversation_locked",
      "Another collector owns this conversation; they must hand it back or resolve it.",
    );
  if (result.conversationId && result.message)
    deliver(deps, result.caseId, result.conversationId, result.message);
  if (result.conversationId && result.handback)
    deliver(deps, result.caseId, result.conversationId, result.handback);
  deps.ctx.events.publish({
    type: "case.status",
    caseId: result.caseId,
    ...(result.conversationId ? { conversationId: result.conversationId } : {}),
    status: result.caseStatus,
  });
  const card = await getEscalation(deps.ctx, id);
  deps.ctx.events.publish({
    type: "escalation.updated",
    caseId: result.caseId,
    escalationId: id,
    status: "resolved",
    escalation: card,
  });
  return card;
}
