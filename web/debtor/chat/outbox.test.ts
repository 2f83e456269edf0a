import { describe, expect, it } from "vitest";
import { newClientMessageId, Outbox, type StorageLike, storageKey } from "./outbox.js";

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe("Outbox", () => {
  it("keeps items in order across instances (a reload) and forgets acknowledged ones", () => {
    const storage = new MemoryStorage();
    const key = storageKey("A".repeat(43));
    const first = new Outbox(storage, key);
    first.add({ kind: "message", clientMessageId: "c-1", text: "bonjour", queuedAt: "t" });
    first.add({ kind: "action", clientMessageId: "c-2", type: "request_human", queuedAt: "t" });
    first.add({ kind: "message", clientMessageId: "c-1", text: "again", queuedAt: "t" });
    const reloaded = new Outbox(storage, key);
    expect(reloaded.list().map((i) => i.clientMessageId)).toEqual(["c-1", "c-2"]);
    reloaded.remove("c-1");
    reloaded.remove("c-2");
    expect(storage.data.size).toBe(0);
  });

  it("ignores corrupt storage and never puts the token in the key", () => {
    const storage = new MemoryStorage();
    const token = "B".repeat(43);
    storage.setItem(storageKey(token), "{not json");
    expect(new Outbox(storage, storageKey(token)).list()).toEqual([]);
    storage.setItem(
      storageKey(token),
      JSON.stringify([{ kind: "message", clientMessageId: 5 }, { kind: "x" }]),
    );
    expect(new Outbox(storage, storageKey(token)).list()).toEqual([]);
    expect(storageKey(token)).not.toContain(token.slice(0, 8));
  });

  it("makes ids the server accepts", () => {
    const id = newClientMessageId();
    expect(id).toMatch(/^[\w.:-]{1,100}$/);
    expect(newClientMessageId()).not.toBe(id);
  });
});
