// A debtor on the public socket.io contract (namespace /debtor, handshake auth {token}): sends
// messages and actions, waits for the assistant's reply to each, and records every message and
// state the server pushes. The eval service raises the per-connection message limit (a red-team
// conversation sends dozens of lines in a few seconds); a "rate_limited" ack is still honoured by
// waiting and sending again.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { Ack, WireMessage, WireOffer } from "../../contract/debtor-socket.js";

const REPLY_TIMEOUT_MS = 20_000;
const RATE_LIMIT_RETRIES = 20;

export class DebtorConnection {
  readonly messages: WireMessage[] = [];
  status = "unknown";
  private socket: Socket | null = null;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async open(url: string, token: string): Promise<DebtorConnection> {
    const c = new DebtorConnection(url, token);
    await c.connect();
    return c;
  }

  private notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  private connect(): Promise<void> {
    const socket = io(`${this.url}/debtor`, {
      auth: { token: this.token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    socket.on("message", (m: WireMessage) => {
      if (!this.messages.some((x) => x.id === m.id)) this.messages.push(m);
      this.notify();
    });
    let gotState!: () => void;
    const stateSeen = new Promise<void>((resolve) => {
      gotState = resolve;
    });
    socket.on("state", (s: { status: string }) => {
      this.status = s.status;
      gotState();
      this.notify();
    });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once("connect", () => {
        // The server sends the history and then the status: the session is ready.
        stateSeen.then(resolve, reject);
      });
      socket.once("connect_error", (err: Error & { data?: unknown }) => {
        socket.close();
        reject(Object.assign(new Error(`connect failed: ${err.message}`), { data: err.data }));
      });
    });
  }

  /** Resolves once `probe` holds, re-checked on every message or state; rejects after a timeout. */
  waitFor<T>(
    probe: () => T | undefined | null | false,
    what: string,
    timeoutMs = REPLY_TIMEOUT_MS,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const check = () => {
        const v = probe();
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  assistantCount(): number {
    return this.messages.filter((m) => m.role === "assistant").length;
  }

  lastOffer(): WireOffer | null {
    return this.messages.filter((m) => m.offer).at(-1)?.offer ?? null;
  }

  private async emit(event: string, payload: unknown): Promise<Ack> {
    for (let attempt = 0; ; attempt++) {
      const socket = this.socket;
      if (!socket) throw new Error("not connected");
      const ack = (await socket.timeout(REPLY_TIMEOUT_MS).emitWithAck(event, payload)) as Ack;
      if (ack.ok || ack.error?.code !== "rate_limited" || attempt >= RATE_LIMIT_RETRIES) return ack;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Sends a message and waits for the assistant's reply (one assistant message per turn). */
  async say(text: string): Promise<{ ack: Ack; reply: WireMessage | null }> {
    const before = this.assistantCount();
    const ack = await this.emit("debtor:message", { clientMessageId: randomUUID(), text });
    if (!ack.ok) return { ack, reply: null };
    const reply = await this.waitFor(
      () =>
        this.assistantCount() > before ? this.messages.filter((m) => m.role === "assistant").at(-1) : null,
      `the reply to ${JSON.stringify(text.slice(0, 60))}`,
    );
    return { ack, reply };
  }

  /** An action button; waits for the assistant message that follows it (confirmation or new offer). */
  async action(
    type: "accept_offer" | "decline_offer" | "request_human",
    offerId?: string,
  ): Promise<{ ack: Ack; reply: WireMessage | null }> {
    const before = this.assistantCount();
    const ack = await this.emit("debtor:action", {
      clientMessageId: randomUUID(),
      type,
      ...(offerId ? { offerId } : {}),
    });
    // A refused acceptance (offer expired or superseded) is followed by a fresh offer; wait for it too.
    const expectReply = ack.ok || ack.error?.code === "offer_unavailable";
    if (!expectReply) return { ack, reply: null };
    const reply = await this.waitFor(
      () =>
        this.assistantCount() > before ? this.messages.filter((m) => m.role === "assistant").at(-1) : null,
      `the reply to action ${type}`,
    ).catch(() => null);
    if (type === "accept_offer" && ack.ok)
      await this.waitFor(() => this.status === "promised", "the promised state", 5_000).catch(() => null);
    return { ack, reply };
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }
}
