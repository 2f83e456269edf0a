// The chat connection of one debtor link, outside React: the socket.io client on /debtor, the
// timeline, the outbox and its delivery loop. Everything the debtor sends goes through the outbox
// and is retried with the same clientMessageId until the server acknowledges it, so a message
// typed offline, or in flight when the server went down, is delivered exactly once.
import { io, type Socket } from "socket.io-client";
import type { DebtorHandshakeAuth, InlineHistory } from "../../../contract/debtor-page.js";
import type { Ack, AckError, WireMessage } from "../../../contract/debtor-socket.js";
import {
  type DebtorActionType as ActionType,
  type ChatCaseStatus as CaseStatus,
  CHAT_CASE_STATUSES,
} from "../../../contract/enums.js";
import { newClientMessageId, Outbox, type OutboxItem, type StorageLike, storageKey } from "./outbox.js";
import { Timeline } from "./timeline.js";

export type Connection = "connecting" | "online" | "offline" | "refused";
export type OfferDecision = "sending" | "accepted" | "declined" | "unavailable";

export interface Notice {
  readonly key: string;
  readonly code: string;
  readonly offerId?: string;
}

export interface ChatSnapshot {
  readonly connection: Connection;
  readonly everConnected: boolean;
  readonly refusal?: AckError;
  readonly messages: readonly WireMessage[];
  /** Sent or queued by the debtor, not yet acknowledged nor shown as a server message. */
  readonly pending: readonly OutboxItem[];
  readonly status?: CaseStatus;
  /** The debtor spoke last and the assistant has not answered yet. */
  readonly awaitingReply: boolean;
  /** A person has taken the conversation over (and not handed it back): the assistant is silent. */
  readonly personPresent: boolean;
  readonly notices: readonly Notice[];
  readonly decisions: Readonly<Record<string, OfferDecision>>;
}

export interface ChatClientOptions {
  readonly storage?: StorageLike | null;
  /** Builds the socket (tests); by default socket.io on this page's origin. */
  readonly connect?: (token: string, auth: () => DebtorHandshakeAuth) => Socket;
  /** The conversation the page was served with (decision 0092): shown before the socket connects. */
  readonly initial?: InlineHistory | null;
  readonly ackTimeoutMs?: number;
  readonly awaitReplyMs?: number;
}

const RETRYABLE = new Set(["rate_limited", "internal"]);
const STATUSES: ReadonlySet<string> = new Set(CHAT_CASE_STATUSES);

/** Resolutions that close the case: the person leaves with them (no separate hand-back notice). */
const CLOSING_NOTICES = new Set(["resolved_dispute_upheld", "resolved_payment_found"]);

/** Whether a person took the conversation over and has not handed it back (nor closed the case). */
export function personPresent(messages: readonly WireMessage[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const notice = messages[i]?.notice;
    if (notice === "takeover") return true;
    if (notice === "handback" || (notice && CLOSING_NOTICES.has(notice))) return false;
  }
  return false;
}

export function actionLabel(item: { type: ActionType; offerId?: string | undefined }): string {
  return item.type === "request_human" ? "[request_human]" : `[${item.type}:${item.offerId ?? ""}]`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function defaultSocket(_token: string, auth: () => DebtorHandshakeAuth): Socket {
  return io("/debtor", {
    // Read at every connection attempt: `after` is sent until the first connection succeeds.
    auth: (cb) => cb({ ...auth() }),
    transports: ["websocket", "polling"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    timeout: 10_000,
  });
}

export class ChatClient {
  private socket: Socket | undefined;
  private readonly outbox: Outbox;
  private readonly timeline = new Timeline();
  private readonly listeners = new Set<() => void>();
  private snapshot: ChatSnapshot;
  private connection: Connection = "connecting";
  private everConnected = false;
  private refusal: AckError | undefined;
  private status: CaseStatus | undefined;
  private awaiting = false;
  private awaitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Reconnected without recovery: the server is replaying the history until its `state`. */
  private replaying = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private notices: Notice[] = [];
  private decisions: Record<string, OfferDecision> = {};
  /** clientMessageId -> id of the server message already shown for it. */
  private readonly shown = new Map<string, string>();
  private inFlight: OutboxItem | undefined;
  /** Server instants of the messages that arrived while the item in flight awaited its ack. */
  private arrivedInFlight: number[] = [];
  private flushing = false;
  private stopped = true;
  private readonly ackTimeoutMs: number;
  private readonly awaitReplyMs: number;
  /** The newest message of the page's inline history: the first connection asks for what follows. */
  private initialLast: string | undefined;

  constructor(
    private readonly token: string,
    private readonly options: ChatClientOptions = {},
  ) {
    const storage = options.storage === undefined ? safeSessionStorage() : options.storage;
    this.outbox = new Outbox(storage, storageKey(token));
    this.ackTimeoutMs = options.ackTimeoutMs ?? 8000;
    this.awaitReplyMs = options.awaitReplyMs ?? 45_000;
    for (const item of this.outbox.list())
      if (item.kind === "action" && item.offerId) this.decisions[item.offerId] = "sending";
    const initial = options.initial;
    if (initial) {
      for (const m of initial.messages) this.timeline.receive(m);
      this.status = initial.status;
      this.initialLast = initial.messages.at(-1)?.id;
    }
    this.snapshot = this.build();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  private build(): ChatSnapshot {
    return {
      connection: this.connection,
      everConnected: this.everConnected,
      ...(this.refusal ? { refusal: this.refusal } : {}),
      messages: this.timeline.messages,
      pending: this.outbox.list().filter((i) => !this.shown.has(i.clientMessageId)),
      ...(this.status ? { status: this.status } : {}),
      awaitingReply: this.awaiting,
      personPresent: personPresent(this.timeline.messages),
      notices: this.notices,
      decisions: this.decisions,
    };
  }

  private changed(): void {
    this.snapshot = this.build();
    for (const l of this.listeners) l();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // Later connections get the whole history again, which also puts local stand-ins right.
    const auth = (): DebtorHandshakeAuth =>
      this.initialLast && !this.everConnected
        ? { token: this.token, after: this.initialLast }
        : { token: this.token };
    const socket = (this.options.connect ?? defaultSocket)(this.token, auth);
    this.socket = socket;
    socket.on("connect", () => this.onConnect(socket));
    socket.on("disconnect", (reason) => {
      if (this.connection !== "refused") this.connection = "offline";
      this.inFlight = undefined;
      // The server closed this socket on purpose: socket.io will not come back by itself.
      if (reason === "io server disconnect" && !this.stopped) socket.connect();
      this.changed();
    });
    socket.on("connect_error", (err: Error & { data?: { code?: string; message?: string } }) => {
      const code = err.data?.code;
      if (code === "link_invalid" || code === "link_locked") {
        this.connection = "refused";
        this.refusal = { code, message: err.data?.message ?? "" };
        socket.close();
      } else {
        this.connection = this.everConnected ? "offline" : "connecting";
        // A refusal by the namespace middleware is not retried by socket.io itself.
        if (!socket.active) this.schedule(() => socket.connect(), 2000);
      }
      this.changed();
    });
    socket.on("message", (m: WireMessage) => this.onMessage(m));
    socket.on("state", (s: { status?: string }) => this.onState(s));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.awaitTimer);
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.close();
    this.socket = undefined;
  }

  private schedule(work: () => void, ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) work();
    }, ms);
  }

  private onConnect(socket: Socket): void {
    this.connection = "online";
    this.everConnected = true;
    // Without recovery the server replays the whole history, then sends `state`.
    this.replaying = !socket.recovered;
    this.changed();
    void this.flush();
  }

  private onMessage(m: WireMessage): void {
    if (!m || typeof m.id !== "string" || typeof m.text !== "string") return;
    const fresh = this.timeline.receive(m);
    const flight = this.inFlight;
    if (flight) this.arrivedInFlight.push(Date.parse(m.createdAt));
    if (
      m.role === "debtor" &&
      flight?.kind === "message" &&
      flight.text.trim() === m.text &&
      !this.shown.has(flight.clientMessageId)
    ) {
      this.shown.set(flight.clientMessageId, m.id);
    }
    if (fresh && !this.replaying && (m.role === "assistant" || m.role === "agent")) this.setAwaiting(false);
    this.changed();
  }

  private onState(s: { status?: string }): void {
    if (s && typeof s.status === "string" && STATUSES.has(s.status)) this.status = s.status as CaseStatus;
    if (this.replaying) {
      this.replaying = false;
      // A debtor message left without a reply (e.g. by a restart) is answered by the server now.
      const last = this.timeline.messages.at(-1);
      const open =
        this.status !== "escalated" && this.status !== "closed" && !personPresent(this.timeline.messages);
      this.setAwaiting(
        open && (last?.role === "debtor" || (last?.role === "system" && last.text.startsWith("["))),
      );
    }
    this.changed();
  }

  private setAwaiting(value: boolean): void {
    this.awaiting = value;
    clearTimeout(this.awaitTimer);
    if (value) {
      this.awaitTimer = setTimeout(() => {
        this.awaiting = false;
        this.changed();
      }, this.awaitReplyMs);
    }
  }

  /** Queues a text message; false when it is empty or too long. */
  send = (text: string): boolean => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > 2000) return false;
    this.outbox.add({
      kind: "message",
      clientMessageId: newClientMessageId(),
      text: trimmed,
      queuedAt: new Date().toISOString(),
    });
    this.changed();
    void this.flush();
    return true;
  };

  act = (type: ActionType, offerId?: string): void => {
    if (offerId) this.decisions = { ...this.decisions, [offerId]: "sending" };
    this.outbox.add({
      kind: "action",
      clientMessageId: newClientMessageId(),
      type,
      ...(offerId ? { offerId } : {}),
      queuedAt: new Date().toISOString(),
    });
    this.changed();
    void this.flush();
  };

  dismiss = (key: string): void => {
    this.notices = this.notices.filter((n) => n.key !== key);
    this.changed();
  };

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let failures = 0;
    try {
      for (;;) {
        const socket = this.socket;
        const item = this.outbox.first();
        if (!socket?.connected || !item || this.stopped) break;
        this.inFlight = item;
        this.arrivedInFlight = [];
        let ack: Ack;
        try {
          const payload =
            item.kind === "message"
              ? { clientMessageId: item.clientMessageId, text: item.text }
              : {
                  clientMessageId: item.clientMessageId,
                  type: item.type,
                  ...(item.offerId ? { offerId: item.offerId } : {}),
                };
          ack = (await socket
            .timeout(this.ackTimeoutMs)
            .emitWithAck(item.kind === "message" ? "debtor:message" : "debtor:action", payload)) as Ack;
        } catch {
          // No ack in time (connection lost or server busy): retry later with the same id.
          this.inFlight = undefined;
          if (socket.connected) this.schedule(() => void this.flush(), 2000);
          break;
        }
        this.inFlight = undefined;
        if (ack?.ok) {
          failures = 0;
          this.delivered(item, ack.id);
        } else if (ack && !ack.ok && RETRYABLE.has(ack.error?.code) && failures < 5) {
          failures += 1;
          await sleep(1000 * failures);
        } else {
          this.rejected(item, ack && !ack.ok ? ack.error : { code: "internal", message: "" });
        }
        this.changed();
      }
    } finally {
      this.flushing = false;
      this.inFlight = undefined;
    }
  }

  private delivered(item: OutboxItem, id: string): void {
    this.outbox.remove(item.clientMessageId);
    this.shown.delete(item.clientMessageId);
    // A stand-in sits before what the server said in answer (it arrived during the flight), or
    // else after everything shown, until the server's own copy (same id) replaces it.
    const answered = this.arrivedInFlight.filter((at) => !Number.isNaN(at));
    const at = answered.length ? Math.min(...answered) - 1 : Math.max(Date.now(), this.timeline.latest() + 1);
    const createdAt = new Date(at).toISOString();
    // The server's broadcast normally came first; if not, a stand-in with the same id holds the
    // place and the broadcast (or the next history) replaces it.
    if (!this.timeline.has(id)) {
      this.timeline.receive(
        item.kind === "message"
          ? { id, role: "debtor", text: item.text, createdAt }
          : { id, role: "system", text: actionLabel(item), createdAt },
      );
    }
    if (item.kind === "action" && item.offerId) {
      this.decisions = {
        ...this.decisions,
        [item.offerId]: item.type === "accept_offer" ? "accepted" : "declined",
      };
    }
    // Wait for a reply unless it already came (the server may answer before the ack arrives), or a
    // person holds the conversation: the assistant will not answer, and nobody is "typing".
    const messages = this.timeline.messages;
    this.setAwaiting(messages.at(-1)?.id === id && !personPresent(messages));
  }

  private rejected(item: OutboxItem, error: AckError): void {
    this.outbox.remove(item.clientMessageId);
    this.shown.delete(item.clientMessageId);
    const offerId = item.kind === "action" ? item.offerId : undefined;
    if (offerId) this.decisions = { ...this.decisions, [offerId]: "unavailable" };
    this.notices = [
      ...this.notices,
      { key: item.clientMessageId, code: String(error?.code ?? "internal"), ...(offerId ? { offerId } : {}) },
    ];
    // After a refused acceptance the server puts a fresh offer in front of the debtor.
    this.setAwaiting(error?.code === "offer_unavailable");
  }
}

function safeSessionStorage(): StorageLike | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}
