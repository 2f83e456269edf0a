// The debtor chat use cases: open a session from a link token, store messages (idempotently,
// before acknowledging them), run assistant turns one at a time per conversation, handle offer
// acceptance and declines, greet, and resume a turn that a restart interrupted.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { hashToken, looksLikeToken } from "../../auth/tokens.js";
import { findCaseByDebtorToken } from "../../db/cases.js";
import {
  addEvent,
  getOrCreateConversation,
  insertDebtorMessage,
  listMessages,
  saveState,
} from "../../db/conversations.js";
import { acceptOfferAsPromise, findOffer } from "../../db/negotiation.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { safeString } from "../../validation/user-text.js";
import type { AppContext } from "../context.js";
import { loadBundle } from "./case-bundle.js";
import { announceGreeting, confirmPromise } from "./system-replies.js";
import { declineOffer, type ForcedIntent, type Layers, runDebtorTurn } from "./turn-runner.js";
import { toWire, type WireMessage } from "./wire.js";

export const MAX_MESSAGE_LENGTH = 2000;

const clientMessageId = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[\w.:-]+$/, "may hold letters, digits, '-', '_', '.', ':' only");

export const debtorMessageInput = z.strictObject({
  clientMessageId,
  text: safeString({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
});

export const debtorActionInput = z
  .strictObject({
    clientMessageId,
    type: z.enum(["accept_offer", "decline_offer", "request_human"]),
    offerId: z.uuid("must be an offer id").optional(),
  })
  .refine((a) => a.type === "request_human" || a.offerId !== undefined, {
    message: "is required for accept_offer and decline_offer",
    path: ["offerId"],
  });

export interface DebtorSession {
  readonly caseId: string;
  readonly conversationId: string;
  readonly tokenId: string;
  readonly locale: "fr" | "en";
}

export interface ChatListener {
  message(conversationId: string, message: WireMessage): void;
  state(conversationId: string, status: string): void;
}

export class ChatService {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<ChatListener>();

  constructor(
    private readonly app: AppContext,
    private readonly layers: Layers,
  ) {}

  listen(listener: ChatListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pushes a stored message to the debtor's room (the console uses it for agent messages). */
  emitMessage(conversationId: string, message: WireMessage): void {
    for (const l of this.listeners) l.message(conversationId, message);
  }

  /** Pushes a case status change to the debtor and to domain-event subscribers. */
  emitState(conversationId: string, caseId: string, status: string): void {
    for (const l of this.listeners) l.state(conversationId, status);
    this.app.events.publish({ type: "case.status", caseId, status });
  }

  /** Runs `work` after everything already queued for the conversation: one turn at a time. */
  enqueue<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return next;
  }

  /** Waits until every queued turn of the conversation has run (tests, shutdown). */
  async idle(conversationId?: string): Promise<void> {
    const pending = conversationId ? [this.queues.get(conversationId)] : [...this.queues.values()];
    await Promise.all(pending);
  }

  async openSession(token: unknown): Promise<DebtorSession> {
    if (typeof token !== "string" || !looksLikeToken(token)) {
      throw new AppError(
        "link_invalid",
        "This link is not valid. Please use the link from your letter or email.",
      );
    }
    const access = await findCaseByDebtorToken(this.app.db.prisma, hashToken(token), this.app.clock.now());
    if (!access) throw new AppError("link_invalid", "This link is not valid or has expired.");
    const conversation = await getOrCreateConversation(this.app.db.prisma, access.caseId);
    if (conversation.lockedAt)
      throw new AppError("link_locked", "This link is locked. A member of our team will contact you.");
    const detail = await this.app.db.prisma.case.findUniqueOrThrow({
      where: { id: access.caseId },
      select: { debtor: { select: { locale: true } } },
    });
    return {
      caseId: access.caseId,
      conversationId: conversation.id,
      tokenId: access.id,
      locale: detail.debtor.locale,
    };
  }

  async history(session: DebtorSession): Promise<{ messages: WireMessage[]; status: string }> {
    const [rows, found] = await Promise.all([
      listMessages(this.app.db.prisma, session.conversationId),
      this.app.db.prisma.case.findUniqueOrThrow({ where: { id: session.caseId }, select: { status: true } }),
    ]);
    return { messages: rows.map(toWire), status: found.status };
  }

  /** Greets a new conversation, or answers a debtor message a restart left without reply. */
  async resume(session: DebtorSession): Promise<void> {
    await this.enqueue(session.conversationId, async () => {
      const rows = await listMessages(this.app.db.prisma, session.conversationId);
      if (rows.length === 0) {
        const bundle = await loadBundle(this.app, session.caseId, session.conversationId);
        const greeting = await announceGreeting(this.app, bundle);
        this.emitMessage(session.conversationId, greeting);
        return;
      }
      const last = rows.at(-1);
      if (last?.role === "debtor") await this.turn(session, last.text);
    });
  }

  async postMessage(session: DebtorSession, payload: unknown): Promise<{ id: string; created: boolean }> {
    const input = parseOrThrow(debtorMessageInput, payload, "message");
    const { message, created } = await insertDebtorMessage(
      this.app.db.prisma,
      session.conversationId,
      input.clientMessageId,
      input.text,
    );
    if (created) {
      this.emitMessage(session.conversationId, toWire(message));
      this.app.events.publish({
        type: "message.stored",
        caseId: session.caseId,
        conversationId: session.conversationId,
        messageId: message.id,
        role: "debtor",
      });
      void this.enqueue(session.conversationId, () => this.turn(session, input.text)).catch(
        (error: unknown) => this.turnFailed(session, error),
      );
    }
    return { id: message.id, created };
  }

  /**
   * A turn that failed (the database unreachable, say) must not leave the debtor waiting in silence.
   * They get a notice that is not stored (storage may be what failed): their message is kept, and
   * the next connection answers it (`resume`), or they send it again.
   */
  private turnFailed(session: DebtorSession, error: unknown): void {
    this.app.log.error({ err: error, conversationId: session.conversationId }, "assistant turn failed");
    this.emitMessage(session.conversationId, {
      id: `notice-${randomUUID()}`,
      role: "system",
      text: loadCatalogue(session.locale).render("turn_failed", {}, session.conversationId),
      createdAt: this.app.clock.now().toISOString(),
    });
  }

  /** A turn for a debtor message, or for an action (`forced` names the intent, no text). */
  private async turn(session: DebtorSession, text: string, forced?: ForcedIntent): Promise<void> {
    const out = await runDebtorTurn(this.app, this.layers, session, text, forced);
    if (out.message) this.emitMessage(session.conversationId, out.message);
    if (out.statusChanged) this.emitState(session.conversationId, session.caseId, out.status);
    if (out.escalation) {
      this.app.events.publish({
        type: "escalation.opened",
        caseId: session.caseId,
        escalationId: out.escalation.id,
        kind: out.escalation.kind,
      });
    }
  }

  /** Actions are stored as debtor messages too (clientMessageId makes retries idempotent). */
  async postAction(session: DebtorSession, payload: unknown): Promise<{ id: string; created: boolean }> {
    const input = parseOrThrow(debtorActionInput, payload, "action");
    return this.enqueue(session.conversationId, async () => {
      const label = input.type === "request_human" ? "request_human" : `${input.type}:${input.offerId}`;
      const { message, created } = await insertDebtorMessage(
        this.app.db.prisma,
        session.conversationId,
        input.clientMessageId,
        `[${label}]`,
      );
      if (!created) return { id: message.id, created };
      await this.app.db.prisma.message.update({
        where: { id: message.id },
        data: { role: "system", meta: { action: input.type, offerId: input.offerId ?? null } },
      });
      if (input.type === "accept_offer") await this.accept(session, input.offerId as string);
      else if (input.type === "decline_offer") await this.decline(session, input.offerId as string);
      else await this.requestHuman(session);
      return { id: message.id, created };
    });
  }

  private async accept(session: DebtorSession, offerId: string): Promise<void> {
    const now = this.app.clock.now();
    const offer = await findOffer(this.app.db.prisma, offerId);
    if (!offer || offer.caseId !== session.caseId)
      throw new AppError("offer_unavailable", "This offer does not exist.");
    const promise = await acceptOfferAsPromise(this.app.db.prisma, {
      offerId,
      caseId: session.caseId,
      // An offer a collector made by hand counts for the people, not the assistant (kept-rate split).
      obtainedBy: offer.source === "collector" ? "human" : "assistant",
      at: now,
      actor: session.tokenId,
    });
    if (!promise) {
      // Expired or superseded: say so, and put a fresh offer in front of the debtor.
      const status = offer.expiresAt <= now ? "expired" : offer.status;
      if (offer.status === "proposed")
        await this.app.db.prisma.offer.update({ where: { id: offerId }, data: { status: "expired" } });
      void this.enqueue(session.conversationId, () => this.turn(session, "", "decline")).catch(
        () => undefined,
      );
      throw new AppError(
        "offer_unavailable",
        `This offer is no longer open (${status}). A new offer follows.`,
        { status },
      );
    }
    const bundle = await loadBundle(this.app, session.caseId, session.conversationId);
    await saveState(this.app.db.prisma, session.conversationId, { ...bundle.state, phase: "promised" });
    await addEvent(this.app.db.prisma, session.conversationId, "promise.recorded", {
      promiseId: promise.id,
      offerId,
    });
    const confirmation = await confirmPromise(this.app, bundle, promise);
    this.emitMessage(session.conversationId, confirmation);
    this.emitState(session.conversationId, session.caseId, "promised");
    this.app.events.publish({
      type: "promise.updated",
      caseId: session.caseId,
      promiseId: promise.id,
      status: "active",
    });
  }

  private async decline(session: DebtorSession, offerId: string): Promise<void> {
    const offer = await findOffer(this.app.db.prisma, offerId);
    if (!offer || offer.caseId !== session.caseId)
      throw new AppError("offer_unavailable", "This offer does not exist.");
    if (offer.status !== "proposed")
      throw new AppError("offer_unavailable", `This offer is no longer open (${offer.status}).`);
    void this.enqueue(session.conversationId, async () => {
      const bundle = await loadBundle(this.app, session.caseId, session.conversationId);
      const turn = {
        state: bundle.state,
        verified: bundle.verified,
        verifyAttempts: bundle.verifyAttempts,
        offers: [],
        decisions: [],
        quotedAmounts: [],
      };
      await declineOffer(this.app, turn, offerId, offer.kind);
      await saveState(this.app.db.prisma, session.conversationId, turn.state);
      await this.turn(session, "", "decline");
    }).catch((error: unknown) => this.app.log.error({ err: error }, "decline turn failed"));
  }

  private async requestHuman(session: DebtorSession): Promise<void> {
    void this.enqueue(session.conversationId, () => this.turn(session, "", "request_human")).catch(
      (error: unknown) => this.app.log.error({ err: error }, "request_human turn failed"),
    );
  }
}
