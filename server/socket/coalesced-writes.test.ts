// Packets sent to one connection in one tick leave in one TCP write, in order, over a real socket.io
// client; without coalesceWrites the same burst takes a write per frame (what the test would see if
// the hook stopped working). A disconnection right after a burst still delivers the burst first.
import { createServer } from "node:http";
import type { AddressInfo, Socket as TcpSocket } from "node:net";
import { Server } from "socket.io";
import { type Socket as ClientSocket, io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { coalesceWrites } from "./coalesced-writes.js";

interface Harness {
  url: string;
  /** TCP writes made to the client's connection since the last call. */
  writes(): number;
  close(): Promise<void>;
}

async function start(coalesced: boolean): Promise<Harness> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  if (coalesced) coalesceWrites(io);
  let count = 0;
  io.engine.on("connection", (conn: { transport: { socket?: { _socket?: TcpSocket } } }) => {
    // Counts what leaves the TCP socket: a corked burst is one _writev, each lone frame one write.
    const tcp = conn.transport.socket?._socket as
      | (TcpSocket & { _writev?: (...a: unknown[]) => void; _write: (...a: unknown[]) => void })
      | undefined;
    if (!tcp) return;
    const writev = tcp._writev?.bind(tcp);
    const write = tcp._write.bind(tcp);
    if (writev)
      tcp._writev = (...a: unknown[]) => {
        count++;
        writev(...a);
      };
    tcp._write = (...a: unknown[]) => {
      count++;
      write(...a);
    };
  });
  io.on("connection", (socket) => {
    socket.on("burst", (n: number, ack: (r: string) => void) => {
      for (let i = 0; i < n; i++) socket.emit("m", i);
      ack("done");
    });
    socket.on("burst-then-leave", (n: number) => {
      for (let i = 0; i < n; i++) socket.emit("m", i);
      socket.disconnect(true);
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    writes() {
      const n = count;
      count = 0;
      return n;
    },
    close: () => new Promise<void>((r) => io.close(() => r())),
  };
}

async function client(url: string): Promise<{ socket: ClientSocket; received: number[] }> {
  const socket = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false });
  const received: number[] = [];
  socket.on("m", (i: number) => received.push(i));
  await new Promise<void>((r) => socket.once("connect", () => r()));
  return { socket, received };
}

describe("coalesceWrites", () => {
  const open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.close()));
  });

  it.each([
    [true, 1],
    [false, 6],
  ])(
    "coalesced %s: five messages and an ack sent in one tick take %i TCP write(s)",
    async (coalesced, expected) => {
      const h = await start(coalesced);
      open.push(h);
      const { socket, received } = await client(h.url);
      // Let the connection's own packets (open, connect) leave first.
      await new Promise((r) => setTimeout(r, 50));
      h.writes();
      expect(await socket.emitWithAck("burst", 5)).toBe("done");
      await new Promise((r) => setTimeout(r, 20));
      expect(received).toEqual([0, 1, 2, 3, 4]);
      expect(h.writes()).toBe(expected);
      socket.close();
    },
  );

  it("delivers a burst sent just before the server disconnects the socket", async () => {
    const h = await start(true);
    open.push(h);
    const { socket, received } = await client(h.url);
    const reason = new Promise<string>((r) => socket.once("disconnect", (why) => r(why)));
    socket.emit("burst-then-leave", 3);
    expect(await reason).toBe("io server disconnect");
    expect(received).toEqual([0, 1, 2]);
  });
});
