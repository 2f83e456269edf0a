// The room watch (decision 0117) against a real socket.io server: what it reports after broadcasts
// to some rooms, to the whole namespace, and when more happened than it keeps.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { afterAll, describe, expect, it } from "vitest";
import { RoomWatch } from "./room-watch.js";

describe("room watch", () => {
  const http = createServer();
  const io = new Server(http);
  afterAll(() => io.close());

  it("tells whether a room was broadcast to since a mark", () => {
    const nsp = io.of("/watched");
    const watch = new RoomWatch(nsp);
    const mark = watch.mark();
    expect(watch.touchedSince(mark, ["conversation:a"])).toBe(false);
    nsp.to("conversation:b").emit("message", { id: "1" });
    expect(watch.touchedSince(mark, ["conversation:a", "case:a"])).toBe(false);
    expect(watch.touchedSince(mark, ["conversation:b"])).toBe(true);
    nsp.to(["case:a", "case:c"]).emit("state", { status: "negotiating" });
    expect(watch.touchedSince(mark, ["conversation:a", "case:a"])).toBe(true);
    // A later mark does not see what came before it.
    const later = watch.mark();
    expect(watch.touchedSince(later, ["conversation:b", "case:a"])).toBe(false);
    // A broadcast to the whole namespace touches every room.
    nsp.emit("notice", {});
    expect(watch.touchedSince(later, ["conversation:z"])).toBe(true);
  });

  it("answers yes when more happened since the mark than it keeps", () => {
    const nsp = io.of("/busy");
    const watch = new RoomWatch(nsp, 4);
    const mark = watch.mark();
    for (let i = 0; i < 4; i++) nsp.to(`conversation:${i}`).emit("message", {});
    expect(watch.touchedSince(mark, ["conversation:a"])).toBe(false);
    nsp.to("conversation:5").emit("message", {});
    expect(watch.touchedSince(mark, ["conversation:a"])).toBe(true);
  });

  it("follows an adapter installed after it was created", () => {
    const nsp = io.of("/replaced");
    const watch = new RoomWatch(nsp);
    watch.mark();
    // What `io.adapter(...)` does to every namespace: a new adapter object.
    nsp._initAdapter();
    const mark = watch.mark();
    nsp.to("conversation:a").emit("message", {});
    expect(watch.touchedSince(mark, ["conversation:a"])).toBe(true);
  });
});
