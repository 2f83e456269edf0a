// A small pg pool for the socket.io PostgreSQL adapter (LISTEN/NOTIFY between instances), apart
// from Prisma's pool: the adapter holds one connection for LISTEN for as long as the service runs.
import pg from "pg";

export type PubSubPool = pg.Pool;

export function openPubSubPool(url: string): PubSubPool {
  return new pg.Pool({ connectionString: url, max: 4 });
}
