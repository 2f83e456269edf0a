// A debtor socket reads its conversation in the handshake, before it joins the conversation's room
// (decision 0117). A message published in between is in neither that read nor the socket's
// deliveries; the connection must read the conversation again and show it. Here another path greets
// the conversation right after the handshake's read: the debtor still sees that greeting, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatStore } from "../app/ports/chat.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe.each(TEST_TARGETS)("the debtor handshake's read on %s", (target) => {
  let t: TestService;
  let store: ChatStore;
  let original: Pick<ChatStore, "openConnection" | "history">;
  beforeAll(async () => {
    t = await startTestService(target);
    store = t.service.ctx.stores.chat;
    original = { openConnection: store.openConnection, history: store.history };
  });
  afterAll(async () => {
    Object.assign(store, original);
    await t?.close();
  });

  async function newCase(): Promise<{ id: string; token: string }> {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Counts the reads of the store while `work` runs. */
  async function reads(work: () => Promise<void>): Promise<{ opens: number; histories: number }> {
    const n = { opens: 0, histories: 0 };
    store.openConnection = (...args) => {
      n.opens++;
      return original.openConnection(...args);
    };
    store.history = (...args) => {
      n.histories++;
      return original.history(...args);
    };
    try {
      await work();
    } finally {
      Object.assign(store, original);
    }
    return n;
  }

  it("reads a connection's conversation once, in the handshake, when nothing was published meanwhile", async () => {
    const c = await newCase();
    let debtor: DebtorClient | undefined;
    const n = await reads(async () => {
      debtor = await DebtorClient.connect(t.url, c.token);
      const d = debtor;
      await d.waitFor(() => d.lastAssistant(), "the greeting");
      await t.service.chat.idle();
    });
    expect(n).toEqual({ opens: 1, histories: 0 });
    expect(debtor?.assistant()).toHaveLength(1);
    debtor?.close();
  });

  it("shows a message published between the handshake's read and the join", async () => {
    const c = await newCase();
    let injected = false;
    store.openConnection = async (hash, now, read) => {
      const opened = await original.openConnection(hash, now, read);
      if (opened && read === "context" && !injected) {
        injected = true;
        // Another path (the chat page's request) greets the conversation after this read: its
        // broadcast finds no socket of this debtor in the conversation's room yet.
        const page = await t.service.chat.openWithHistory(c.token);
        await t.service.chat.resume(page.session, page.view);
      }
      return opened;
    };
    let debtor: DebtorClient | undefined;
    try {
      debtor = await DebtorClient.connect(t.url, c.token);
      const d = debtor;
      const greeting = await d.waitFor(
        () => d.lastAssistant(),
        "the greeting published during the handshake",
      );
      expect(greeting.text).toContain("Code postal ?");
    } finally {
      Object.assign(store, original);
    }
    expect(injected).toBe(true);
    await t.service.chat.idle();
    await new Promise((r) => setTimeout(r, 100));
    // Greeted once: the connection's own resume found the conversation greeted.
    expect(debtor.assistant()).toHaveLength(1);
    const transcript = await t.api("GET", `/api/cases/${c.id}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.messages.map((m: { role: string }) => m.role)).toEqual(["assistant"]);
    debtor.close();
  });
});
