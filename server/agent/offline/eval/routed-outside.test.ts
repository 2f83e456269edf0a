// The outside banking sets through NLU, routing and the policy toolbox (npm run nlu:outside prints
// the lines behind each figure). Skipped, with a message, when ../shared/data is not beside the repo.
import { describe, expect, it } from "vitest";
import {
  ROUTED_DISPUTE_RECALL,
  ROUTED_HANDOFF_RECALL,
  ROUTED_OTHER_AS_DISPUTE,
} from "../nlu/corpus/gates.js";
import { SHARED_DATA_DIR, sharedDataAvailable } from "../nlu/eval/outside.js";
import { type OutsideRouting, routeOutsideSets, type Share } from "../test-support/routed-outside.js";

const available = sharedDataAvailable();
if (!available) console.warn(`outside sets not found at ${SHARED_DATA_DIR} (EVAL_SHARED_DATA): skipped`);

const lines = (s: Share) =>
  s.examples
    .slice(0, 30)
    .map((r) => `${r.escalation ?? "none"}/${r.intent}: ${r.text}`)
    .join("\n");

describe.skipIf(!available)("outside banking sets through the whole offline path", () => {
  let r: OutsideRouting;
  it("routes them all", { timeout: 60_000 }, async () => {
    r = await routeOutsideSets(SHARED_DATA_DIR);
    expect(r.disputeRecall.total).toBeGreaterThan(100);
  });

  it(`sends at least ${ROUTED_DISPUTE_RECALL * 100} % of dispute-like lines to a dispute`, () => {
    expect(r.disputeRecall.rate, lines(r.disputeRecall)).toBeGreaterThanOrEqual(ROUTED_DISPUTE_RECALL);
  });

  it(`puts at least ${ROUTED_HANDOFF_RECALL * 100} % of requests for a person before one`, () => {
    expect(r.handoffRecall.rate, lines(r.handoffRecall)).toBeGreaterThanOrEqual(ROUTED_HANDOFF_RECALL);
  });

  it(`escalates at most ${ROUTED_OTHER_AS_DISPUTE * 100} % of other banking lines as disputes`, () => {
    expect(r.otherAsDispute.rate, lines(r.otherAsDispute)).toBeLessThanOrEqual(ROUTED_OTHER_AS_DISPUTE);
  });
});
