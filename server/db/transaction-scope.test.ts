// A query on the root client from inside a transaction's callback: on the embedded database it
// would wait for that transaction forever (one connection), so it is refused with a clear error;
// the transaction's own stores, and work the callback leaves running after it ends, are not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./open.js";
import { QueryInsideTransaction } from "./transaction-scope.js";

describe("queries from inside a transaction on the embedded database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: "memory://" });
  });
  afterAll(async () => {
    await db.close();
  });

  it("refuses a read on the root client inside the callback instead of waiting forever", async () => {
    const attempt = db.stores.transaction(async () => db.stores.policies.get("no-such-version"));
    await expect(attempt).rejects.toBeInstanceOf(QueryInsideTransaction);
    // The refused transaction left the connection free.
    expect(await db.ping()).toBe(true);
  });

  it("refuses it inside the chat turn's transaction too", async () => {
    const attempt = db.stores.chat.turn(async () => db.stores.policies.publishedStamps());
    await expect(attempt).rejects.toBeInstanceOf(QueryInsideTransaction);
  });

  it("reads through the transaction's own stores", async () => {
    const read = await db.stores.transaction((tx) => tx.policies.get("no-such-version"));
    expect(read).toBeNull();
  });

  it("lets work the callback started without awaiting it query once the transaction is over", async () => {
    let later: Promise<unknown> = Promise.resolve();
    await db.stores.transaction(async (tx) => {
      later = new Promise((r) => setTimeout(r, 20)).then(() => db.stores.policies.get("no-such-version"));
      return tx.policies.get("no-such-version");
    });
    await expect(later).resolves.toBeNull();
  });

  it("queries freely outside any transaction, before and after", async () => {
    expect(await db.stores.policies.get("no-such-version")).toBeNull();
  });
});
