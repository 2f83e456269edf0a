// The conversation as shown: server messages, each once, in server order. After a reconnection
// the server sends the whole history again (unless socket.io recovered the session), possibly
// interleaved with live messages; ordering by the server's createdAt (then by first arrival, for
// equal instants) puts every message in its place whatever the order of arrival.
import type { WireMessage } from "../../../contract/debtor-socket.js";

interface Entry {
  readonly message: WireMessage;
  readonly arrival: number;
  readonly at: number;
}

export class Timeline {
  private entries: Entry[] = [];
  private arrivals = 0;
  private sorted: readonly WireMessage[] = [];

  get messages(): readonly WireMessage[] {
    return this.sorted;
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.message.id === id);
  }

  /** The newest server instant shown (ms), for placing local stand-ins after it. */
  latest(): number {
    return this.entries.reduce((max, e) => Math.max(max, e.at), 0);
  }

  /** Adds or updates a message; true when it was not shown before. */
  receive(message: WireMessage): boolean {
    const at = Date.parse(message.createdAt);
    const index = this.entries.findIndex((e) => e.message.id === message.id);
    if (index >= 0) {
      const old = this.entries[index] as Entry;
      const merged = {
        ...old.message,
        ...message,
        ...(message.offer || old.message.offer ? { offer: message.offer ?? old.message.offer } : {}),
      } as WireMessage;
      this.entries = this.entries.map((e, i) =>
        i === index ? { message: merged, arrival: old.arrival, at: Number.isNaN(at) ? old.at : at } : e,
      );
    } else {
      this.entries = [
        ...this.entries,
        { message, arrival: this.arrivals++, at: Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : at },
      ];
    }
    this.sorted = [...this.entries]
      .sort((a, b) => a.at - b.at || a.arrival - b.arrival)
      .map((e) => e.message);
    return index < 0;
  }
}
