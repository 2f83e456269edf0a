// The studio's messages in French: the errors a policy editor meets in the form (from the real
// schema, on a real pack) and the guard rails each have a French sentence carrying the same values.

import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { legalProblems } from "./legal-guard.js";
import { parsePack } from "./load.js";
import { studioFrench } from "./pack-errors-fr.js";
import type { PolicyPack } from "./schema.js";
import { pack } from "./test-support/fixtures.js";

const edit = (id: string, change: (p: PolicyPack) => void): PolicyPack => {
  const copy = structuredClone(pack(id));
  change(copy);
  return copy;
};

function errorsOf(content: PolicyPack) {
  const parsed = parsePack(stringify(content), "draft.yaml");
  if (parsed.ok) throw new Error("the edited pack should not parse");
  return parsed.errors;
}

describe("the studio's messages in French", () => {
  it("has French for the schema errors the form leads to, values kept", () => {
    const errors = errorsOf(
      edit("fr-business", (p) => {
        // Values the form lets a person type, whatever the schema says.
        const limits = p.limits as unknown as Record<string, unknown>;
        p.limits.maxInstalments.value = -2;
        (p.limits.minInstalment as { value: unknown }).value = "douze";
        p.limits.firstPaymentWithinDays.value = 10_000;
        const step = p.ladder.steps[1];
        if (step) step.dueInDays = 400;
        limits.unexpected = 1;
        delete limits.maxPlanMonths;
        const reminder = p.reminders?.steps[2];
        if (reminder) reminder.day = -400;
      }),
    );
    expect(errors.length).toBeGreaterThanOrEqual(4);
    for (const e of errors) {
      const fr = studioFrench(e.message);
      expect(fr, `${e.path}: ${e.message}`).toBeDefined();
      expect(fr).not.toBe(e.message);
      for (const n of e.message.match(/-?\d+/g) ?? []) expect(fr).toContain(n);
    }
    expect(studioFrench('unknown key "unexpected"')).toBe("clé inconnue « unexpected »");
    expect(studioFrench("required field is missing")).toBe("champ obligatoire manquant");
  });

  it("has French for every guard rail", () => {
    const fee = edit("fr-business", (p) => {
      if (p.fees.recoveryIndemnity) p.fees.recoveryIndemnity.amount = 4500;
      p.fees.contractualFees = [
        { id: "desk", label: { fr: "frais", en: "fee" }, per: "case", amount: 1000, rules: ["FR-B2"] },
      ];
    });
    const consumer = edit("fr-consumer", (p) => {
      p.fees.recoveryIndemnity = { amount: 4000, currency: "EUR", per: "invoice", rules: ["FR-B1"] };
    });
    const noMiranda = edit("us-consumer", (p) => {
      p.disclosures = p.disclosures.filter((d) => !d.rules.includes("US-1"));
      p.forbiddenWording = [];
    });
    const problems = [
      ...legalProblems(fee, pack("fr-business")),
      ...legalProblems(consumer, pack("fr-consumer")),
      ...legalProblems(noMiranda, pack("us-consumer")),
    ];
    expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining(["FR-B1", "FR-B2", "FR-P2", "US-1"]));
    for (const p of problems) expect(studioFrench(p.message), p.message).toMatch(/\p{L}/u);
    expect(studioFrench(problems.find((p) => p.rule === "FR-B1")?.message ?? "")).toBe(
      "l'indemnité de recouvrement est plafonnée à 40,00 EUR par facture (FR-B1), pas 45,00",
    );
  });

  it("has no French for a sentence it does not know (the console shows the English one)", () => {
    expect(studioFrench("something new the schema says")).toBeUndefined();
  });
});
