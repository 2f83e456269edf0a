// The replay of a past conversation under two packs: the same debtor messages, the engine's
// answers under each (offers, agreements, escalations), as the simulation compares them.
import { describe, expect, it } from "vitest";
import type { PolicyPack } from "../../policy/index.js";
import { factsFor, pack } from "../../policy/test-support/fixtures.js";
import { replayConversation } from "./replay-core.js";

const TODAY = "2026-11-20";
const published = pack("fr-business");
const longer: PolicyPack = structuredClone(published);
longer.limits.maxInstalments.value = 18;
longer.limits.maxPlanMonths.value = 18;
const facts = factsFor(published, [
  { number: "F-1", issuedAt: "2026-09-01", dueAt: "2026-10-01", amount: 300_000 },
]);

describe("replaying a conversation", () => {
  it("counters 15 payments under a 12-instalment limit and accepts them under 18", () => {
    const messages = ["Je peux payer en 15 mensualités", "d'accord"];
    const before = replayConversation(facts, TODAY, messages, published);
    const after = replayConversation(facts, TODAY, messages, longer);
    expect(before.steps[0]?.text).toMatch(/^asks plan 15 payments: counters with plan: 12 ×/);
    expect(after.steps[0]?.text).toMatch(/^asks plan 15 payments: accepted plan: 15 ×/);
    expect(before.agreed).toBe(true); // the debtor's "d'accord" takes the counter-offer
    expect(after.steps[1]?.text).toBe("(agreed)");
    expect(before.lastOfferTotal).toBe(after.lastOfferTotal);
  });

  it("says each step in French too, amounts as the French write them", () => {
    const messages = ["Je peux payer en 15 mensualités", "d'accord"];
    const before = replayConversation(facts, TODAY, messages, published);
    expect(before.steps[0]?.textFr).toMatch(
      /^demande échéancier en 15 paiements : contre-proposition : échéancier : 12 × [\d\s\u202f]+,\d\d\s€/,
    );
    expect(before.steps[1]?.textFr).toMatch(/^accepte échéancier : 12 ×/);
    const stopped = replayConversation(
      facts,
      TODAY,
      ["Je conteste cette facture, jamais livrée", "ok"],
      published,
    );
    expect(stopped.steps.map((s) => s.textFr)).toEqual(["escalade : dispute", "(chez un conseiller)"]);
  });

  it("opens the same safety escalation under both and stops there", () => {
    const messages = [
      "Je conteste cette facture, la marchandise n'a jamais été livrée",
      "je peux payer 100 €",
    ];
    for (const p of [published, longer]) {
      const r = replayConversation(facts, TODAY, messages, p);
      expect(r.escalations).toEqual(["dispute"]);
      expect(r.steps.map((s) => s.text)).toEqual(["escalates: dispute", "(with a person)"]);
    }
  });

  it("walks the ladder on a decline", () => {
    const r = replayConversation(facts, TODAY, ["Je voudrais un échéancier", "non, c'est trop"], published);
    expect(r.steps[0]?.text).toMatch(/offers plan/);
    expect(r.steps[1]?.text).toMatch(/^declined; /);
  });
});
