// The outreach scheduler (issue 16). Each tick: give new cases a sequence, then, one locked sequence
// at a time, decide its next step (planner.ts) and compose it, then deliver what is queued with
// retries and backoff. Events make the sequence react at once: a stop-collection escalation stops
// it and cancels what is not yet out; an accepted or cancelled promise is confirmed in writing.
import { amountDue, type PolicyPack } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import type { DomainEvent } from "../events.js";
import type { TxStores } from "../ports/index.js";
import type { DeliveryRow, OutreachCase } from "../ports/outreach.js";
import { loadReceipt } from "../receipts/receipt-data.js";
import { buildReceiptIcs } from "../receipts/receipt-ics.js";
import { buildReceiptPdf } from "../receipts/receipt-pdf.js";
import { fileStem } from "../receipts/receipt-text.js";
import type { Channels, DeliveryResult } from "./channels.js";
import { CAPPED_KINDS, type ComposeRequest, composeMessage } from "./compose.js";
import { type PlanInstalment, plan } from "./planner.js";
import type { SendWindow } from "./send-window.js";
import { stopReason } from "./stop-rules.js";
import { SYSTEM_TEMPLATES } from "./templates.js";
import { inTransaction } from "./transaction.js";

const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
/** Backoff after the n-th failed attempt: 1 min, 5 min, 30 min, 2 h. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A sequence starts (again) at the case's age: when nothing of it was composed yet, when a collector
 * resumed it, or when a promise had taken over (its instalment reminders came last).
 */
export function startsAgain(c: Pick<OutreachCase, "outreach" | "outreachMessages">): boolean {
  if (c.outreach?.reason === "resumed") return true;
  const own = c.outreachMessages
    .filter((m) => m.stepKey.startsWith("step:") || m.kind.startsWith("instalment_"))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const last = own.at(-1);
  return last === undefined || last.kind.startsWith("instalment_");
}

export interface TickResult {
  readonly composed: number;
  readonly delivered: number;
}

export class OutreachService {
  private timer: NodeJS.Timeout | undefined;
  private firstRun: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly channels: Channels,
  ) {}

  /** Subscribes to domain events and, when intervalMs > 0, runs the periodic loop. */
  start(intervalMs: number): void {
    this.unsubscribe = this.ctx.events.subscribe((e) => this.track(this.onEvent(e)));
    if (intervalMs > 0) {
      const run = () => {
        if (this.running) return;
        this.running = this.tick()
          .catch((error) => this.ctx.log.error({ err: error }, "outreach tick failed"))
          .finally(() => (this.running = undefined));
      };
      this.timer = setInterval(run, intervalMs);
      this.timer.unref();
      // A first pass soon after boot, so that `npm start` shows the demo's reminders without a wait.
      this.firstRun = setTimeout(run, Math.min(intervalMs, 3_000));
      this.firstRun.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstRun) clearTimeout(this.firstRun);
    this.unsubscribe?.();
    await this.running;
    await this.idle();
  }

  /** Waits for event handlers in flight (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((error) => this.ctx.log.error({ err: error }, "outreach event handling failed"));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  async tick(): Promise<TickResult> {
    await this.ctx.stores.outreach.ensureSequences(this.ctx.clock.now());
    let composed = 0;
    for (let i = 0; i < 200; i++) {
      const result = await inTransaction(this.ctx, async (tx) => {
        const seq = await tx.outreach.lockDueSequence(this.ctx.clock.now());
        if (!seq) return null;
        const c = await tx.outreach.outreachCase(seq.caseId);
        if (!c) return 0;
        return this.advance(tx, c);
      });
      if (result === null) break;
      composed += result;
    }
    const delivered = await this.deliverDue();
    return { composed, delivered };
  }

  /** The case's pack; inside a transaction, pass it (its reader loads a version not yet cached). */
  private async packOf(c: { policyVersionId: string }, tx?: TxStores): Promise<PolicyPack> {
    return (await this.ctx.policies.forVersion(c.policyVersionId, tx?.policies)).pack;
  }

  /** Decides and composes the next step of one locked sequence; returns how many messages it composed. */
  private async advance(tx: TxStores, c: OutreachCase): Promise<number> {
    const seqId = c.outreach?.id as string;
    const now = this.ctx.clock.now();
    const pack = await this.packOf(c, tx);
    const reminders = pack.reminders;
    if (!reminders) {
      await tx.outreach.updateSequence(seqId, {
        status: "completed",
        reason: "no_sequence",
        nextRunAt: null,
      });
      return 0;
    }
    const stop = stopReason(
      c.status,
      c.escalations.map((e) => e.kind),
      pack,
    );
    if (stop) {
      await tx.outreach.updateSequence(seqId, { status: "stopped", reason: stop, nextRunAt: null });
      return 0;
    }
    const facts = caseFacts(c);
    const window: SendWindow = {
      timeZone: facts.timeZone,
      quietFrom: reminders.quietHours.from,
      quietTo: reminders.quietHours.to,
      workingDaysOnly: reminders.workingDaysOnly.value,
      jurisdiction: facts.jurisdiction,
      ...(facts.usState ? { usState: facts.usState } : {}),
    };
    const due = amountDue(facts, pack, day(now));
    if (due.total <= 0) {
      await tx.outreach.updateSequence(seqId, { status: "completed", reason: "paid", nextRunAt: null });
      return 0;
    }
    const promise = c.promises[0];
    const instalments: PlanInstalment[] | undefined = promise?.instalments.map((i) => ({
      id: i.id,
      seq: i.seq,
      dueDate: day(i.dueDate),
      paid: i.status === "paid",
    }));
    const decision = plan({
      now,
      reminders,
      window,
      oldestDueDate: [...facts.invoices].map((i) => i.dueAt).sort()[0] ?? day(now),
      nextStepIndex: c.outreach?.nextStepIndex ?? 0,
      jump: startsAgain(c),
      existingKeys: new Set(c.outreachMessages.map((m) => m.stepKey)),
      ...(instalments ? { promise: instalments } : {}),
      recentReminders: c.outreachMessages
        .filter((m) => (CAPPED_KINDS as readonly string[]).includes(m.kind))
        .filter((m) => !["skipped", "cancelled", "failed"].includes(m.status))
        .map((m) => m.createdAt),
    });
    if (decision.kind === "done") {
      await tx.outreach.updateSequence(seqId, {
        status: "completed",
        reason: "steps_ended",
        nextRunAt: null,
      });
      return 0;
    }
    if (decision.kind === "wait") {
      await tx.outreach.updateSequence(seqId, { nextRunAt: decision.until });
      return 0;
    }
    const what = decision.what;
    let req: ComposeRequest;
    if (what.kind === "step") {
      req = {
        stepKey: what.key,
        kind: what.step.channel === "task" ? "task" : "reminder",
        channel: what.step.channel,
        templateId: what.step.template,
        disclosureIds: [...what.step.disclosures, ...reminders.disclosures],
        respondBy: decision.respondBy,
      };
    } else {
      const inst = promise?.instalments.find((i) => i.id === what.instalment.id);
      req = {
        stepKey: what.key,
        kind: what.kind,
        channel: reminders.promise.channel,
        templateId:
          what.kind === "instalment_due" ? SYSTEM_TEMPLATES.instalmentDue : SYSTEM_TEMPLATES.instalmentMissed,
        disclosureIds: reminders.disclosures,
        respondBy: decision.respondBy,
        instalment: {
          amount: Number((inst?.amount ?? 0n) - (inst?.paidAmount ?? 0n)),
          dueDate: what.instalment.dueDate,
        },
        ...(promise ? { promiseId: promise.id } : {}),
      };
    }
    const result = await composeMessage(this.ctx, tx, c, pack, due, req);
    // Look again shortly: the next step's date, the cap and the window are worked out then.
    await tx.outreach.updateSequence(seqId, {
      ...(what.kind === "step" ? { nextStepIndex: what.index + 1, reason: null } : {}),
      nextRunAt: new Date(now.getTime() + 60_000),
    });
    return result.id ? 1 : 0;
  }

  /** Delivers what is queued and due, each message claimed by exactly one worker. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (let round = 0; round < 50; round++) {
      const claimed = await this.ctx.stores.outreach.claimDeliveries(this.ctx.clock.now(), LEASE_MS, 20);
      if (claimed.length === 0) break;
      for (const { id } of claimed) if (await this.deliverOne(id)) delivered++;
    }
    return delivered;
  }

  private async deliverOne(id: string): Promise<boolean> {
    const outreach = this.ctx.stores.outreach;
    const m = await outreach.messageForDelivery(id);
    if (!m) return false;
    const now = this.ctx.clock.now();
    // A dispute or a stop may have arrived since the message was composed: reminders then stay unsent.
    if (m.kind !== "confirmation" && m.kind !== "cancellation") {
      const stop = stopReason(
        m.case.status,
        m.case.escalations.map((e) => e.kind),
        await this.packOf(m.case),
      );
      const optedOut =
        (m.channel === "email" && m.case.outreach?.emailOptOutAt) ||
        (m.channel === "sms" && m.case.outreach?.smsOptOutAt);
      if (stop || optedOut) {
        await outreach.finishDelivery(id, { status: "cancelled", error: stop ?? `${m.channel} opted out` });
        return false;
      }
    }
    const result = await this.send(m);
    if (result.ok) {
      await outreach.finishDelivery(id, {
        status: "sent",
        transport: result.transport,
        sentAt: now,
        error: null,
      });
      return true;
    }
    if (result.permanent || m.attempts >= MAX_ATTEMPTS) {
      await outreach.finishDelivery(id, { status: "failed", error: result.error });
      await inTransaction(this.ctx, (tx) =>
        tx.audit.append({
          actorType: "system",
          action: "outreach.delivery_failed",
          entity: "case",
          entityId: m.caseId,
          data: { messageId: id, channel: m.channel, error: result.error, permanent: result.permanent },
        }),
      );
      return false;
    }
    const wait = BACKOFF_MS[Math.min(m.attempts - 1, BACKOFF_MS.length - 1)] ?? 60_000;
    await outreach.finishDelivery(id, {
      status: "queued",
      error: result.error,
      nextAttemptAt: new Date(now.getTime() + wait),
    });
    return false;
  }

  private async send(m: DeliveryRow): Promise<DeliveryResult> {
    if (!m.recipient) return { ok: false, permanent: true, error: "no recipient" };
    if (m.channel === "sms") return this.channels.sms(m.recipient, m.text);
    // RFC 2369 and RFC 8058: clients show an unsubscribe button that POSTs to this URL.
    const unsubscribeUrl = /https?:\/\/\S+\/u\/[A-Za-z0-9_-]{43}/.exec(m.text)?.[0];
    const attachments =
      m.kind === "confirmation" && m.promiseId ? await this.receiptFiles(m.caseId, m.promiseId) : [];
    return this.channels.email({
      to: m.recipient,
      subject: m.subject ?? "",
      text: m.text,
      ...(m.html ? { html: m.html } : {}),
      ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }

  private async receiptFiles(caseId: string, promiseId: string) {
    const data = await loadReceipt(this.ctx, caseId, promiseId);
    if (!data) return [];
    const stem = fileStem(data);
    return [
      { filename: `${stem}.pdf`, content: await buildReceiptPdf(data), contentType: "application/pdf" },
      { filename: `${stem}.ics`, content: Buffer.from(buildReceiptIcs(data)), contentType: "text/calendar" },
    ];
  }

  private async onEvent(e: DomainEvent): Promise<void> {
    // A case that becomes verifying or negotiating changes nothing for its sequence (a collector
    // resumes a stopped one; a cancelled promise arrives as promise.updated): no work per chat turn.
    const quiet = e.type === "case.status" && (e.status === "verifying" || e.status === "negotiating");
    if (e.type === "escalation.opened" || (e.type === "case.status" && !quiet)) await this.react(e.caseId);
    if (e.type === "promise.updated") {
      if (e.status === "active") await this.confirm(e.caseId, e.promiseId, "confirmation");
      if (e.status === "cancelled") await this.confirm(e.caseId, e.promiseId, "cancellation");
      await this.react(e.caseId);
    }
  }

  /** Re-evaluates a case now: stops its sequence at once when contact must stop. */
  async react(caseId: string): Promise<void> {
    await this.ctx.stores.outreach.ensureSequences(this.ctx.clock.now(), caseId);
    await inTransaction(this.ctx, async (tx) => {
      const seq = await tx.outreach.lockSequenceOfCase(caseId);
      const c = await tx.outreach.outreachCase(caseId);
      if (!seq || !c || c.outreach?.status !== "active") return;
      const stop = stopReason(
        c.status,
        c.escalations.map((x) => x.kind),
        await this.packOf(c, tx),
      );
      if (stop) {
        await tx.outreach.updateSequence(seq.id, { status: "stopped", reason: stop, nextRunAt: null });
        await tx.outreach.cancelPending(caseId, stop, [
          "reminder",
          "instalment_due",
          "instalment_missed",
          "link",
        ]);
      } else {
        await tx.outreach.updateSequence(seq.id, { nextRunAt: this.ctx.clock.now() });
      }
    });
  }

  /** Written confirmation of an accepted (or cancelled) promise, sent at once whatever the hour. */
  async confirm(caseId: string, promiseId: string, kind: "confirmation" | "cancellation"): Promise<void> {
    await this.ctx.stores.outreach.ensureSequences(this.ctx.clock.now(), caseId);
    await inTransaction(this.ctx, async (tx) => {
      await tx.outreach.lockSequenceOfCase(caseId);
      const c = await tx.outreach.outreachCase(caseId);
      if (!c) return;
      const pack = await this.packOf(c, tx);
      const full = await tx.outreach.promiseWithInstalments(promiseId);
      if (!full || full.caseId !== caseId) return;
      const facts = caseFacts(c);
      const due = amountDue(facts, pack, day(this.ctx.clock.now()));
      const disclosureIds = pack.reminders?.disclosures ?? [];
      const plan = {
        total: Number(full.total),
        currency: full.currency,
        instalments: full.instalments.map((i) => ({ amount: Number(i.amount), dueDate: day(i.dueDate) })),
      };
      const template = kind === "confirmation" ? SYSTEM_TEMPLATES.accepted : SYSTEM_TEMPLATES.cancelled;
      const channels =
        kind === "confirmation" && c.debtor.phone ? (["email", "sms"] as const) : (["email"] as const);
      for (const channel of channels) {
        await composeMessage(this.ctx, tx, c, pack, due, {
          stepKey: `promise:${promiseId}:${kind}:${channel}`,
          kind,
          channel,
          templateId: template,
          disclosureIds,
          plan,
          promiseId,
        });
      }
    });
    await this.deliverDue();
  }
}
