// The cluster adapter publishes room traffic only when another instance shares the database: alone,
// a broadcast costs no `pg_notify`; as soon as a second instance is heard, broadcasts reach its
// sockets. Real socket.io servers and clients on one PostgreSQL (needs TEST_DATABASE_URL).
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open.js";
import { createLogger } from "../logging/logger.js";
import { openTestDatabase, type TestDatabase } from "../test-support/databases.js";
import { queriesDuring } from "../test-support/statements.js";
import { attachClusterAdapter, type ClusterLink } from "./cluster-adapter.js";

const postgres = process.env.TEST_DATABASE_URL;

interface Instance {
  io: Server;
  http: HttpServer;
  link: ClusterLink;
  url: string;
}

async function instance(db: Database): Promise<Instance> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  // No start-up grace: the test waits for the instances to hear each other instead.
  const link = attachClusterAdapter(io, db, createLogger("silent"), {
    heartbeatInterval: 200,
    heartbeatTimeout: 2000,
    startupGraceMs: 0,
  });
  io.of("/t").on("connection", (socket) => void socket.join("room"));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { io, http, link, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

async function stop(i: Instance | undefined): Promise<void> {
  if (!i) return;
  await i.io.close();
  await i.link.close();
}

/** Counts the `pg_notify` statements of room traffic (heartbeats aside) sent while `work` runs. */
/** Room broadcasts relayed through `pg_notify` while `work` runs (heartbeats left out). */
async function notifiesDuring(work: () => Promise<void>): Promise<number> {
  const sent = await queriesDuring(work);
  return sent.filter((q) => {
    const payload = q.values[1];
    const type = typeof payload === "string" ? (JSON.parse(payload) as { type?: number }).type : undefined;
    // Heartbeats (1 initial, 2 periodic, 13 closing) keep going out: they are how instances meet.
    const control = type === 1 || type === 2 || type === 13;
    return q.text.includes("pg_notify") && !control;
  }).length;
}

const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!postgres)("cluster adapter on PostgreSQL", () => {
  let db: TestDatabase;
  let a: Instance | undefined;
  let b: Instance | undefined;
  const clients: Socket[] = [];

  beforeAll(async () => {
    db = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await stop(b);
    await stop(a);
    await db?.close();
  });

  const client = async (url: string) => {
    const socket = connect(`${url}/t`, { transports: ["websocket"], forceNew: true });
    clients.push(socket);
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    return socket;
  };

  it("sends no notification for a broadcast while alone, and reaches a second instance once heard", async () => {
    a = await instance(db);
    const onA = await client(a.url);
    const seenOnA: string[] = [];
    onA.on("note", (text: string) => seenOnA.push(text));
    const aNsp = a.io.of("/t");
    const alone = await notifiesDuring(async () => {
      aNsp.to("room").emit("note", "alone");
      await until(async () => seenOnA.includes("alone"));
    });
    expect(alone).toBe(0);

    const second = await instance(db);
    b = second;
    const bNsp = second.io.of("/t");
    await until(async () => (await aNsp.adapter.serverCount()) === 2);
    await until(async () => (await bNsp.adapter.serverCount()) === 2);
    const onB = await client(second.url);
    const seenOnB: string[] = [];
    onB.on("note", (text: string) => seenOnB.push(text));
    const shared = await notifiesDuring(async () => {
      aNsp.to("room").emit("note", "from A");
      bNsp.to("room").emit("note", "from B");
      await until(async () => seenOnB.includes("from A") && seenOnA.includes("from B"));
    });
    expect(shared).toBeGreaterThanOrEqual(2);
    expect(seenOnA).toEqual(expect.arrayContaining(["alone", "from A", "from B"]));
    expect(seenOnB).toEqual(expect.arrayContaining(["from A", "from B"]));
  });
});
