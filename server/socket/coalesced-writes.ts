// What one connection is sent in one tick leaves in one TCP write. A debtor's turn sends its packets
// in bursts (the ack and the stored message together; the reply and the case's new state together),
// and engine.io writes each packet as soon as it is queued: the first alone, the rest once that
// write completes, each websocket frame a write of its own. On a loopback or LAN socket each write
// costs the sender the whole delivery path (about 50 µs of the service's thread per frame, measured
// in the CPU profile of `npm run bench:chat`), and the receiver a read per frame.
//
// Here each engine.io connection flushes once at the end of the tick (the packets queued in the tick
// go to its transport together) and, on a websocket, with its TCP socket corked around that flush,
// so the frames leave in one write. Order and content are unchanged; a packet waits at most until
// the current tick ends. Polling transports batch by design and are only deferred alike (decision 0115).
import type { Socket as TcpSocket } from "node:net";
import type { Server } from "socket.io";

/** The parts of engine.io's Socket and of its websocket transport (ws) this relies on. */
interface EngineConnection {
  flush(): void;
  transport?: { name?: string; socket?: { _socket?: TcpSocket } };
}

export function coalesceWrites(io: Server): void {
  io.engine.on("connection", (conn: EngineConnection) => {
    const flushNow = conn.flush.bind(conn);
    let queued = false;
    const flushQueued = () => {
      queued = false;
      const tcp = conn.transport?.name === "websocket" ? conn.transport.socket?._socket : undefined;
      if (!tcp || tcp.destroyed) {
        flushNow();
        return;
      }
      tcp.cork();
      try {
        flushNow();
      } finally {
        tcp.uncork();
      }
    };
    conn.flush = () => {
      if (queued) return;
      queued = true;
      process.nextTick(flushQueued);
    };
  });
}
