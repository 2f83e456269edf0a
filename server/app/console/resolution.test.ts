// Where each outcome of an escalation leads the case (pure).
import { describe, expect, it } from "vitest";
import type { ResolutionSnapshot } from "../../db/console/escalations.js";
import { resolutionPlan } from "./escalations.js";

const base: ResolutionSnapshot = {
  kind: "dispute",
  otherOpen: 0,
  hasActivePromise: false,
  verified: true,
  state: { phase: "escalated", turn: 4 },
  ownerId: null,
};

describe("resolutionPlan", () => {
  it.each([
    ["dispute_upheld", base, "closed"],
    ["payment_found", base, "closed"],
    ["dispute_rejected", base, "negotiating"],
    ["no_action", base, "negotiating"],
    ["plan_agreed", { ...base, hasActivePromise: true }, "promised"],
    ["plan_agreed", base, "negotiating"],
    ["other", { ...base, verified: false }, "verifying"],
    ["dispute_rejected", { ...base, otherOpen: 1 }, "escalated"],
  ] as const)("%s leads to %s", (outcome, snapshot, status) => {
    const plan = resolutionPlan(outcome, snapshot, "fr");
    expect(plan.caseStatus).toBe(status);
    expect(plan.state).toMatchObject({ phase: status, turn: 4 });
  });

  it("cancels the promise only when a dispute is upheld, closes offers only when the case closes", () => {
    expect(resolutionPlan("dispute_upheld", base, "en")).toMatchObject({
      cancelActivePromise: true,
      closeOpenOffers: true,
      unlock: false,
    });
    expect(resolutionPlan("payment_found", base, "en")).toMatchObject({
      cancelActivePromise: false,
      closeOpenOffers: true,
    });
    expect(resolutionPlan("dispute_rejected", base, "en")).toMatchObject({
      cancelActivePromise: false,
      closeOpenOffers: false,
    });
  });

  it("lifts an identity lock unless the case closes, and tells the debtor in their language", () => {
    expect(resolutionPlan("other", { ...base, kind: "identity", verified: false }, "fr").unlock).toBe(true);
    expect(resolutionPlan("dispute_upheld", { ...base, kind: "identity" }, "fr").unlock).toBe(false);
    expect(resolutionPlan("payment_found", base, "en").notice?.text).toBe(
      "Our team has found your payment. Thank you, this case is now closed.",
    );
    expect(resolutionPlan("payment_found", base, "fr").notice?.meta).toMatchObject({
      layer: "system",
      notice: "resolved_payment_found",
      promptId: "console-fr@1",
    });
  });

  it("ends a takeover when the case leaves the queue, with the hand-back notice unless it closes", () => {
    const owned = { ...base, ownerId: "u1" };
    expect(resolutionPlan("no_action", base, "fr")).toMatchObject({
      endTakeover: false,
      handbackNotice: null,
    });
    const back = resolutionPlan("no_action", owned, "fr");
    expect(back.endTakeover).toBe(true);
    expect(back.handbackNotice?.meta).toMatchObject({ notice: "handback" });
    expect(resolutionPlan("payment_found", owned, "fr")).toMatchObject({
      endTakeover: true,
      handbackNotice: null,
    });
    // Another escalation is still open: the case stays in the queue and the person keeps it.
    expect(resolutionPlan("no_action", { ...owned, otherOpen: 1 }, "fr").endTakeover).toBe(false);
  });
});
