// A console as tests see one: the real socket.io client on /console with a staff token, recording
// every event by name, with a helper to wait for one. Every pushed event is parsed with the
// contract's schema (contract/console-socket.ts) when a test reads it: a drift fails the test.
import { io, type Socket } from "socket.io-client";
import {
  type ConsoleEventName,
  type ConsoleEventPayload,
  consoleEventSchemas,
} from "../../contract/console-socket.js";

// biome-ignore lint/suspicious/noExplicitAny: tests assert on payloads field by field
type Payload = any;

export interface ConsoleEvent {
  readonly name: string;
  readonly payload: Payload;
}

export class ConsoleClient {
  readonly events: ConsoleEvent[] = [];
  private constructor(readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown) => this.events.push({ name, payload }));
  }

  static connect(url: string, token: unknown): Promise<ConsoleClient> {
    const socket = io(`${url}/console`, {
      auth: { token },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    const client = new ConsoleClient(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(client));
      socket.once("connect_error", (err: Error & { data?: unknown }) => {
        socket.close();
        reject(Object.assign(new Error(err.message), { data: err.data }));
      });
    });
  }

  emit(event: string, payload: unknown): Promise<Payload> {
    return this.socket.timeout(10_000).emitWithAck(event, payload);
  }

  named<N extends ConsoleEventName>(name: N): ConsoleEventPayload<N>[] {
    const schema = consoleEventSchemas[name];
    return this.events
      .filter((e) => e.name === name)
      .map((e) => schema.parse(e.payload) as ConsoleEventPayload<N>);
  }

  async waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - start > timeoutMs) {
        throw new Error(
          `timed out waiting for ${what}; events: ${JSON.stringify(this.events.map((e) => e.name))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.close();
  }
}
