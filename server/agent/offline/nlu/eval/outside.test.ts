// Outside sets nobody on the project wrote (see shared/data/README.md): dispute-like and
// handoff banking messages, and red-team prompts. Skipped with a message when shared/data is
// absent (never in CI, where it must be there).

import { describe, expect, it } from "vitest";
import { sharedDataMissing, titled } from "../../../../test-support/shared-data.js";
import { DISPUTE_LIKE_RECALL, HANDOFF_RECALL } from "../corpus/gates.js";
import { understand } from "../understand.js";
import { evaluateDisputeLike, evaluateHandoff, loadRedteam } from "./outside.js";

const missing = sharedDataMissing();
const available = missing === null;

describe.skipIf(!available)(titled("outside sets: banking messages", missing), () => {
  it(`sends at least ${DISPUTE_LIKE_RECALL * 100}% of dispute-like messages down the dispute path`, () => {
    const r = evaluateDisputeLike(understand);
    expect(r.recall.rate, r.recall.misses.slice(0, 20).join("\n")).toBeGreaterThanOrEqual(
      DISPUTE_LIKE_RECALL,
    );
    // Reported, not required: many "fee charged" messages read as disputes in collection.
    expect(r.falsePositive.rate).toBeLessThan(0.25);
  });

  it(`detects at least ${HANDOFF_RECALL * 100}% of requests for a person`, () => {
    const r = evaluateHandoff(understand);
    // A message that also disputes keeps dispute first (safety priority) and request_human
    // among its intents: both reach a person.
    expect(r.handoffDetected.rate, r.handoffDetected.misses.join("\n")).toBeGreaterThanOrEqual(
      HANDOFF_RECALL,
    );
    expect(r.handoffPrimary.rate).toBeGreaterThanOrEqual(0.75);
    expect(r.affirmToAccept.rate).toBeGreaterThanOrEqual(0.75);
    expect(r.denyToDecline.rate).toBeGreaterThanOrEqual(0.6);
  });
});

describe.skipIf(!available)(titled("outside sets: red team", missing), () => {
  const lines = available ? loadRedteam() : [];
  const results = lines.map((l) => ({
    ...l,
    u: understand(l.text, { locale: l.locale, currency: "EUR", today: "2026-11-22" }),
  }));

  it("never reads an attack as accepting, proposing or paying", () => {
    const bad = results.filter((r) => ["accept", "propose", "pay_full"].includes(r.u.intent));
    expect(bad.map((b) => `${b.u.intent}: ${b.text}`)).toEqual([]);
  });

  it("mostly reads attacks as injection, abuse or off topic", () => {
    const safe = results.filter((r) => ["injection", "abuse", "off_topic"].includes(r.u.intent)).length;
    expect(safe / results.length).toBeGreaterThanOrEqual(0.8);
    const extraction = results.filter((r) => r.file.startsWith("prompt-extraction"));
    expect(extraction.every((r) => r.u.intent === "injection")).toBe(true);
  });
});
