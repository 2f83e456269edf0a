// Follows promises until kept or broken, on the injectable clock: a promise whose instalments are
// all paid is kept; one with an instalment still unpaid more than N days after its due date is
// broken, which opens a broken_promise escalation: the case enters the collectors' queue. N comes
// from the policy version the case runs under (limits.promiseBrokenAfterDays), or from the service
// setting (PROMISE_BROKEN_AFTER_DAYS, default 7) for a pack without it. Idempotent: running it twice
// changes nothing more.
import { readState } from "../../negotiation/conversation-state.js";
import { dateInZone, daysBetween } from "../../policy/index.js";
import type { ChatService } from "../chat/chat-service.js";
import type { AppContext } from "../context.js";
import { type PeriodicJob, startPeriodicJob } from "../jobs.js";
import type { WatchedPromise } from "../ports/console.js";
import { DEFAULT_BROKEN_AFTER_DAYS } from "./deps.js";
import { closeConversation } from "./payments.js";

export interface ReviewOptions {
  readonly brokenAfterDays?: number;
  /** When given, debtors connected to a case whose status changed are told (state event). */
  readonly chat?: ChatService;
}

export interface ReviewResult {
  readonly reviewed: number;
  readonly kept: string[];
  readonly broken: { promiseId: string; caseId: string; escalationId: string }[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** N for one promise, and where it came from (cited in the escalation's summary). */
interface Grace {
  readonly days: number;
  readonly rule: string;
}

async function graceFor(ctx: AppContext, policyVersionId: string, fallback: number): Promise<Grace> {
  const limit = (await ctx.policies.forVersion(policyVersionId)).pack.limits.promiseBrokenAfterDays;
  if (!limit) return { days: fallback, rule: "PROMISE_BROKEN_AFTER_DAYS (service setting)" };
  return { days: limit.value, rule: `limits.promiseBrokenAfterDays (${limit.rules.join(", ")})` };
}

function brokenSummary(
  p: WatchedPromise,
  missed: WatchedPromise["instalments"],
  grace: Grace,
  today: string,
) {
  const graceDays = grace.days;
  const paid = p.instalments.reduce((s, i) => s + Number(i.paidAmount), 0);
  return {
    kind: "broken_promise",
    why: "broken_promise",
    claim: `Instalment${missed.length > 1 ? "s" : ""} ${missed.map((i) => `#${i.seq} due ${day(i.dueDate)}`).join(", ")} unpaid more than ${graceDays} days after the due date (checked ${today}).`,
    promiseId: p.id,
    obtainedBy: p.obtainedBy,
    acceptedAt: p.acceptedAt.toISOString(),
    amounts: { currency: p.currency, promised: Number(p.total), paid, remaining: Number(p.total) - paid },
    missed: missed.map((i) => ({
      seq: i.seq,
      dueDate: day(i.dueDate),
      amount: Number(i.amount),
      paidAmount: Number(i.paidAmount),
    })),
    graceDays,
    graceRule: grace.rule,
    policyVersionId: p.case.policyVersionId,
  };
}

export async function reviewPromises(ctx: AppContext, options: ReviewOptions = {}): Promise<ReviewResult> {
  const fallbackDays = options.brokenAfterDays ?? DEFAULT_BROKEN_AFTER_DAYS;
  const now = ctx.clock.now();
  const promises = await ctx.stores.promises.underWatch();
  const result: ReviewResult = { reviewed: promises.length, kept: [], broken: [] };
  for (const p of promises) {
    if (p.instalments.every((i) => i.paidAmount >= i.amount)) {
      const kept = await ctx.stores.promises.markKept(p.id, now);
      if (kept.changed) {
        result.kept.push(p.id);
        ctx.events.publish({ type: "promise.updated", caseId: p.case.id, promiseId: p.id, status: "kept" });
        if (kept.caseClosed && options.chat)
          await closeConversation(
            { ctx, chat: options.chat, settings: { brokenAfterDays: fallbackDays } },
            p.case.id,
          );
      }
      continue;
    }
    // The debtor's calendar date: "N days after the due date" counts their days, not UTC's.
    const today = dateInZone(now, p.case.debtor.timeZone);
    const grace = await graceFor(ctx, p.case.policyVersionId, fallbackDays);
    const missed = p.instalments.filter(
      (i) => i.paidAmount < i.amount && daysBetween(day(i.dueDate), today) > grace.days,
    );
    if (missed.length === 0) continue;
    const conversation = p.case.conversation;
    const breakIt = async () => {
      // Read the state inside the conversation's queue so that a turn in progress is not overwritten.
      const fresh = conversation ? await ctx.stores.conversations.state(conversation.id) : null;
      return ctx.stores.promises.markBroken({
        promiseId: p.id,
        missedInstalmentIds: missed.map((i) => i.id),
        at: now,
        summary: brokenSummary(p, missed, grace, today),
        ...(fresh ? { state: { ...readState(fresh.state), phase: "escalated" } } : {}),
      });
    };
    const broken =
      conversation && options.chat ? await options.chat.enqueue(conversation.id, breakIt) : await breakIt();
    if (!broken) continue;
    result.broken.push({ promiseId: p.id, caseId: broken.caseId, escalationId: broken.escalationId });
    ctx.events.publish({ type: "promise.updated", caseId: p.case.id, promiseId: p.id, status: "broken" });
    ctx.events.publish({
      type: "escalation.opened",
      caseId: p.case.id,
      escalationId: broken.escalationId,
      kind: "broken_promise",
    });
    ctx.events.publish({
      type: "case.status",
      caseId: p.case.id,
      ...(conversation ? { conversationId: conversation.id } : {}),
      status: "escalated",
    });
  }
  return result;
}

export const PROMISE_REVIEW_JOB = "promise-review";

/**
 * Runs the review every `intervalMs` (the service starts it; tests call reviewPromises directly),
 * once per interval across all the instances sharing the database (see app/jobs.ts).
 */
export function startPromiseReviews(
  ctx: AppContext,
  options: ReviewOptions & { intervalMs: number; manual?: boolean; onReview?: (r: ReviewResult) => void },
): PeriodicJob {
  return startPeriodicJob(ctx, {
    name: PROMISE_REVIEW_JOB,
    intervalMs: options.intervalMs,
    ...(options.manual ? { manual: true } : {}),
    run: async () => options.onReview?.(await reviewPromises(ctx, options)),
  });
}
