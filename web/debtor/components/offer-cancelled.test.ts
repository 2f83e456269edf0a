// What an offer card shows: a plan whose promise was cancelled is never shown as accepted, even
// when this page accepted it earlier.
import { describe, expect, it } from "vitest";
import type { WireOffer } from "../../../contract/debtor-socket.js";
import { offerState } from "./OfferCard.js";

const offer = {
  id: "o1",
  kind: "plan",
  total: 1000,
  currency: "EUR",
  instalments: [],
  expiresAt: "2030-01-01T00:00:00Z",
  status: "accepted",
} as unknown as WireOffer;

describe("offerState", () => {
  const base = { latest: true, decision: undefined, promised: true, acceptable: false, now: Date.now() };
  it("shows an offer whose promise is live as accepted", () => {
    expect(offerState(offer, { ...base, promiseStatus: "active" })).toBe("accepted");
    expect(offerState(offer, { ...base, promiseStatus: "kept" })).toBe("accepted");
  });
  it("shows a cancelled promise's offer as cancelled, whatever this page decided before", () => {
    expect(offerState(offer, { ...base, promiseStatus: "cancelled" })).toBe("cancelled");
    expect(offerState(offer, { ...base, decision: "accepted", promiseStatus: "cancelled" })).toBe(
      "cancelled",
    );
  });
});
