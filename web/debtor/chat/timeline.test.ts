import { describe, expect, it } from "vitest";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { Timeline } from "./timeline.js";

const m = (id: string, second: number, role: WireMessage["role"] = "assistant"): WireMessage => ({
  id,
  role,
  text: `text ${id}`,
  createdAt: new Date(Date.UTC(2026, 10, 22, 10, 0, second)).toISOString(),
});

const ids = (t: Timeline) => t.messages.map((x) => x.id);

describe("Timeline", () => {
  it("shows each message once", () => {
    const t = new Timeline();
    expect(t.receive(m("a", 1))).toBe(true);
    expect(t.receive(m("b", 2))).toBe(true);
    expect(t.receive(m("a", 1))).toBe(false);
    expect(ids(t)).toEqual(["a", "b"]);
  });

  it("puts messages missed while offline in their place when the history is replayed", () => {
    const t = new Timeline();
    for (const [id, s] of [
      ["a", 1],
      ["b", 2],
      ["e", 5],
    ] as const)
      t.receive(m(id, s));
    // A live broadcast that raced the history, then the history itself.
    t.receive(m("f", 6));
    for (const [id, s] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 4],
      ["e", 5],
    ] as const)
      t.receive(m(id, s));
    expect(ids(t)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("keeps the order of arrival for messages of the same instant", () => {
    const t = new Timeline();
    t.receive(m("debtor", 1, "debtor"));
    t.receive(m("reply", 1));
    expect(ids(t)).toEqual(["debtor", "reply"]);
  });

  it("lets the server's copy replace a local stand-in, offer status included", () => {
    const t = new Timeline();
    const offer = {
      id: "o",
      kind: "full" as const,
      total: 100,
      currency: "EUR",
      instalments: [],
      expiresAt: "2026-12-01T00:00:00Z",
    };
    t.receive({ ...m("a", 9), offer: { ...offer, status: "proposed" } });
    t.receive(m("z", 5));
    t.receive({ ...m("a", 3), offer: { ...offer, status: "accepted" } });
    expect(ids(t)).toEqual(["a", "z"]);
    expect(t.messages[0]?.offer?.status).toBe("accepted");
    expect(t.latest()).toBe(Date.parse(m("z", 5).createdAt));
  });
});
