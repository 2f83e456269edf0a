import { describe, expect, it } from "vitest";
import type { AmountSlot, NluContext } from "../types.js";
import { understand } from "../understand.js";
import { toMinorUnits } from "./amounts.js";

const EUR: NluContext = { locale: "fr", currency: "EUR", today: "2026-11-22" };
const GBP: NluContext = { locale: "en", currency: "GBP", today: "2026-11-22" };
const JPY: NluContext = { locale: "en", currency: "JPY", today: "2026-11-22" };

const amounts = (text: string, ctx = EUR): Array<Omit<AmountSlot, "raw">> =>
  understand(text, ctx).slots.amounts.map(({ raw: _raw, ...rest }) => rest);

describe("amounts", () => {
  it.each([
    ["300 €", [{ amount: 30000, currency: "EUR" }]],
    ["€300", [{ amount: 30000, currency: "EUR" }]],
    ["300€", [{ amount: 30000, currency: "EUR" }]],
    ["300 euros par mois", [{ amount: 30000, currency: "EUR", perPeriod: "month" }]],
    ["trois cents", [{ amount: 30000 }]],
    ["deux mille cinq cents", [{ amount: 250000 }]],
    ["quatre-vingt-dix-neuf euros", [{ amount: 9900, currency: "EUR" }]],
    ["soixante et onze euros", [{ amount: 7100, currency: "EUR" }]],
    ["$1,200.50", [{ amount: 120050, currency: "USD" }]],
    ["1.200,50 €", [{ amount: 120050, currency: "EUR" }]],
    ["1 200,50", [{ amount: 120050 }]],
    ["1\u202f200,50 €", [{ amount: 120050, currency: "EUR" }]],
    ["1200.50 EUR", [{ amount: 120050, currency: "EUR" }]],
    ["£45", [{ amount: 4500, currency: "GBP" }]],
    ["fifty pounds", [{ amount: 5000, currency: "GBP" }]],
    ["two hundred dollars a month", [{ amount: 20000, currency: "USD", perPeriod: "month" }]],
    ["two hundred and fifty quid", [{ amount: 25000, currency: "GBP" }]],
    ["2k", [{ amount: 200000 }]],
    ["50 balles par semaine", [{ amount: 5000, currency: "EUR", perPeriod: "week" }]],
    ["100€/mois", [{ amount: 10000, currency: "EUR", perPeriod: "month" }]],
    ["50 centimes", [{ amount: 50 }]],
    ["6 mensualités de 80 €", [{ amount: 8000, currency: "EUR", perPeriod: "month" }]],
    ["je peux payer 2000", [{ amount: 200000 }]],
    ["800 pour clore le dossier", [{ amount: 80000 }]],
    ["50 pour cent", []],
  ] as const)("%s", (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it("uses the case currency's minor unit for bare numbers", () => {
    expect(amounts("I can pay 5000", JPY)).toEqual([{ amount: 5000 }]);
    expect(amounts("I can pay 12.50", GBP)).toEqual([{ amount: 1250 }]);
  });

  it.each([
    "en 6 fois",
    "le 15",
    "j'ai 3 enfants",
    "facture 1234",
    "mon numéro client est le 458213",
    "appelez-moi au 06 12 34 56 78",
    "une réduction de 50 %",
    "depuis 2019",
    "dans 2 semaines",
    "à 14h30",
    "F-1002",
    "un paiement",
  ])("%s holds no amount", (text) => {
    expect(amounts(text)).toEqual([]);
  });

  it("keeps the raw text of the amount", () => {
    expect(understand("Je propose 150 € par mois", EUR).slots.amounts[0]?.raw).toBe("150 € par mois");
  });

  it("converts exactly, without floats", () => {
    expect(toMinorUnits("0", "1", 1, 2)).toBe(10);
    expect(toMinorUnits("1", "005", 1, 2)).toBe(101);
    expect(toMinorUnits("1", "5", 1000, 2)).toBe(150000);
    expect(toMinorUnits("9".repeat(30), "", 1, 2)).toBeNull();
  });
});
