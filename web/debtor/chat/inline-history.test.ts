// The page's inline history (decision 0092): parsed defensively, shown before the socket connects,
// `after` asked on the first connection only, and the socket's copies merged by id (no duplicate).
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { DebtorHandshakeAuth } from "../../../contract/debtor-page.js";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { ChatClient } from "./client.js";
import { parseInlineHistory } from "./inline-history.js";

const TOKEN = "T".repeat(43);
const greeting: WireMessage = {
  id: "g1",
  role: "assistant",
  text: "Bonjour </script><!-- & merci",
  createdAt: "2026-12-03T10:00:00.000Z",
  quickReplies: ["75011"],
};
const answer: WireMessage = {
  id: "d1",
  role: "debtor",
  text: "75011",
  createdAt: "2026-12-03T10:00:05.000Z",
};

class FakeSocket {
  connected = false;
  recovered = false;
  active = true;
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  connect() {}
  close() {}
  removeAllListeners() {
    this.handlers.clear();
  }
}

describe("inline history", () => {
  it("parses the server's JSON, escapes included, and refuses what is not a history", () => {
    const json = JSON.stringify({ messages: [greeting], status: "verifying" }).replace(/</g, "\\u003c");
    expect(json).not.toContain("</script>");
    expect(parseInlineHistory(json)).toEqual({ messages: [greeting], status: "verifying" });
    expect(parseInlineHistory(null)).toBeNull();
    expect(parseInlineHistory("{not json")).toBeNull();
    expect(parseInlineHistory(JSON.stringify({ messages: [greeting], status: "handed_off" }))).toBeNull();
    expect(parseInlineHistory(JSON.stringify({ messages: "x", status: "verifying" }))).toBeNull();
    // A malformed entry is dropped, the rest kept.
    expect(
      parseInlineHistory(JSON.stringify({ messages: [{ id: 1 }, greeting], status: "verifying" }))?.messages,
    ).toEqual([greeting]);
  });

  it("shows the inline messages before connecting, asks for what follows once, and never duplicates", () => {
    const socket = new FakeSocket();
    const auths: DebtorHandshakeAuth[] = [];
    let auth: (() => DebtorHandshakeAuth) | undefined;
    const client = new ChatClient(TOKEN, {
      storage: null,
      initial: { messages: [greeting], status: "verifying" },
      connect: (_token, a) => {
        auth = a;
        return socket as unknown as Socket;
      },
    });
    expect(client.getSnapshot().messages.map((m) => m.id)).toEqual(["g1"]);
    expect(client.getSnapshot().status).toBe("verifying");
    client.start();
    auths.push(auth?.() as DebtorHandshakeAuth);
    expect(auths[0]).toEqual({ token: TOKEN, after: "g1" });
    socket.connected = true;
    socket.fire("connect");
    // A server that ignored `after` (or a live broadcast) sends the greeting again: merged by id.
    socket.fire("message", greeting);
    socket.fire("message", answer);
    socket.fire("state", { status: "verifying" });
    expect(client.getSnapshot().messages.map((m) => m.id)).toEqual(["g1", "d1"]);
    expect(client.getSnapshot().messages[0]?.text).toBe(greeting.text);
    // A reconnection asks for the whole history again (it also corrects local stand-ins).
    expect(auth?.()).toEqual({ token: TOKEN });
    client.stop();
  });
});
