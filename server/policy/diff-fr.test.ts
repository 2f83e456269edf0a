// The changes in words in French, for the console in French: the same changes as the English ones,
// named as a French policy editor names them.
import { describe, expect, it } from "vitest";
import { describeChanges, labelOf } from "./diff.js";
import type { PolicyPack } from "./schema.js";
import { pack } from "./test-support/fixtures.js";

const edit = (id: string, change: (p: PolicyPack) => void): PolicyPack => {
  const copy = structuredClone(pack(id));
  change(copy);
  return copy;
};

describe("changes in words, in French", () => {
  it("names the limits, the ladder and the reminder steps in French, values kept", () => {
    const before = pack("fr-business");
    const after = edit("fr-business", (p) => {
      p.limits.maxInstalments.value = 18;
      p.limits.cadences.value = ["monthly"];
      p.ladder.steps[0] = { ...(p.ladder.steps[0] as (typeof p.ladder.steps)[0]), dueInDays: 10 };
      const third = p.reminders?.steps[2];
      if (third) third.day = 12;
      if (p.reminders) p.reminders.quietHours.from = "21:00";
    });
    const changes = describeChanges(before, after);
    expect(changes.map((c) => c.textFr)).toEqual(
      expect.arrayContaining([
        "échelle, étape 1 : à payer sous (jours) 14 → 10",
        "périodicités de paiement weekly, biweekly, monthly → monthly",
        "nombre maximal d'échéances 12 → 18",
        "étape de relance 3 : jour 10 → 12",
        "heures calmes à partir de « 20:00 » → « 21:00 »",
      ]),
    );
    // One French text per English one, never the English text again.
    for (const c of changes) expect(c.textFr).not.toBe(c.text);
  });

  it("keeps a path without a French name as written in the YAML", () => {
    expect(labelOf("limits.discountTiers[1].maxDiscountBps", "fr")).toBe(
      "palier de remise 2 : remise maximale (points de base)",
    );
    expect(labelOf("limitation.timeBarred.disclosure", "fr")).toBe("limitation.timeBarred.disclosure");
    expect(labelOf("faq.creditor.en", "fr")).toBe("réponse FAQ « qui est le créancier » (anglais)");
  });
});
