// Several instances, one PostgreSQL: socket.io rooms span instances through the PostgreSQL adapter
// (LISTEN/NOTIFY), so a broadcast to a debtor's conversation room or a case room reaches sockets
// connected to any instance, and `disconnectSockets` on a room closes them wherever they are.
// On the embedded PGlite there is only ever one instance: the default in-memory adapter is kept.
//
// Two changes to the adapter's defaults, for speed (docs/decisions/0090-cluster-notify-only-when-shared.md):
// - the adapter awaited each broadcast's `pg_notify` (a round trip on a pool of 4 connections) before
//   delivering it to this instance's own sockets, so every reply to a debtor queued behind every
//   other broadcast of the instance: local delivery no longer waits for the notification;
// - an instance that has heard no other instance for a heartbeat timeout publishes no room traffic
//   at all (heartbeats still go out, so a new instance finds it and it finds a new instance).
import { createAdapter } from "@socket.io/postgres-adapter";
import type { Namespace, Server } from "socket.io";
import type { Database } from "../db/open.js";
import { openPubSubPool } from "../db/pubsub.js";
import type { Logger } from "../logging/logger.js";

export interface ClusterLink {
  readonly kind: "postgres" | "local";
  close(): Promise<void>;
}

export interface ClusterOptions {
  readonly heartbeatInterval?: number;
  readonly heartbeatTimeout?: number;
  /**
   * How long after boot the instance publishes everything even when it has heard no other instance
   * (default: the heartbeat timeout). Another instance's heartbeat may still be on its way.
   */
  readonly startupGraceMs?: number;
}

// socket.io-adapter's MessageType values (the package is socket.io's own dependency, not ours).
const INITIAL_HEARTBEAT = 1;
const HEARTBEAT = 2;
const ADAPTER_CLOSE = 13;
const CONTROL = new Set([INITIAL_HEARTBEAT, HEARTBEAT, ADAPTER_CLOSE]);

/** What this module uses of the cluster adapter's internals (stable across socket.io-adapter 2.5). */
interface HeartbeatAdapter {
  nodesMap: Map<string, number>;
  publishAndReturnOffset(message: { type: number }): Promise<string>;
  serverCount(): Promise<number>;
}

export function attachClusterAdapter(
  io: Server,
  db: Database,
  log: Logger,
  options: ClusterOptions = {},
): ClusterLink {
  if (db.kind !== "postgres" || !db.url) return { kind: "local", close: async () => {} };
  const pool = openPubSubPool(db.url);
  // A connection dropped by the server (restart, failover) must not crash the process: the
  // adapter reconnects. Idle clients report on the pool, the one held for LISTEN on itself.
  pool.on("error", (error) => log.warn({ err: error }, "socket.io adapter connection lost"));
  pool.on("connect", (client) =>
    client.on("error", (error) => log.warn({ err: error }, "socket.io adapter connection lost")),
  );
  const heartbeatTimeout = options.heartbeatTimeout ?? 10_000;
  const make = createAdapter(pool, {
    errorHandler: (error) => log.warn({ err: error }, "socket.io adapter error"),
    heartbeatInterval: options.heartbeatInterval ?? 5000,
    heartbeatTimeout,
  });
  const graceUntil = Date.now() + (options.startupGraceMs ?? heartbeatTimeout);
  io.adapter(function (this: unknown, nsp: Namespace) {
    const adapter = make(nsp) as unknown as HeartbeatAdapter;
    const publish = adapter.publishAndReturnOffset.bind(adapter);
    adapter.publishAndReturnOffset = (message) => {
      const alone = adapter.nodesMap.size === 0 && Date.now() >= graceUntil;
      // The PostgreSQL adapter has no offsets (no connection-state recovery across instances), and
      // its publish never rejects (errors go to errorHandler): nothing to wait for.
      if (!alone || CONTROL.has(message.type)) void publish(message);
      return Promise.resolve("");
    };
    return adapter;
  } as unknown as Parameters<Server["adapter"]>[0]);
  return {
    kind: "postgres",
    async close() {
      await pool.end();
    },
  };
}
