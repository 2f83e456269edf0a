// Several instances, one PostgreSQL: socket.io rooms span instances through the PostgreSQL adapter
// (LISTEN/NOTIFY), so a broadcast to a debtor's conversation room or a case room reaches sockets
// connected to any instance, and `disconnectSockets` on a room closes them wherever they are.
// On the embedded PGlite there is only ever one instance: the default in-memory adapter is kept.
import { createAdapter } from "@socket.io/postgres-adapter";
import type { Server } from "socket.io";
import type { Database } from "../db/open.js";
import { openPubSubPool } from "../db/pubsub.js";
import type { Logger } from "../logging/logger.js";

export interface ClusterLink {
  readonly kind: "postgres" | "local";
  close(): Promise<void>;
}

export function attachClusterAdapter(io: Server, db: Database, log: Logger): ClusterLink {
  if (db.kind !== "postgres" || !db.url) return { kind: "local", close: async () => {} };
  const pool = openPubSubPool(db.url);
  // A connection dropped by the server (restart, failover) must not crash the process: the
  // adapter reconnects. Idle clients report on the pool, the one held for LISTEN on itself.
  pool.on("error", (error) => log.warn({ err: error }, "socket.io adapter connection lost"));
  pool.on("connect", (client) =>
    client.on("error", (error) => log.warn({ err: error }, "socket.io adapter connection lost")),
  );
  io.adapter(
    createAdapter(pool, {
      errorHandler: (error) => log.warn({ err: error }, "socket.io adapter error"),
      heartbeatInterval: 5000,
      heartbeatTimeout: 10_000,
    }),
  );
  return {
    kind: "postgres",
    async close() {
      await pool.end();
    },
  };
}
