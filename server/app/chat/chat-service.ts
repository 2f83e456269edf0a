// The debtor chat use cases: open a session from a link token, store messages (idempotently,
// before acknowledging them), run assistant turns one at a time per conversation, handle offer
// acceptance, declines and requests for a person, greet, and resume a turn that a restart
// interrupted. Every debtor message is answered exactly once (the conversation records which one
// was answered last, and a turn claims its message when it commits); every turn and every action
// is written in one transaction, acknowledged once written. See
// docs/decisions/0001-one-transaction-per-turn.md.
import { randomUUID } from "node:crypto";
import {
  type DebtorActionInput,
  debtorActionInput,
  debtorMessageInput,
} from "../../../contract/debtor-socket.js";
import type { CaseStatus, EscalationKind } from "../../../contract/enums.js";
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { hashToken, looksLikeToken } from "../../auth/tokens.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { statusOf } from "../../negotiation/conversation-state.js";
import type { AppContext } from "../context.js";
import { loadPaymentInstructions } from "../payments/instructions.js";
import type {
  DebtorHistory,
  HistoryEntry,
  MessageWrite,
  StoreDebtorMessageResult,
  StoredAndAnswered,
  TurnClaim,
  TurnContextRow,
  TurnTxStore,
} from "../ports/chat.js";
import { buildBundle, type CaseBundle } from "./case-bundle.js";
import { composeGreeting, composePromiseConfirmation } from "./system-replies.js";
import { TurnCache } from "./turn-cache.js";
import {
  type CommittedTurn,
  commitTurn,
  type ForcedIntent,
  type Layers,
  type PreparedTurn,
  plainCommit,
  prepareTurn,
  StaleTurnError,
} from "./turn-runner.js";
import { newId, startTurnState } from "./turn-state.js";
import { toWire, type WireMessage } from "./wire.js";

export interface DebtorSession {
  readonly caseId: string;
  readonly conversationId: string;
  readonly tokenId: string;
  readonly locale: "fr" | "en";
}

/** What the debtor is shown: the conversation in wire form and the case's status. */
export interface DebtorView {
  readonly messages: WireMessage[];
  readonly status: string;
  /** True when the conversation had nothing for `resume` to do when it was read. */
  readonly settled: boolean;
  /** A turn's context read with the view, when this instance held none (decision 0112). */
  readonly context?: TurnContextRow;
}

/**
 * Whether `resume` would leave the conversation alone: it is greeted and its last message is not a
 * debtor message still waiting for its answer (the rule `resume` applies to a fresh read).
 */
export function isSettled(messages: readonly { seq: number; role: string }[], answeredSeq: number): boolean {
  const last = messages.at(-1);
  if (!last) return false;
  return !(last.role === "debtor" && last.seq > answeredSeq);
}

function viewOf(history: DebtorHistory): DebtorView {
  return {
    messages: history.messages.map(toWire),
    status: history.status,
    settled: isSettled(history.messages, history.answeredSeq),
  };
}

/** How often a turn reruns when what it read changed before it could commit. */
const MAX_STALE_RETRIES = 3;

type ActionInput = DebtorActionInput;

export class ChatService {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Debtor messages whose turn is queued or running, per conversation: resume leaves them alone. */
  private readonly pending = new Map<string, Set<number>>();
  private readonly cache = new TurnCache();

  constructor(
    private readonly app: AppContext,
    private readonly layers: Layers,
  ) {}

  /** Publishes a status change of the session's case: the debtor's page and the console follow it. */
  private publishState(session: DebtorSession, status: CaseStatus): void {
    this.app.events.publish({
      type: "case.status",
      caseId: session.caseId,
      conversationId: session.conversationId,
      status,
    });
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

  /** Forgets what is cached of a conversation (a collector changed it outside the chat). */
  invalidate(conversationId: string): void {
    this.cache.drop(conversationId);
  }

  /**
   * Opens a debtor link in one statement (decision 0105): checks it, records its use, creates the
   * conversation on the first visit; reads what the debtor is shown too ("history"), and a turn's
   * context ("context").
   */
  private async open(token: unknown, read: "link" | "history" | "context") {
    if (typeof token !== "string" || !looksLikeToken(token)) {
      throw new AppError(
        "link_invalid",
        "This link is not valid. Please use the link from your letter or email.",
      );
    }
    const opened = await this.app.stores.chat.openConnection(hashToken(token), this.app.clock.now(), read);
    if (!opened) throw new AppError("link_invalid", "This link is not valid or has expired.");
    if (opened.conversation.lockedAt)
      throw new AppError("link_locked", "This link is locked. A member of our team will contact you.");
    const session: DebtorSession = {
      caseId: opened.caseId,
      conversationId: opened.conversation.id,
      tokenId: opened.tokenId,
      locale: opened.locale,
    };
    const context = opened.history?.context;
    if (context) this.keep(session, context);
    const view = opened.history ? viewOf(opened.history) : null;
    return { session, history: view && context ? { ...view, context } : view };
  }

  async openSession(token: unknown): Promise<DebtorSession> {
    return (await this.open(token, "link")).session;
  }

  /** A debtor link opened with what the debtor is shown, in one statement (the page's first view). */
  async openWithHistory(token: unknown): Promise<{ session: DebtorSession; view: DebtorView }> {
    const { session, history } = await this.open(token, "history");
    if (!history) throw new Error("the debtor link was opened without its history");
    return { session, view: history };
  }

  /**
   * A debtor link opened with what the debtor is shown and a turn's context, in one statement (a
   * socket's handshake, decision 0117): `resume` then reads nothing, and the first message may be
   * stored and answered in one statement (decision 0116).
   */
  async openWithContext(token: unknown): Promise<{ session: DebtorSession; view: DebtorView }> {
    const { session, history } = await this.open(token, "context");
    if (!history) throw new Error("the debtor link was opened without its history");
    return { session, view: history };
  }

  /**
   * What the debtor is shown: the conversation and the case's status, in one statement; with the
   * turn's context when this instance holds none of the case (a greeting or a resumed answer then
   * reads nothing more, decision 0112).
   */
  async history(session: DebtorSession): Promise<DebtorView> {
    const withContext = !this.cache.get(session.conversationId)?.case;
    const read = await this.app.stores.chat.history(session.caseId, session.conversationId, withContext);
    if (!read.context) return viewOf(read);
    this.keep(session, read.context);
    return { ...viewOf(read), context: read.context };
  }

  /** Caches a turn context read on the way (with the debtor's view, with a stored message). */
  private keep(session: DebtorSession, read: TurnContextRow): void {
    this.cache.fill(session.conversationId, {
      case: { detail: read.case, fingerprint: read.caseFingerprint },
      conversation: read.conversation,
      history: read.history,
    });
  }

  /**
   * Greets a new conversation, or answers the last debtor message when a restart or a failure left
   * it without reply. A message whose own turn is queued or running is left to that turn; one that
   * a turn answered meanwhile is refused by the claim at commit time.
   */
  async resume(session: DebtorSession, seen?: Pick<DebtorView, "settled" | "context">): Promise<void> {
    // The debtor's view was just read: greeted, its last debtor message answered. A message stored
    // since then has its own turn (on whichever instance stored it), so nothing is read again.
    if (seen?.settled) return;
    // The view's own context read serves when no turn of the conversation ran since (none queued);
    // a stale one is caught by the claim anyway.
    const known = this.queues.has(session.conversationId) ? undefined : seen?.context;
    await this.enqueue(session.conversationId, async () => {
      const read = known ?? (await this.readFresh(session));
      if (read.lastSeq === 0) {
        await this.greet(session);
        return;
      }
      const last = read.lastDebtor;
      if (!last || last.seq !== read.lastSeq) return;
      if (last.seq <= read.conversation.answeredSeq || this.isPending(session, last.seq)) return;
      await this.answer(session, last.seq, last.text);
    });
  }

  async postMessage(session: DebtorSession, payload: unknown): Promise<{ id: string; created: boolean }> {
    const input = parseOrThrow(debtorMessageInput, payload, "message");
    // Nothing of the conversation under way here: the message and its answer may go in one statement.
    const inline = this.queues.has(session.conversationId)
      ? null
      : await this.enqueue(session.conversationId, () => this.storeAndAnswer(session, input));
    if (inline?.answered) return { id: inline.answered, created: true };
    // Holding nothing of the case (a first message here, or the one after a turn that wrote case
    // data), the store reads the turn's whole context with the message: the turn reads nothing.
    const needsCase = !this.cache.get(session.conversationId)?.case;
    const stored =
      inline?.stored ??
      (await this.app.stores.chat.storeDebtorMessage(
        session.conversationId,
        input.clientMessageId,
        input.text,
        needsCase ? session.caseId : undefined,
      ));
    if (stored.created) {
      const m = stored.message;
      if (m.context) this.keep(session, m.context);
      else
        this.cache.note(session.conversationId, m.conversation, [
          ...m.history,
          { seq: m.seq, role: "debtor", text: m.text },
        ]);
      this.publishDebtorMessage(session, m);
      this.schedule(session, m.seq, m.text);
      return { id: m.id, created: true };
    }
    // A resend (the page's outbox after a lost ack, a crash before the reply): the message is kept
    // once; if it is still the last one and unanswered, with no turn under way, it is answered now.
    const m = stored.message;
    if (
      m.role === "debtor" &&
      m.seq === m.lastSeq &&
      m.seq > m.answeredSeq &&
      !this.isPending(session, m.seq)
    )
      this.schedule(session, m.seq, m.text);
    return { id: m.id, created: false };
  }

  /**
   * A debtor message stored and answered in one statement (decision 0116), run in the conversation's
   * queue when nothing else of it is under way here: this instance holds the turn's context, the
   * conversation is settled, the offline engine answers (a model's seconds would hold back the ack)
   * and the turn has no writes of its own. The turn is prepared for the message taking the number
   * after the last one known, and committed only if it did. Returns `answered` (the message's id)
   * when both were written; `stored` when the message was stored but not answered (a repeat, or
   * another message or change came first: the usual path answers it from a fresh read); null when
   * nothing was written and the usual path must store the message.
   */
  private async storeAndAnswer(
    session: DebtorSession,
    input: { clientMessageId: string; text: string },
  ): Promise<{ answered?: string; stored?: StoreDebtorMessageResult } | null> {
    const id = session.conversationId;
    const cached = this.cache.get(id);
    if (!cached?.case || !isSettled(cached.history, cached.conversation.answeredSeq)) return null;
    const bundle = await buildBundle(
      this.app,
      cached.case.detail,
      cached.case.fingerprint,
      cached.conversation,
    );
    if (this.layers.primary !== this.layers.offline && bundle.state.phase !== "verifying") return null;
    const seq = (cached.history.at(-1)?.seq ?? 0) + 1;
    const entry: HistoryEntry = { seq, role: "debtor", text: input.text };
    let prepared: PreparedTurn;
    try {
      prepared = await prepareTurn(this.app, this.layers, bundle, [...cached.history, entry], input.text);
    } catch {
      // The usual path stores the message first, then fails the turn as it does (and says so).
      return null;
    }
    const claim: TurnClaim = { kind: "answer", seq };
    const plain = prepared.reply ? plainCommit(this.app, prepared, claim) : null;
    if (!plain) return null;
    let out: StoredAndAnswered;
    try {
      out = await this.app.stores.chat.storeAndAnswer({
        clientMessageId: input.clientMessageId,
        text: input.text,
        commit: plain.input,
      });
    } catch (error) {
      // Nothing was written. A failure of the turn's writes must not cost the debtor their message:
      // the usual path stores it alone, then runs the turn (which tells them if it fails again).
      // Said here because the usual path may well succeed and hide it.
      this.app.log.warn({ err: error, conversationId: id }, "message and answer in one statement failed");
      this.cache.drop(id);
      return null;
    }
    let committed: CommittedTurn | null = null;
    try {
      committed = out.commit ? plain.finish(out.commit) : null;
    } catch (error) {
      if (!(error instanceof StaleTurnError)) throw error;
    }
    const stored = out.stored;
    if (!stored.created || committed?.claim !== "claimed") {
      // What this instance held was behind: the turn that answers the message reads afresh.
      if (stored.created) this.cache.drop(id);
      return { stored };
    }
    this.cache.note(id, bundle.conversation, [entry]);
    this.remember(session, prepared, committed, claim);
    this.publishDebtorMessage(session, stored.message);
    this.publish(session, committed);
    return { answered: stored.message.id };
  }

  /** A debtor message just stored, to the debtor's page and the console. */
  private publishDebtorMessage(
    session: DebtorSession,
    m: { id: string; text: string; createdAt: Date },
  ): void {
    this.app.events.publish({
      type: "message.stored",
      caseId: session.caseId,
      conversationId: session.conversationId,
      origin: "debtor",
      message: { id: m.id, role: "debtor", text: m.text, createdAt: m.createdAt.toISOString() },
      meta: {},
    });
  }

  private isPending(session: DebtorSession, seq: number): boolean {
    return this.pending.get(session.conversationId)?.has(seq) ?? false;
  }

  /** Queues the turn that answers a stored debtor message. */
  private schedule(session: DebtorSession, seq: number, text: string): void {
    const id = session.conversationId;
    let seqs = this.pending.get(id);
    if (!seqs) {
      seqs = new Set();
      this.pending.set(id, seqs);
    }
    seqs.add(seq);
    void this.enqueue(id, () => this.answer(session, seq, text))
      .catch((error: unknown) => this.turnFailed(session, error))
      .finally(() => {
        const set = this.pending.get(id);
        set?.delete(seq);
        if (set?.size === 0) this.pending.delete(id);
      });
  }

  /**
   * A turn that failed (the database unreachable, say) must not leave the debtor waiting in silence.
   * They get a notice that is not stored (storage may be what failed): their message is kept, and
   * the next connection answers it (`resume`), or they send it again.
   */
  private turnFailed(session: DebtorSession, error: unknown): void {
    this.cache.drop(session.conversationId);
    this.app.log.error({ err: error, conversationId: session.conversationId }, "assistant turn failed");
    this.app.events.publish({
      type: "notice.sent",
      caseId: session.caseId,
      conversationId: session.conversationId,
      message: {
        id: `notice-${randomUUID()}`,
        role: "system",
        text: loadCatalogue(session.locale).render("turn_failed", {}, session.conversationId),
        createdAt: this.app.clock.now().toISOString(),
      },
    });
  }

  /**
   * The debtor's conversation could not be shown or greeted when they connected (the database
   * unreachable, say): instead of a page that waits in silence, a notice that is not stored (storage
   * may be what failed) asks them to reload, which connects again and retries.
   */
  sessionFailed(session: DebtorSession, error: unknown): WireMessage {
    this.cache.drop(session.conversationId);
    this.app.log.error({ err: error, conversationId: session.conversationId }, "debtor session start failed");
    return {
      id: `notice-${randomUUID()}`,
      role: "system",
      text: loadCatalogue(session.locale).render("session_failed", {}, session.conversationId),
      createdAt: this.app.clock.now().toISOString(),
    };
  }

  /** Reads the case and the conversation afresh (one statement) and caches them. */
  private async readFresh(session: DebtorSession) {
    const read = await this.app.stores.chat.turnContext(session.caseId, session.conversationId);
    if (!read) throw new Error(`case ${session.caseId} vanished`);
    this.cache.set(session.conversationId, {
      case: { detail: read.case, fingerprint: read.caseFingerprint },
      conversation: read.conversation,
      history: read.history,
    });
    return read;
  }

  /** What a turn reads: from the cache when it holds the case, otherwise from the database. */
  private async read(
    session: DebtorSession,
    fresh: boolean,
  ): Promise<{ bundle: CaseBundle; history: HistoryEntry[] }> {
    let cached = fresh ? undefined : this.cache.get(session.conversationId);
    if (!cached?.case) {
      await this.readFresh(session);
      cached = this.cache.get(session.conversationId);
    }
    if (!cached?.case) throw new Error(`conversation ${session.conversationId} could not be read`);
    const bundle = await buildBundle(
      this.app,
      cached.case.detail,
      cached.case.fingerprint,
      cached.conversation,
    );
    return { bundle, history: cached.history };
  }

  /**
   * Prepares and commits one turn, rerunning it when what it read changed before the commit (the
   * claim under the conversation's lock says so). `prepare` returns null when there is nothing to do.
   */
  private async runTurn(
    session: DebtorSession,
    claim: TurnClaim,
    prepare: (read: { bundle: CaseBundle; history: HistoryEntry[] }) => Promise<PreparedTurn | null>,
    options: {
      leading?: (bundle: CaseBundle) => MessageWrite[];
      inside?: (tx: TurnTxStore, bundle: CaseBundle) => Promise<void>;
      /** Read the database even on a cache hit (actions: rare, and they name an offer to find). */
      fresh?: boolean;
    } = {},
  ): Promise<CommittedTurn | null> {
    for (let attempt = 0; ; attempt++) {
      const read = await this.read(session, attempt > 0 || options.fresh === true);
      const prepared = await prepare(read);
      if (!prepared) return null;
      try {
        const inside = options.inside;
        const out = await commitTurn(
          this.app,
          this.app.stores.chat,
          prepared,
          claim,
          options.leading?.(prepared.bundle) ?? [],
          inside ? (t) => inside(t, prepared.bundle) : undefined,
        );
        this.remember(session, prepared, out, claim);
        return out;
      } catch (error) {
        if (!(error instanceof StaleTurnError) || attempt + 1 >= MAX_STALE_RETRIES) {
          this.cache.drop(session.conversationId);
          throw error;
        }
        this.app.log.debug({ conversationId: session.conversationId }, "turn read stale data; rerunning it");
      }
    }
  }

  /** Keeps the cache in step with what the turn wrote (no read-back). */
  private remember(
    session: DebtorSession,
    prepared: PreparedTurn,
    out: CommittedTurn,
    claim: TurnClaim,
  ): void {
    const id = session.conversationId;
    if (out.claim !== "claimed") return;
    const { turn, bundle } = prepared;
    this.cache.note(
      id,
      {
        ...bundle.conversation,
        state: turn.state,
        verifyAttempts: turn.verifyAttempts,
        verifiedAt: turn.verifiedAt,
        lockedAt: turn.lockedAt,
        humanOwnerId: out.humanOwnerId,
        answeredSeq: Math.max(bundle.conversation.answeredSeq, claim.kind === "answer" ? claim.seq : 0),
        version: out.version,
      },
      out.written
        .filter((w) => !w.action)
        .map((w) => ({ seq: w.seq, role: w.role as HistoryEntry["role"], text: w.text })),
    );
    if (out.caseAfter) {
      const after = out.caseAfter;
      this.cache.replaceCase(id, bundle.detail, (detail) => ({
        detail: { ...detail, status: after.status },
        fingerprint: after.fingerprint,
      }));
    } else if (out.caseWritten) this.cache.dropCase(id);
  }

  private publish(session: DebtorSession, out: CommittedTurn | null): void {
    if (out?.claim !== "claimed") return;
    if (out.message)
      this.app.events.publish({
        type: "message.stored",
        caseId: session.caseId,
        conversationId: session.conversationId,
        origin: "turn",
        message: out.message,
      });
    if (out.statusChanged) this.publishState(session, out.status as CaseStatus);
    if (out.escalation) {
      this.app.events.publish({
        type: "escalation.opened",
        caseId: session.caseId,
        escalationId: out.escalation.id,
        kind: out.escalation.kind as EscalationKind,
      });
    }
    if (out.withdrawn) {
      this.app.events.publish({
        type: "escalation.updated",
        caseId: session.caseId,
        escalationId: out.withdrawn.id,
        status: "resolved",
      });
    }
  }

  private async greet(session: DebtorSession): Promise<void> {
    const out = await this.runTurn(session, { kind: "greeting" }, async ({ bundle }) => {
      const greeting = composeGreeting(this.app, bundle);
      return {
        bundle,
        turn: startTurnState(bundle, greeting.state),
        reply: greeting.message,
        events: greeting.events,
        before: statusOf(bundle.state.phase),
      };
    });
    this.publish(session, out);
  }

  /** The turn answering debtor message `seq`; nothing happens if it is already answered. */
  private async answer(session: DebtorSession, seq: number, text: string): Promise<void> {
    const out = await this.runTurn(session, { kind: "answer", seq }, async ({ bundle, history }) => {
      if (bundle.conversation.answeredSeq >= seq) return null;
      const prepared = await prepareTurn(
        this.app,
        this.layers,
        bundle,
        history.filter((h) => h.seq <= seq),
        text,
      );
      // A person owns the conversation: the assistant stays silent and writes nothing.
      return prepared.reply ? prepared : null;
    });
    this.publish(session, out);
  }

  /**
   * Actions (accept, decline, ask for a person) are recorded with their effect in one transaction:
   * a system record (never debtor text) carrying the clientMessageId, so that a retry returns the
   * same id and never acts twice.
   */
  async postAction(session: DebtorSession, payload: unknown): Promise<{ id: string; created: boolean }> {
    const input = parseOrThrow(debtorActionInput, payload, "action");
    return this.enqueue(session.conversationId, async () => {
      const existing = await this.app.stores.chat.findByClientMessageId(
        session.conversationId,
        input.clientMessageId,
      );
      if (existing) return { id: existing.id, created: false };
      const recordId = newId();
      const leading = (): MessageWrite[] => [
        {
          id: recordId,
          role: "system",
          text: `[${input.type === "request_human" ? "request_human" : `${input.type}:${input.offerId}`}]`,
          clientMessageId: input.clientMessageId,
          meta: { action: input.type, offerId: input.offerId ?? null },
        },
      ];
      try {
        if (input.type === "accept_offer") await this.accept(session, input, leading);
        else await this.forcedTurn(session, input, leading);
      } catch (error) {
        // Two sockets of one debtor sent the same action at once: the other one recorded it.
        const raced = await this.app.stores.chat.findByClientMessageId(
          session.conversationId,
          input.clientMessageId,
        );
        if (raced) return { id: raced.id, created: false };
        throw error;
      }
      return { id: recordId, created: true };
    });
  }

  private async accept(
    session: DebtorSession,
    input: ActionInput,
    leading: () => MessageWrite[],
  ): Promise<void> {
    const offerId = input.offerId as string;
    const now = this.app.clock.now();
    const promiseId = newId();
    let unavailable = false;
    const out = await this.runTurn(
      session,
      { kind: "action" },
      async ({ bundle }) => {
        const offer = bundle.detail.offers.find((o) => o.id === offerId);
        if (!offer) throw new AppError("offer_unavailable", "This offer does not exist.");
        const instalments = offer.instalments as { dueDate: string; amount: number }[];
        const instructions = await loadPaymentInstructions(this.app, bundle.detail.id);
        const confirmation = composePromiseConfirmation(
          this.app,
          bundle,
          {
            id: promiseId,
            total: offer.total,
            currency: offer.currency,
            instalments: instalments.map((i) => ({
              dueDate: new Date(`${i.dueDate}T00:00:00Z`),
              amount: BigInt(i.amount),
            })),
          },
          instructions,
        );
        return {
          bundle,
          turn: startTurnState(bundle, confirmation.state),
          reply: confirmation.message,
          events: [...confirmation.events, { kind: "promise.recorded", data: { promiseId, offerId } }],
          before: statusOf(bundle.state.phase),
        };
      },
      {
        leading,
        fresh: true,
        inside: async (tx, bundle) => {
          const offer = bundle.detail.offers.find((o) => o.id === offerId);
          const promise = await tx.acceptOffer({
            offerId,
            caseId: session.caseId,
            promiseId,
            // An offer a collector made by hand counts for the people, not the assistant (kept-rate split).
            obtainedBy: offer?.source === "collector" ? "human" : "assistant",
            at: now,
            actor: session.tokenId,
          });
          if (!promise) {
            unavailable = true;
            throw new OfferUnavailable();
          }
        },
      },
    ).catch((error: unknown) => {
      if (error instanceof OfferUnavailable) return null;
      throw error;
    });
    if (unavailable || !out) {
      // Expired or superseded: nothing was recorded. Say so, and put a fresh offer in front of the debtor.
      const offer = await this.app.stores.chat.findOffer(offerId);
      if (!offer || offer.caseId !== session.caseId)
        throw new AppError("offer_unavailable", "This offer does not exist.");
      const status = offer.expiresAt <= now ? "expired" : offer.status;
      if (offer.status === "proposed")
        await this.app.stores.chat.setOfferStatus(offerId, "proposed", "expired");
      this.cache.dropCase(session.conversationId);
      void this.enqueue(session.conversationId, () =>
        this.forcedTurn(
          session,
          { type: "decline_offer", clientMessageId: "", offerId: undefined },
          () => [],
        ),
      ).catch((error: unknown) => this.app.log.error({ err: error }, "decline turn failed"));
      throw new AppError(
        "offer_unavailable",
        `This offer is no longer open (${status}). A new offer follows.`,
        { status },
      );
    }
    this.publish(session, { ...out, message: out.message, statusChanged: false });
    this.publishState(session, "promised");
    this.app.events.publish({ type: "promise.updated", caseId: session.caseId, promiseId, status: "active" });
  }

  /** Decline (an offer) or request a person: a turn with a known intent, recorded with the action. */
  private async forcedTurn(
    session: DebtorSession,
    input: ActionInput,
    leading: () => MessageWrite[],
  ): Promise<void> {
    const intent: ForcedIntent = input.type === "request_human" ? "request_human" : "decline";
    const out = await this.runTurn(
      session,
      { kind: "action" },
      async ({ bundle, history }) => {
        let declined: { offerId: string; kind: "full" | "plan" | "settlement" } | undefined;
        if (input.type === "decline_offer" && input.offerId) {
          const offer = bundle.detail.offers.find((o) => o.id === input.offerId);
          if (!offer) throw new AppError("offer_unavailable", "This offer does not exist.");
          if (offer.status !== "proposed")
            throw new AppError("offer_unavailable", `This offer is no longer open (${offer.status}).`);
          declined = { offerId: offer.id, kind: offer.kind };
        }
        return prepareTurn(this.app, this.layers, bundle, history, "", intent, declined);
      },
      { leading, fresh: true },
    );
    this.publish(session, out);
  }
}

class OfferUnavailable extends Error {}
