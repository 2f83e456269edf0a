// What people do to a sequence: the debtor unsubscribes (one click) or replies STOP to an SMS; a
// collector pauses, resumes or sends the link now. Each is recorded in the audit log.

import { hashToken, looksLikeToken } from "../../auth/tokens.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { amountDue } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { Actor, AppContext } from "../context.js";
import { composeMessage } from "./compose.js";
import type { OutreachService } from "./outreach-service.js";
import { toE164 } from "./phone.js";
import { SYSTEM_TEMPLATES } from "./templates.js";
import { inTransaction } from "./transaction.js";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT"]);

/** The debtor's one-click unsubscribe (RFC 8058): e-mail to this case stops; returns the locale. */
export async function unsubscribe(ctx: AppContext, token: string): Promise<{ locale: "fr" | "en" } | null> {
  if (!looksLikeToken(token)) return null;
  const m = await ctx.stores.outreach.messageByUnsubscribeHash(hashToken(token));
  if (!m) return null;
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    const seq = await tx.outreach.lockSequenceOfCase(m.caseId);
    if (!seq) return;
    if (!m.case.outreach?.emailOptOutAt) {
      await tx.outreach.updateSequence(seq.id, { emailOptOutAt: now });
      await tx.audit.append({
        actorType: "debtor",
        action: "outreach.unsubscribe",
        entity: "case",
        entityId: m.caseId,
        data: { channel: "email", messageId: m.id },
      });
    }
    await tx.outreach.cancelQueuedOnChannel(m.caseId, "email", "e-mail opted out", [
      "confirmation",
      "cancellation",
    ]);
  });
  return { locale: m.case.debtor.locale };
}

export function isStopWord(body: string): boolean {
  const first = body.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  return STOP_WORDS.has(first.replace(/[.!]+$/, ""));
}

/** An inbound SMS: STOP (and its variants) stops SMS to every case of that number. */
export async function inboundSms(ctx: AppContext, from: string, body: string): Promise<{ stopped: number }> {
  if (!isStopWord(body)) return { stopped: 0 };
  const now = ctx.clock.now();
  const candidates = await ctx.stores.outreach.casesWithPhone();
  const matching = candidates.filter(
    (c) => c.debtor.phone && toE164(c.debtor.phone, c.jurisdiction) === from,
  );
  for (const c of matching) {
    await inTransaction(ctx, async (tx) => {
      const seq = await tx.outreach.lockSequenceOfCase(c.id);
      if (!seq) return;
      await tx.outreach.updateSequence(seq.id, { smsOptOutAt: now });
      await tx.outreach.cancelQueuedOnChannel(c.id, "sms", "SMS opted out");
      await tx.audit.append({
        actorType: "debtor",
        action: "outreach.sms_stop",
        entity: "case",
        entityId: c.id,
        data: { channel: "sms" },
      });
    });
  }
  return { stopped: matching.length };
}

async function changeSequence(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  action: "pause" | "resume",
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const seq = await tx.outreach.lockSequenceOfCase(caseId);
    if (!seq) throw notFound("case");
    if (action === "pause") {
      await tx.outreach.updateSequence(seq.id, {
        status: "paused",
        reason: "collector",
        nextRunAt: null,
        updatedById: actor.userId,
      });
      await tx.outreach.cancelPending(caseId, "paused by a collector", [
        "reminder",
        "instalment_due",
        "instalment_missed",
      ]);
    } else {
      // A resumed sequence restarts at the step matching the case's age (planner: jump), at once.
      await tx.outreach.updateSequence(seq.id, {
        status: "active",
        reason: "resumed",
        nextRunAt: ctx.clock.now(),
        updatedById: actor.userId,
      });
    }
    await tx.audit.append({
      actorType: "user",
      actorId: actor.userId,
      action: `outreach.${action}`,
      entity: "case",
      entityId: caseId,
    });
  });
}

export const pauseSequence = (ctx: AppContext, actor: Actor, caseId: string) =>
  changeSequence(ctx, actor, caseId, "pause");
export const resumeSequence = (ctx: AppContext, actor: Actor, caseId: string) =>
  changeSequence(ctx, actor, caseId, "resume");

/** "Send the link now": a message with its own extra token, so the debtor's current link keeps working. */
export async function sendLinkNow(
  ctx: AppContext,
  outreach: OutreachService,
  actor: Actor,
  caseId: string,
  channel: "email" | "sms",
): Promise<{ messageId: string | null; status: string }> {
  await outreach.react(caseId);
  const result = await inTransaction(ctx, async (tx) => {
    await tx.outreach.lockSequenceOfCase(caseId);
    const c = await tx.outreach.outreachCase(caseId);
    if (!c) throw notFound("case");
    if (c.outreach?.status === "stopped")
      throw new AppError(
        "conflict",
        `No message can be sent: the sequence is stopped (${c.outreach.reason}).`,
      );
    const pack = (await ctx.policies.forVersion(c.policyVersionId, tx.policies)).pack;
    const facts = caseFacts(c);
    const due = amountDue(facts, pack, ctx.clock.now().toISOString().slice(0, 10));
    const composed = await composeMessage(ctx, tx, c, pack, due, {
      stepKey: `link:${ctx.clock.now().toISOString()}:${channel}`,
      kind: "link",
      channel,
      templateId: SYSTEM_TEMPLATES.sendLink,
      disclosureIds: pack.reminders?.disclosures ?? [],
    });
    await tx.audit.append({
      actorType: "user",
      actorId: actor.userId,
      action: "outreach.send_link",
      entity: "case",
      entityId: caseId,
      data: { channel, status: composed.status },
    });
    return composed;
  });
  await outreach.deliverDue();
  return { messageId: result.id, status: result.status };
}
