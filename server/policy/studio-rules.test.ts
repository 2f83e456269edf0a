// The policy studio's pure rules on the shipped packs: the diff in words, which changes widen a
// limit (a second person approves them), and what the law forbids whatever the pack says.
import { describe, expect, it } from "vitest";
import { describeChanges, labelOf } from "./diff.js";
import { legalProblems } from "./legal-guard.js";
import type { PolicyPack } from "./schema.js";
import { pack } from "./test-support/fixtures.js";
import { wideningChanges } from "./widening.js";

const edit = (id: string, change: (p: PolicyPack) => void): PolicyPack => {
  const copy = structuredClone(pack(id));
  change(copy);
  return copy;
};

describe("changes in words", () => {
  it("names known limits as a person does and spells other paths out", () => {
    const before = pack("fr-business");
    const after = edit("fr-business", (p) => {
      p.limits.maxInstalments.value = 18;
      p.limits.cadences.value = ["monthly"];
      p.ladder.steps[0] = { ...(p.ladder.steps[0] as (typeof p.ladder.steps)[0]), dueInDays: 10 };
    });
    expect(describeChanges(before, after).map((c) => c.text)).toEqual([
      "ladder: steps 1: due in days 14 → 10",
      "payment cadences weekly, biweekly, monthly → monthly",
      "maximum instalments 12 → 18",
    ]);
    expect(labelOf("limits.discountTiers[1].maxDiscountBps")).toBe(
      "limits: discount tiers 2: max discount bps",
    );
  });

  it("names reminder steps by position, the sequence's settings and FAQ answers by topic and language", () => {
    const before = pack("fr-business");
    const after = edit("fr-business", (p) => {
      const reminders = p.reminders;
      if (!reminders) throw new Error("fr-business has a reminder sequence");
      const third = reminders.steps[2];
      if (third) third.day = 12;
      reminders.maxPerSevenDays.value = 3;
      reminders.quietHours.from = "21:00";
      if (third) reminders.steps.push({ ...third, id: "last-call", day: 60, template: "task-review" });
      const creditor = p.faq?.creditor;
      if (creditor) creditor.en = "We act for {creditor}.";
    });
    const texts = describeChanges(before, after).map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "reminder step 3: day 10 → 12",
        "maximum reminders per 7 days 2 → 3",
        "quiet hours from “20:00” → “21:00”",
        `reminder step ${(after.reminders?.steps.length ?? 0).toString()} (none) → day 60, email, “task-review”, firm`,
        "FAQ answer “creditor” (English) “I am the virtual assistant handling file {reference} on b…” → “We act for {creditor}.”",
      ]),
    );
    expect(texts).toHaveLength(5);
  });
});

describe("widening changes", () => {
  it("flags more instalments, a lower minimum, a larger discount and a new cadence; not tightening", () => {
    const base = pack("fr-business");
    const wider = edit("fr-business", (p) => {
      p.limits.maxInstalments.value = 18;
      p.limits.minInstalment.value = 5000;
      const tier = p.limits.discountTiers[0];
      if (tier) tier.maxDiscountBps += 100;
    });
    expect(wideningChanges(base, wider).map((w) => w.path)).toEqual(
      expect.arrayContaining([
        "limits.maxInstalments",
        "limits.minInstalment",
        "limits.discountTiers[0].maxDiscountBps",
      ]),
    );
    const tighter = edit("fr-business", (p) => {
      p.limits.maxInstalments.value = 6;
      p.limits.minInstalment.value = 20000;
    });
    expect(wideningChanges(base, tighter)).toEqual([]);
    const monthly = edit("us-consumer", (p) => {
      p.limits.cadences.value = ["monthly"];
    });
    const weekly = edit("us-consumer", (p) => {
      p.limits.cadences.value = ["monthly", "weekly"];
    });
    expect(wideningChanges(monthly, weekly).map((w) => w.path)).toEqual(["limits.cadences"]);
    expect(wideningChanges(weekly, monthly)).toEqual([]);
  });
});

describe("legal guard rails", () => {
  it("accepts the shipped packs as they are", () => {
    for (const id of ["fr-business", "fr-consumer", "us-consumer", "uk-consumer", "generic-business"])
      expect(legalProblems(pack(id), pack(id)), id).toEqual([]);
  });

  it("refuses a threat in a text even when its forbidden-wording entry was removed", () => {
    const published = pack("fr-business");
    const entry = published.forbiddenWording.find((w) => w.terms.fr.length > 0);
    if (!entry) throw new Error("no French forbidden wording in fr-business");
    const threat = entry.terms.fr[0] as string;
    const draft = edit("fr-business", (p) => {
      p.forbiddenWording = p.forbiddenWording.filter((w) => w.id !== entry.id);
      const d = p.disclosures[0];
      if (d) d.text.fr = `${d.text.fr} ${threat}`;
    });
    const problems = legalProblems(draft, published);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "disclosures[0].text.fr" }),
        expect.objectContaining({ path: "forbiddenWording" }),
      ]),
    );
  });

  it("refuses a threat in an FAQ answer", () => {
    const published = pack("fr-business");
    const entry = published.forbiddenWording.find((w) => w.terms.en.length > 0);
    if (!entry) throw new Error("no English forbidden wording in fr-business");
    const draft = edit("fr-business", (p) => {
      const answer = p.faq?.creditor;
      if (!answer) throw new Error("fr-business answers who the creditor is");
      answer.en = `${answer.en} Otherwise ${entry.terms.en[0] as string}.`;
    });
    expect(legalProblems(draft, published)).toEqual([
      expect.objectContaining({ path: "faq.creditor.en", rule: entry.rules[0] ?? entry.id }),
    ]);
  });

  it("refuses a missing mandatory disclosure and a fee above the legal cap", () => {
    const us = pack("us-consumer");
    const noMiranda = edit("us-consumer", (p) => {
      p.disclosures = p.disclosures.filter((d) => !d.rules.includes("US-1"));
    });
    expect(legalProblems(noMiranda, us).map((p) => p.rule)).toContain("US-1");
    const fr = pack("fr-business");
    const fee = edit("fr-business", (p) => {
      if (p.fees.recoveryIndemnity) p.fees.recoveryIndemnity.amount = 4500;
    });
    expect(legalProblems(fee, fr)).toEqual([
      expect.objectContaining({ path: "fees.recoveryIndemnity.amount", rule: "FR-B1" }),
    ]);
    const consumer = edit("fr-consumer", (p) => {
      p.fees.recoveryIndemnity = { amount: 4000, currency: "EUR", per: "invoice", rules: ["FR-B1"] };
    });
    expect(legalProblems(consumer, pack("fr-consumer")).map((p) => p.rule)).toContain("FR-P2");
  });
});
