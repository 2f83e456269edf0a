// The turn cache's merge rules: what a turn may take from memory instead of reading the database.
import { describe, expect, it } from "vitest";
import type { HistoryEntry, TurnCase, TurnConversation } from "../ports/chat.js";
import { TurnCache } from "./turn-cache.js";

const conversation = (version: number, answeredSeq = 0): TurnConversation => ({
  id: "conv-1",
  state: { phase: "verifying", v: version },
  verifyAttempts: 0,
  verifiedAt: null,
  lockedAt: null,
  humanOwnerId: null,
  answeredSeq,
  version,
});
const caseRead = (reference: string) => ({
  detail: { id: "case-1", reference } as unknown as TurnCase,
  fingerprint: `fp-${reference}`,
});
const said = (seq: number, text: string): HistoryEntry => ({ seq, role: "debtor", text });

describe("turn cache", () => {
  it("fills an empty conversation with a read made on the way (a stored message, the debtor's view)", () => {
    const cache = new TurnCache();
    cache.fill("conv-1", {
      case: caseRead("A"),
      conversation: conversation(1),
      history: [said(1, "bonjour")],
    });
    expect(cache.get("conv-1")).toMatchObject({
      case: { fingerprint: "fp-A" },
      conversation: { version: 1 },
      history: [said(1, "bonjour")],
    });
  });

  it("takes the case after a turn dropped it, keeps a newer conversation and merges the messages", () => {
    const cache = new TurnCache();
    cache.set("conv-1", {
      case: caseRead("A"),
      conversation: conversation(3, 2),
      history: [said(1, "a"), said(2, "b")],
    });
    cache.dropCase("conv-1");
    // A read that started before the turn wrote version 3: its conversation is older, its case is all there is.
    cache.fill("conv-1", {
      case: caseRead("B"),
      conversation: conversation(2, 1),
      history: [said(2, "b"), said(3, "c")],
    });
    const entry = cache.get("conv-1");
    expect(entry?.case?.fingerprint).toBe("fp-B");
    expect(entry?.conversation.version).toBe(3);
    expect(entry?.conversation.answeredSeq).toBe(2);
    expect(entry?.history.map((h) => h.seq)).toEqual([1, 2, 3]);
  });

  it("keeps a case it holds: a read on the way never replaces it", () => {
    const cache = new TurnCache();
    cache.set("conv-1", { case: caseRead("A"), conversation: conversation(1), history: [] });
    cache.fill("conv-1", { case: caseRead("B"), conversation: conversation(2), history: [said(1, "x")] });
    const entry = cache.get("conv-1");
    expect(entry?.case?.fingerprint).toBe("fp-A");
    expect(entry?.conversation.version).toBe(2);
    expect(entry?.history).toEqual([said(1, "x")]);
  });

  it("applies a turn's own status change to the read it made, and drops a case read since", () => {
    const cache = new TurnCache();
    const read = caseRead("A");
    cache.set("conv-1", { case: read, conversation: conversation(1), history: [] });
    cache.replaceCase("conv-1", read.detail, (detail) => ({
      detail: { ...detail, status: "negotiating" },
      fingerprint: "fp-A2",
    }));
    expect(cache.get("conv-1")?.case).toMatchObject({
      detail: { reference: "A", status: "negotiating" },
      fingerprint: "fp-A2",
    });
    // Another read replaced the case meanwhile: the turn's change is not applied to it, the case is read again.
    cache.dropCase("conv-1");
    cache.fill("conv-1", { case: caseRead("B"), conversation: conversation(2), history: [] });
    cache.replaceCase("conv-1", read.detail, (detail) => ({ detail, fingerprint: "fp-A3" }));
    expect(cache.get("conv-1")?.case).toBeUndefined();
  });

  it("forgets the oldest conversation beyond its size", () => {
    const cache = new TurnCache(2);
    for (const id of ["c1", "c2", "c3"])
      cache.fill(id, { case: caseRead(id), conversation: { ...conversation(1), id }, history: [] });
    expect(cache.get("c1")).toBeUndefined();
    expect(cache.get("c3")?.case?.fingerprint).toBe("fp-c3");
  });
});
