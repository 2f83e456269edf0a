// The labelled corpus as a regression gate: overall intent accuracy and a recall floor
// per intent, so that a rule change cannot quietly sacrifice one intent for the others.

import { describe, expect, it } from "vitest";
import { CORPUS_THRESHOLD, INTENT_RECALL_FLOOR } from "../corpus/gates.js";
import { loadCorpus, loadHoldout } from "../corpus/load.js";
import { INTENTS } from "../types.js";
import { understand } from "../understand.js";
import { scoreCorpus } from "./metrics.js";

const fr = loadCorpus("fr");
const en = loadCorpus("en");

describe("labelled corpus", () => {
  it("has enough utterances, every intent at least 8 times per language", () => {
    expect(fr.length + en.length).toBeGreaterThanOrEqual(400);
    for (const items of [fr, en]) {
      for (const intent of INTENTS) {
        expect(items.filter((i) => i.intent === intent).length, intent).toBeGreaterThanOrEqual(8);
      }
    }
  });

  const report = scoreCorpus([...fr, ...en], understand);

  it(`reaches ${CORPUS_THRESHOLD * 100}% intent accuracy`, () => {
    const misses = report.misses
      .filter((m) => m.what === "intent")
      .map((m) => `${m.item.text} -> ${m.got.intent}`);
    expect(report.accuracy, misses.join("\n")).toBeGreaterThanOrEqual(CORPUS_THRESHOLD);
  });

  it(`keeps every intent's recall above ${INTENT_RECALL_FLOOR * 100}%`, () => {
    for (const s of report.intents) expect(s.recall, s.intent).toBeGreaterThanOrEqual(INTENT_RECALL_FLOOR);
  });

  it("reads the labelled slots", () => {
    for (const s of report.slots) expect(s.correct / s.total, s.slot).toBeGreaterThanOrEqual(0.9);
  });

  it("loads the held-out utterances (scored by scripts/nlu-accuracy.ts, not gated)", () => {
    expect(loadHoldout("fr").length + loadHoldout("en").length).toBeGreaterThan(0);
  });
});
