// Which code runs inside an interactive transaction's callback, so that the embedded database can
// refuse a query that would wait for that very transaction. PGlite has one connection: a query on
// the root client issued while a transaction holds it queues behind the transaction, and if the
// transaction's callback awaits that query, neither ever finishes and every later query waits too
// (the whole service stops answering). On PostgreSQL the same query would take another connection
// of the pool and run outside the transaction: rarely meant, never a hang, so it is not refused.
import { AsyncLocalStorage } from "node:async_hooks";

interface Scope {
  open: boolean;
}

const scope = new AsyncLocalStorage<Scope>();

/** Runs a transaction's callback marked as such; the mark ends when the callback settles. */
export async function insideTransaction<T>(work: () => Promise<T>): Promise<T> {
  const state: Scope = { open: true };
  return scope.run(state, async () => {
    try {
      return await work();
    } finally {
      // Work started by the callback without awaiting it outlives the mark and may query freely.
      state.open = false;
    }
  });
}

export class QueryInsideTransaction extends Error {
  constructor() {
    super(
      "a query on the embedded database's own client from inside an open transaction: it would wait " +
        "for that transaction forever; read through the transaction's stores (tx) or before it opens",
    );
    this.name = "QueryInsideTransaction";
  }
}

/** Throws when called from a transaction's callback that is still running (see above). */
export function refuseInsideTransaction(): void {
  if (scope.getStore()?.open) throw new QueryInsideTransaction();
}
