import { describe, expect, it } from "vitest";
import { pack } from "../../policy/test-support/fixtures.js";
import { stopReason } from "./stop-rules.js";

describe("when reminders stop", () => {
  const fr = pack("fr-business");
  it("stops for a closed or handed-off case and for stop-collection escalations", () => {
    expect(stopReason("closed", [], fr)).toBe("case:closed");
    expect(stopReason("handed_off", [], fr)).toBe("case:handed_off");
    for (const kind of [
      "dispute",
      "stop_request",
      "vulnerability",
      "already_paid",
      "surendettement",
      "abuse",
    ])
      expect(stopReason("escalated", [kind], fr)).toBe(`escalation:${kind}`);
  });

  it("keeps going for escalations that hand over without stopping collection", () => {
    for (const kind of ["human_request", "hardship", "counter_offer", "broken_promise"])
      expect(stopReason("escalated", [kind], fr)).toBeNull();
    expect(stopReason("negotiating", [], fr)).toBeNull();
  });

  it("stops for a dispute, a stop request or a vulnerability even if a pack said otherwise", () => {
    const lax = {
      ...fr,
      escalation: fr.escalation.map((e) => ({ ...e, stopCollection: false })),
    };
    expect(stopReason("escalated", ["dispute"], lax)).toBe("escalation:dispute");
    expect(stopReason("escalated", ["vulnerability"], lax)).toBe("escalation:vulnerability");
    expect(stopReason("escalated", ["stop_request"], lax)).toBe("escalation:stop_request");
    expect(stopReason("escalated", ["bankruptcy"], lax)).toBeNull();
  });
});
