// The outreach's transactions: row locks on a sequence are held until the work ends, and composing
// a message (PDF, payment instructions) can take longer than the default transaction timeout.
import type { AppContext } from "../context.js";
import type { TxStores } from "../ports/index.js";

export function inTransaction<T>(
  ctx: Pick<AppContext, "stores">,
  work: (tx: TxStores) => Promise<T>,
): Promise<T> {
  return ctx.stores.transaction(work, { timeoutMs: 60_000 });
}
