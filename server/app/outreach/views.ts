// What the console shows: a case's sequence (past messages with their delivery status, the next
// step and its date, opt-outs, when the debtor last opened a link), the creditor-wide outbox and the
// to-do tasks. Recipients are shown to staff (they hold the case) but never logged.
import {
  type Outbox,
  type OutreachDetail,
  type OutreachMessage,
  type OutreachSequence,
  outboxFilters,
} from "../../../contract/outreach.js";
import { notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { addDays } from "../../policy/index.js";
import type { Actor, AppContext } from "../context.js";
import type { OutreachMessageRow } from "../ports/rows.js";
import { buildLetterPdf } from "./letter-pdf.js";
import { startsAgain } from "./outreach-service.js";

type MessageRow = OutreachMessageRow;

function messageView(m: MessageRow): OutreachMessage {
  return {
    id: m.id,
    stepKey: m.stepKey,
    kind: m.kind,
    // Stored as text; written only from a reminder step's channel (the pack schema's list).
    channel: m.channel as OutreachMessage["channel"],
    templateId: m.templateId,
    recipient: m.recipient,
    subject: m.subject,
    status: m.status,
    transport: m.transport,
    attempts: m.attempts,
    error: m.error,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export async function caseSequence(ctx: AppContext, caseId: string): Promise<OutreachSequence> {
  const c = await ctx.stores.outreach.outreachCase(caseId);
  if (!c) throw notFound("case");
  const pack = (await ctx.policies.forVersion(c.policyVersionId)).pack;
  const seq = c.outreach;
  const steps = pack.reminders?.steps ?? [];
  const oldest = c.invoices.map((i) => i.dueAt.toISOString().slice(0, 10)).sort()[0];
  const today = ctx.clock.now().toISOString().slice(0, 10);
  // What the planner will pick: the latest step whose day has come when the sequence (re)starts.
  const remaining = steps
    .map((step, index) => ({ step, index }))
    .filter((x) => x.index >= (seq?.nextStepIndex ?? 0));
  const comeDue = oldest ? remaining.filter((x) => addDays(oldest, x.step.day) <= today) : [];
  const next =
    seq?.status !== "active"
      ? undefined
      : startsAgain(c) && comeDue.length > 0
        ? comeDue.at(-1)?.step
        : remaining[0]?.step;
  const messages = await ctx.stores.outreach.caseMessages(caseId);
  return {
    status: seq?.status ?? "not_started",
    reason: seq?.reason ?? null,
    nextRunAt: seq?.nextRunAt?.toISOString() ?? null,
    nextStep:
      next && oldest
        ? { id: next.id, channel: next.channel, tone: next.tone, date: addDays(oldest, next.day) }
        : null,
    emailOptOutAt: seq?.emailOptOutAt?.toISOString() ?? null,
    smsOptOutAt: seq?.smsOptOutAt?.toISOString() ?? null,
    lastOpenedAt: (await ctx.stores.outreach.lastLinkOpening(caseId))?.toISOString() ?? null,
    steps: steps.map((s) => ({
      id: s.id,
      day: s.day,
      channel: s.channel,
      tone: s.tone,
      template: s.template,
    })),
    messages: messages.map(messageView),
  };
}

export async function outbox(ctx: AppContext, query: unknown): Promise<Outbox> {
  const f = parseOrThrow(outboxFilters, query, "outbox filters");
  const rows = await ctx.stores.outreach.outbox(f);
  return {
    messages: rows.map((m) => ({
      ...messageView(m),
      caseId: m.caseId,
      reference: m.case.reference,
      creditor: m.case.creditor.name,
    })),
  };
}

export async function messageDetail(ctx: AppContext, id: string): Promise<OutreachDetail> {
  const m = await ctx.stores.outreach.message(id);
  if (!m) throw notFound("message");
  return { ...messageView(m), caseId: m.caseId, text: m.text, html: m.html };
}

export async function letterPdf(ctx: AppContext, id: string): Promise<{ pdf: Buffer; filename: string }> {
  const m = await ctx.stores.outreach.message(id);
  if (m?.channel !== "letter") throw notFound("letter");
  const pdf = await buildLetterPdf({
    locale: m.case.debtor.locale,
    creditorName: m.case.creditor.name,
    debtorName: m.case.debtor.name,
    date: m.createdAt.toISOString().slice(0, 10),
    subject: m.subject ?? "",
    text: m.text,
  });
  return { pdf, filename: `${m.case.reference}-${m.stepKey.replace(/[^a-z0-9-]/gi, "-")}.pdf` };
}

export async function completeTask(ctx: AppContext, actor: Actor, id: string) {
  const m = await ctx.stores.outreach.message(id);
  if (m?.channel !== "task") throw notFound("task");
  await ctx.stores.outreach.setTaskDone(id, actor.userId, ctx.clock.now());
  return { id, status: "done" };
}
