// The chat client's delivery rules against a scripted socket: order, retries with the same
// clientMessageId, no duplicate when the broadcast beats the ack, refused offers, resyncs.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { ChatClient } from "./client.js";
import type { StorageLike } from "./outbox.js";

type Handler = (...args: unknown[]) => void;
type Reply = (event: string, payload: Record<string, unknown>) => unknown | Promise<unknown>;

class FakeSocket {
  connected = false;
  recovered = false;
  active = true;
  readonly sent: { event: string; payload: Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, Handler[]>();
  constructor(public reply: Reply) {}
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  timeout(_ms: number) {
    return {
      emitWithAck: async (event: string, payload: Record<string, unknown>) => {
        this.sent.push({ event, payload });
        const answer = await this.reply(event, payload);
        if (answer === undefined) throw new Error("operation has timed out");
        return answer;
      },
    };
  }
  up(recovered = false) {
    this.connected = true;
    this.recovered = recovered;
    this.fire("connect");
  }
  down() {
    this.connected = false;
    this.fire("disconnect", "transport close");
  }
  connect() {}
  close() {}
  removeAllListeners() {
    this.handlers.clear();
  }
}

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const TOKEN = "T".repeat(43);
const settle = () => new Promise((r) => setTimeout(r, 0));
let clock = Date.parse("2026-11-22T10:00:00Z");
/** Server messages get increasing instants, as the database gives them. */
function msg(id: string, role: WireMessage["role"], text: string, at?: number): WireMessage {
  clock += 1000;
  return { id, role, text, createdAt: new Date(at ?? clock).toISOString() };
}

function setup(reply: Reply, storage: StorageLike = new MemoryStorage()) {
  const socket = new FakeSocket(reply);
  const client = new ChatClient(TOKEN, { storage, connect: () => socket as unknown as Socket });
  client.start();
  return { socket, client, storage };
}

describe("ChatClient", () => {
  it("queues while offline and delivers in order once connected, each once", async () => {
    let n = 0;
    const { socket, client } = setup(() => ({ ok: true, id: `m${++n}` }));
    client.send("un");
    client.send("deux");
    expect(client.getSnapshot().pending.map((p) => p.kind === "message" && p.text)).toEqual(["un", "deux"]);
    socket.up();
    socket.fire("state", { status: "negotiating" }); // end of the (empty) history
    await settle();
    await settle();
    expect(socket.sent.map((s) => s.payload.text)).toEqual(["un", "deux"]);
    const snap = client.getSnapshot();
    expect(snap.pending).toEqual([]);
    expect(snap.messages.map((m) => [m.id, m.role, m.text])).toEqual([
      ["m1", "debtor", "un"],
      ["m2", "debtor", "deux"],
    ]);
    expect(snap.awaitingReply).toBe(true);
    socket.fire("message", msg("m1", "debtor", "un", Date.now() - 1000));
    socket.fire("message", msg("a1", "assistant", "réponse", Date.now() + 60_000));
    expect(client.getSnapshot().messages.map((m) => m.id)).toEqual(["m1", "m2", "a1"]);
    expect(client.getSnapshot().awaitingReply).toBe(false);
  });

  it("waits for no assistant reply while a person holds the conversation, and again once it is handed back", async () => {
    let n = 0;
    const { socket, client } = setup(() => ({ ok: true, id: `d${++n}` }));
    socket.up();
    socket.fire("state", { status: "escalated" });
    socket.fire("message", {
      ...msg("j", "system", "Une personne a rejoint la conversation."),
      notice: "takeover",
    });
    expect(client.getSnapshot().personPresent).toBe(true);
    client.send("Bonjour ?");
    await settle();
    await settle();
    expect(client.getSnapshot().awaitingReply).toBe(false);
    // A resolution notice alone keeps the person (the server sends a hand-back notice when the
    // resolution ends the takeover); handing back ends it.
    socket.fire("message", { ...msg("r", "system", "Dossier résolu."), notice: "resolved_other" });
    expect(client.getSnapshot().personPresent).toBe(true);
    socket.fire("message", { ...msg("h", "system", "L'assistant reprend."), notice: "handback" });
    socket.fire("state", { status: "negotiating" });
    expect(client.getSnapshot().personPresent).toBe(false);
    client.send("Je peux payer en trois fois.");
    await settle();
    await settle();
    expect(client.getSnapshot().awaitingReply).toBe(true);
  });

  it("counts a resolution that closes the case as the person leaving", () => {
    const { socket, client } = setup(() => ({ ok: true, id: "d1" }));
    socket.up();
    socket.fire("message", { ...msg("j", "system", "Une personne a rejoint."), notice: "takeover" });
    expect(client.getSnapshot().personPresent).toBe(true);
    socket.fire("message", { ...msg("c", "system", "Paiement retrouvé."), notice: "resolved_payment_found" });
    expect(client.getSnapshot().personPresent).toBe(false);
  });

  it("retries an unacknowledged message with the same clientMessageId after reconnecting", async () => {
    let answer = false;
    const { socket, client } = setup(() => (answer ? { ok: true, id: "m1" } : undefined));
    socket.up();
    client.send("bonjour");
    await settle();
    socket.down();
    expect(client.getSnapshot().connection).toBe("offline");
    answer = true;
    socket.up();
    await settle();
    await settle();
    const ids = socket.sent.map((s) => s.payload.clientMessageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(client.getSnapshot().messages.map((m) => m.id)).toEqual(["m1"]);
  });

  it("shows a message once when the broadcast arrives before the ack", async () => {
    let socketRef: FakeSocket | undefined;
    const { socket, client } = setup((_event, payload) => {
      socketRef?.fire("message", msg("m1", "debtor", String(payload.text)));
      expect(client.getSnapshot().pending).toEqual([]);
      return { ok: true, id: "m1" };
    });
    socketRef = socket;
    socket.up();
    client.send("  salut  ");
    await settle();
    await settle();
    expect(client.getSnapshot().messages.map((m) => [m.id, m.text])).toEqual([["m1", "salut"]]);
  });

  it("keeps the queue in storage until acknowledged, across a reload", async () => {
    const storage = new MemoryStorage();
    const first = setup(() => undefined, storage);
    first.client.send("hors ligne");
    first.client.stop();
    const second = setup(() => ({ ok: true, id: "m9" }), storage);
    expect(second.client.getSnapshot().pending).toHaveLength(1);
    second.socket.up();
    await settle();
    await settle();
    expect(second.client.getSnapshot().messages.map((m) => m.text)).toEqual(["hors ligne"]);
    expect(storage.data.size).toBe(0);
  });

  it("marks a refused acceptance and tells why", async () => {
    const { socket, client } = setup(() => ({
      ok: false,
      error: { code: "offer_unavailable", message: "expired" },
    }));
    socket.up();
    client.act("accept_offer", "11111111-1111-4111-8111-111111111111");
    expect(client.getSnapshot().decisions["11111111-1111-4111-8111-111111111111"]).toBe("sending");
    await settle();
    await settle();
    const snap = client.getSnapshot();
    expect(snap.decisions["11111111-1111-4111-8111-111111111111"]).toBe("unavailable");
    expect(snap.notices.map((n) => n.code)).toEqual(["offer_unavailable"]);
    expect(snap.pending).toEqual([]);
  });

  it("places an action before the answer that beat its ack, and waits for no further reply", async () => {
    let socketRef: FakeSocket | undefined;
    const { socket, client } = setup(() => {
      socketRef?.fire("message", msg("confirm", "assistant", "Votre engagement est enregistré"));
      return { ok: true, id: "act" };
    });
    socketRef = socket;
    socket.up(true);
    socket.fire("message", msg("offer", "assistant", "Proposition"));
    client.act("accept_offer", "22222222-2222-4222-8222-222222222222");
    await settle();
    await settle();
    const snap = client.getSnapshot();
    expect(snap.messages.map((m) => m.id)).toEqual(["offer", "act", "confirm"]);
    expect(snap.messages[1]?.text).toBe("[accept_offer:22222222-2222-4222-8222-222222222222]");
    expect(snap.decisions["22222222-2222-4222-8222-222222222222"]).toBe("accepted");
    expect(snap.awaitingReply).toBe(false);
  });

  it("merges the history replayed after a reconnection without duplicates", async () => {
    const { socket, client } = setup(() => ({ ok: true, id: "x" }));
    socket.up();
    const [a, b, c] = [msg("a", "assistant", "1"), msg("b", "debtor", "2"), msg("c", "assistant", "3")];
    for (const m of [a, b]) socket.fire("message", m);
    socket.fire("state", { status: "verifying" });
    socket.down();
    socket.up(false);
    for (const m of [a, b, c]) socket.fire("message", m);
    socket.fire("state", { status: "negotiating" });
    const snap = client.getSnapshot();
    expect(snap.messages.map((m) => m.id)).toEqual(["a", "b", "c"]);
    expect(snap.status).toBe("negotiating");
  });

  it("stops on a refused link", () => {
    const { socket, client } = setup(() => undefined);
    socket.fire(
      "connect_error",
      Object.assign(new Error("locked"), { data: { code: "link_locked", message: "locked" } }),
    );
    expect(client.getSnapshot().connection).toBe("refused");
    expect(client.getSnapshot().refusal?.code).toBe("link_locked");
  });
});
