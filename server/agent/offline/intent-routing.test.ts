// What the debtor said, as a proposal for the policy engine: a first payment followed by "the rest"
// is a plan with that first payment, not an offer to settle for it.
import { describe, expect, it } from "vitest";
import { firstPaymentThenRest, proposalFromSlots, shareOffered } from "./intent-routing.js";
import { understand } from "./nlu/index.js";

const DUE = 129033;
const nlu = (text: string, locale: "fr" | "en" = "fr") =>
  understand(text, { locale, currency: locale === "fr" ? "EUR" : "GBP", today: "2026-12-03" });
const proposal = (text: string, locale: "fr" | "en" = "fr") =>
  proposalFromSlots(nlu(text, locale), DUE, text);

describe("proposalFromSlots", () => {
  it("reads a first payment and the rest later as a two-payment plan", () => {
    for (const [text, restDate] of [
      // A month without a day: during that month, so its last day.
      ["Je peux payer 500 euros maintenant et le reste en janvier", "2027-01-31"],
      ["je peux mettre 500 maintenant et le reste le mois prochain", "2027-01-31"],
      ["500 € maintenant et le reste en février", "2027-02-28"],
      // A day named: that day.
      ["je vous verse 500 € tout de suite puis le solde le 15 mars", "2027-03-15"],
      ["500 maintenant et le reste le 1er mars", "2027-03-01"],
      ["500 maintenant et le reste le 1 mars", "2027-03-01"],
    ] as const)
      expect(proposal(text), text).toEqual({
        source: "debtor",
        kind: "plan",
        firstAmount: 50000,
        count: 2,
        cadence: "monthly",
        restDate,
      });
    // A "1" in an amount does not name the first of the month.
    expect(proposal("je peux verser 1 000 € maintenant et le reste en mars")).toMatchObject({
      firstAmount: 100000,
      restDate: "2027-03-31",
    });
    // No date for the rest: a month after the first payment.
    expect(proposal("je vous verse 500 € tout de suite puis le solde plus tard")).not.toHaveProperty(
      "restDate",
    );
    // The words read as paying in full ("je paye ... le reste"): the split still wins.
    expect(
      firstPaymentThenRest(
        nlu("je paye 400 tout de suite puis le reste le mois prochain"),
        DUE,
        "je paye 400 tout de suite puis le reste le mois prochain",
      ),
    ).toMatchObject({ firstAmount: 40000, count: 2 });
    // Given the debtor's today, a first payment said to be "now" is due today; a "now" about the
    // rest, or no "now" at all, leaves the first date to the policy.
    const today = "2026-12-03";
    for (const text of [
      "500 maintenant et le reste en mars",
      "je peux verser 500 € aujourd'hui puis le solde le 15 mars",
      "I can pay £500 right now and the rest next month",
      "jpeux mettre 300 mtn et le reste debut fevrier ?",
      "300 ajd et le reste le mois pro",
    ])
      expect(proposalFromSlots(nlu(text), DUE, text, today), text).toMatchObject({ firstDate: today });
    for (const text of ["500 € le 20 et le reste en mars", "500 € et le reste maintenant"])
      expect(proposalFromSlots(nlu(text), DUE, text, today), text).not.toHaveProperty("firstDate");
    expect(proposal("I can pay £500 now and the rest next month", "en")).toMatchObject({
      kind: "plan",
      firstAmount: 50000,
    });
  });

  it("reads a share the debtor pays as the reduction it leaves, never the share itself", () => {
    expect(proposal("je paye la moitié tout de suite et on n'en parle plus ?")).toEqual({
      source: "debtor",
      kind: "settlement",
      discountBps: 5000,
    });
    expect(proposal("je peux payer 80% en 3 fois pour solder ?")).toMatchObject({
      kind: "settlement",
      discountBps: 2000,
      count: 3,
    });
    expect(proposal("I can pay 70 percent and call it quits", "en")).toMatchObject({ discountBps: 3000 });
    expect(proposal("je peux payer 80% si vous faites un geste")).toMatchObject({ discountBps: 2000 });
    // A reduction asked for, or a percentage someone else would give, is not a share paid.
    expect(proposal("je voudrais une remise de 30%")).toMatchObject({ discountBps: 3000 });
    expect(proposal("je paye tout de suite si vous faites 20% de remise")).toMatchObject({
      discountBps: 2000,
    });
    expect(shareOffered(nlu("si je paye vite vous faites 20% ?"), "si je paye vite vous faites 20% ?")).toBe(
      undefined,
    );
  });

  it("keeps an amount for everything a settlement request, and a bare amount an instalment", () => {
    expect(proposal("Je peux payer 500 euros maintenant pour solder")).toMatchObject({
      kind: "settlement",
      total: 50000,
    });
    for (const text of [
      "500 € pour régler le solde",
      "je peux payer 800 pour clore le dossier",
      "800 pour en finir",
      "je vous propose 700 euros pour solde de tout compte",
    ])
      expect(proposal(text), text).toMatchObject({ kind: "settlement" });
    expect(proposal("500 € pour régler le solde")).toMatchObject({ total: 50000 });
    expect(proposal("je peux payer 800 pour clore le dossier")).toMatchObject({ total: 80000 });
    expect(proposal("Je peux payer 300 euros")).toMatchObject({ kind: "plan", instalmentAmount: 30000 });
  });
});
