// Which rooms of a namespace were broadcast to lately (decision 0117). A debtor socket reads its
// conversation in the handshake, before it can join the conversation's room: socket.io delivers a
// room broadcast only to the sockets in the room when the broadcast is applied. A message published
// between that read and the join would reach the debtor neither way. The watch tells the connection
// whether anything was applied to its rooms since a mark taken before the read; if so, it reads the
// conversation again, after the join, as every connection did before.
//
// It sees every broadcast the namespace's adapter applies to this instance's sockets, this
// instance's own and those relayed from other instances (the cluster adapter hands those to the
// same `apply`), and every other room operation (disconnects, joins by another instance): any of
// them counts, which can only cause a read that was not needed.
import type { Namespace } from "socket.io";

/** The part of socket.io-adapter's Adapter the watch wraps (stable across socket.io-adapter 2.x). */
interface ApplyingAdapter {
  apply(opts: { rooms: Set<string> }, callback: (socket: unknown) => void): void;
}

export class RoomWatch {
  private count = 0;
  /** The rooms of the last `size` operations, operation n at n % size (null: the whole namespace). */
  private readonly recent: (ReadonlySet<string> | null)[];
  private readonly wrapped = new WeakSet<object>();

  constructor(
    private readonly nsp: Namespace,
    private readonly size = 1024,
  ) {
    this.recent = new Array(size).fill(null);
  }

  /** A mark to compare with later; take it before the read. */
  mark(): number {
    this.watch();
    return this.count;
  }

  /**
   * Whether any of `rooms` (or the whole namespace) was broadcast to since `mark`; true as well
   * when more operations than the watch keeps happened since (it cannot tell).
   */
  touchedSince(mark: number, rooms: readonly string[]): boolean {
    if (this.count - mark > this.size) return true;
    for (let n = mark + 1; n <= this.count; n++) {
      const touched = this.recent[n % this.size];
      if (!touched || rooms.some((r) => touched.has(r))) return true;
    }
    return false;
  }

  /**
   * Wraps the namespace's adapter, once per adapter object: a cluster adapter installed after the
   * namespace was created replaces it, so the wrap is checked at every mark.
   */
  private watch(): void {
    const adapter = this.nsp.adapter as unknown as ApplyingAdapter;
    if (this.wrapped.has(adapter)) return;
    this.wrapped.add(adapter);
    const apply = adapter.apply.bind(adapter);
    adapter.apply = (opts, callback) => {
      // socket.io builds a new set for each operation and does not change it afterwards.
      this.recent[++this.count % this.size] = opts.rooms && opts.rooms.size > 0 ? opts.rooms : null;
      apply(opts, callback);
    };
  }
}
