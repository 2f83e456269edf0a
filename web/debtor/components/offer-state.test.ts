// Which offer cards a debtor may accept: the assistant's while negotiating, and a collector's while
// the collector holds the (escalated) case; never a stale, expired or decided one.
import { describe, expect, it } from "vitest";
import type { WireOffer } from "../../../contract/debtor-socket.js";
import { offerAcceptable, offerState } from "./OfferCard.js";

const offer: WireOffer = {
  id: "o1",
  kind: "full",
  total: 150_050,
  currency: "EUR",
  instalments: [],
  expiresAt: "2026-12-31T22:59:59.000Z",
  status: "proposed",
};
const now = Date.parse("2026-12-01T10:00:00Z");
const state = (acceptable: boolean, more: Partial<Parameters<typeof offerState>[1]> = {}) =>
  offerState(offer, { latest: true, decision: undefined, promised: false, acceptable, now, ...more });

describe("offer cards", () => {
  it("opens a collector's offer on an escalated case, not the assistant's", () => {
    expect(offerAcceptable("escalated", "agent")).toBe(true);
    expect(offerAcceptable("escalated", "assistant")).toBe(false);
    expect(offerAcceptable("negotiating", "assistant")).toBe(true);
    expect(offerAcceptable("closed", "agent")).toBe(false);
    expect(offerAcceptable("promised", "agent")).toBe(false);
    expect(state(offerAcceptable("escalated", "agent"))).toBe("open");
    expect(state(offerAcceptable("escalated", "assistant"))).toBe("closed");
  });

  it("closes an open offer that is superseded or expired", () => {
    expect(state(true, { latest: false })).toBe("closed");
    expect(state(true, { now: Date.parse("2027-01-02T00:00:00Z") })).toBe("closed");
  });
});
