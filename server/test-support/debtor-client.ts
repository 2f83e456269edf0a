// A debtor as tests see one: the real socket.io client on the /debtor namespace, recording every
// message and state the server sends, with helpers to talk and to wait. What the server pushes is
// parsed with the contract's schemas (contract/debtor-socket.ts): a drift fails the next wait.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import {
  type Ack,
  debtorAck,
  debtorState,
  type WireMessage,
  wireMessage,
} from "../../contract/debtor-socket.js";

export class DebtorClient {
  readonly messages: WireMessage[] = [];
  readonly states: string[] = [];
  /** What the server sent that the contract does not allow. */
  readonly violations: string[] = [];
  private constructor(readonly socket: Socket) {
    const check = (
      what: string,
      schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
      v: unknown,
    ) => {
      const r = schema.safeParse(v);
      if (!r.success) this.violations.push(`${what} ${JSON.stringify(v)}: ${String(r.error)}`);
    };
    socket.on("message", (m: WireMessage) => {
      check("message", wireMessage, m);
      if (this.messages.some((x) => x.id === m.id)) return;
      // Ordered as the page shows them (web/debtor/chat/timeline.ts): by the server's createdAt, then
      // by first arrival. A live broadcast may overtake the history sent on connection.
      const at = Date.parse(m.createdAt);
      const before = this.messages.findIndex((x) => Date.parse(x.createdAt) > at);
      if (before === -1) this.messages.push(m);
      else this.messages.splice(before, 0, m);
    });
    socket.on("state", (s: { status: string }) => {
      check("state", debtorState, s);
      this.states.push(s.status);
    });
  }

  /** `after`: the id of the newest message already shown (the page's inline history). */
  static connect(url: string, token: unknown, extra: { after?: unknown } = {}): Promise<DebtorClient> {
    const socket = io(`${url}/debtor`, {
      auth: { token, ...extra },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    const client = new DebtorClient(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(client));
      socket.once("connect_error", (err: Error & { data?: unknown }) => {
        socket.close();
        reject(Object.assign(new Error(err.message), { data: err.data }));
      });
    });
  }

  async emit(event: string, payload: unknown): Promise<Ack> {
    return debtorAck.parse(await this.socket.timeout(10_000).emitWithAck(event, payload));
  }

  send(text: string, clientMessageId: string = randomUUID()): Promise<Ack> {
    return this.emit("debtor:message", { clientMessageId, text });
  }

  action(type: string, offerId?: string, clientMessageId: string = randomUUID()): Promise<Ack> {
    return this.emit("debtor:action", { clientMessageId, type, ...(offerId ? { offerId } : {}) });
  }

  assistant(): WireMessage[] {
    return this.messages.filter((m) => m.role === "assistant");
  }

  lastAssistant(): WireMessage | undefined {
    return this.assistant().at(-1);
  }

  lastOffer(): WireMessage["offer"] | undefined {
    return this.messages.filter((m) => m.offer).at(-1)?.offer;
  }

  async waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const start = Date.now();
    for (;;) {
      if (this.violations.length)
        throw new Error(`the server broke the contract: ${this.violations.join("; ")}`);
      const value = probe();
      if (value) return value;
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `timed out waiting for ${what}; messages: ${JSON.stringify(
            this.messages.map((m) => `${m.role}: ${m.text}`),
            null,
            1,
          )}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends a message and waits for the assistant's reply to it. */
  async say(text: string): Promise<WireMessage> {
    const before = this.assistant().length;
    const ack = await this.send(text);
    if (!ack.ok) throw new Error(`message refused: ${JSON.stringify(ack.error)}`);
    return this.waitFor(
      () => (this.assistant().length > before ? this.assistant().at(-1) : undefined),
      `reply to "${text}"`,
    );
  }

  close(): void {
    this.socket.close();
  }
}
