// Fees and interest of every pack against hand-computed values.
import { describe, expect, it } from "vitest";
import type { InvoiceFacts } from "../domain/case-facts.js";
import { amountDue } from "./amount-due.js";
import { PolicyError } from "./errors.js";
import type { PolicyPack } from "./schema.js";
import { factsFor, pack } from "./test-support/fixtures.js";

const inv = (number: string, dueAt: string, amount: number): InvoiceFacts => ({
  number,
  issuedAt: "2016-01-01",
  dueAt,
  amount,
});

describe("fr-business: ECB + 10 points per half-year, 40 EUR per overdue invoice", () => {
  const p = pack("fr-business");

  it.each([
    // [due date, as of, principal, expected interest, how]
    [
      "2024-12-01",
      "2025-09-15",
      100000,
      10255,
      "30 d × 14.25 % + 181 d × 13.15 % + 77 d × 12.15 %: 100000 × 374320 / 3650000 = 10255.34",
    ],
    [
      "2025-03-01",
      "2025-09-15",
      250050,
      17310,
      "121 d × 13.15 % + 77 d × 12.15 %: 250050 × 252670 / 3650000 = 17309.63",
    ],
    ["2025-01-31", "2025-03-02", 1000000, 10808, "30 d × 13.15 %: 1000000 × 39450 / 3650000 = 10808.22"],
    ["2024-08-01", "2024-08-02", 73000, 29, "1 d × 14.25 %: 73000 × 1425 / 3650000 = 28.5, half up"],
    ["2023-06-30", "2023-07-01", 3650000, 1400, "1 d in 2023-H2 × (4.00 + 10) %: exactly 1400"],
    ["2025-03-10", "2025-03-10", 500000, 0, "due today: not overdue"],
    [
      "2015-12-30",
      "2016-01-02",
      3650000,
      2010,
      "days before the table (2015-12-31) are not charged; 2 d × 10.05 %",
    ],
  ])(
    "interest on an invoice due %s, as of %s, principal %i = %i (%s)",
    (dueAt, asOf, principal, interest) => {
      const due = amountDue(factsFor(p, [inv("F-1", dueAt, principal)]), p, asOf);
      expect(due.interest).toBe(interest);
      const overdue = dueAt < asOf;
      expect(due.indemnity).toBe(overdue ? 4000 : 0);
      expect(due.fees).toBe(due.indemnity);
      expect(due.total).toBe(principal + interest + due.indemnity);
    },
  );

  it("sums two invoices line by line, one indemnity each, minus payments", () => {
    const facts = factsFor(p, [inv("F-001", "2024-12-01", 100000), inv("F-002", "2025-03-01", 250050)], {
      paidAmount: 50000,
    });
    const due = amountDue(facts, p, "2025-09-15");
    expect(due).toMatchObject({
      currency: "EUR",
      principal: 350050,
      interest: 10255 + 17310,
      indemnity: 8000,
      fees: 8000,
      paid: 50000,
      total: 350050 + 27565 + 8000 - 50000,
      daysPastDue: 288,
      timeBarred: false,
      limitationYears: 5,
      limitationRule: "limitation.years: 5 years (FR-5)",
    });
    expect(due.lines.map((l) => [l.kind, l.invoiceNumber, l.amount, l.rule])).toEqual([
      ["principal", "F-001", 100000, "facts.invoices"],
      ["principal", "F-002", 250050, "facts.invoices"],
      ["interest", "F-001", 10255, "fees.lateInterest"],
      ["interest", "F-002", 17310, "fees.lateInterest"],
      ["indemnity", "F-001", 4000, "fees.recoveryIndemnity"],
      ["indemnity", "F-002", 4000, "fees.recoveryIndemnity"],
    ]);
    expect(due.lines.find((l) => l.kind === "interest")?.citations).toEqual(["FR-B1"]);
  });

  it("never lets payments take the total below zero", () => {
    const due = amountDue(
      factsFor(p, [inv("F-1", "2025-01-01", 1000)], { paidAmount: 10 ** 9 }),
      p,
      "2025-02-01",
    );
    expect(due.total).toBe(0);
  });

  it("refuses a currency other than EUR rather than converting the 40 EUR indemnity", () => {
    const facts = factsFor(p, [inv("F-1", "2025-01-01", 1000)], { currency: "USD" });
    expect(() => amountDue(facts, p, "2025-02-01")).toThrow(PolicyError);
    expect(() => amountDue(facts, p, "2025-02-01")).toThrow("pack fr-business accepts EUR, not USD");
  });

  it("is time-barred 5 years after the due date", () => {
    const facts = factsFor(p, [inv("F-1", "2020-03-15", 1000), inv("F-2", "2024-01-01", 1000)]);
    expect(amountDue(facts, p, "2025-03-15").timeBarred).toBe(false);
    const barred = amountDue(facts, p, "2025-03-16");
    expect(barred.timeBarred).toBe(true);
    expect(barred.barredInvoices).toEqual(["F-1"]);
  });
});

describe("packs without statutory interest", () => {
  it.each([
    ["fr-consumer", "EUR", 2],
    ["us-consumer", "USD", 3],
    ["uk-consumer", "GBP", 6],
    ["generic-business", "GBP", 6],
  ])("%s (%s): the principal only, limitation %i years", (id, currency, years) => {
    const p = pack(id);
    const jurisdiction = currency === "GBP" ? "UK" : currency === "USD" ? "US" : "FR";
    const facts = factsFor(p, [inv("A", "2023-01-10", 123456), inv("B", "2024-06-30", 1)], {
      currency,
      jurisdiction,
    });
    const due = amountDue(facts, p, "2025-02-01");
    expect(due).toMatchObject({
      principal: 123457,
      interest: 0,
      indemnity: 0,
      fees: 0,
      total: 123457,
      limitationYears: years,
    });
    expect(due.lines.every((l) => l.kind === "principal")).toBe(true);
    expect(due.timeBarred).toBe(years === 2);
  });
});

describe("limitation overrides", () => {
  const due = (id: string, extra: object, asOf: string) =>
    amountDue(factsFor(pack(id), [inv("A", "2021-01-15", 1000)], extra), pack(id), asOf);

  it.each([
    ["us-consumer", {}, 3, "limitation.years: 3 years (US-14)"],
    ["us-consumer", { usState: "CA" }, 4, "limitation.overrides[US/CA]: 4 years (US-14)"],
    ["us-consumer", { usState: "ny" }, 3, "limitation.overrides[US/NY]: 3 years (US-14)"],
    ["us-consumer", { usState: "TX" }, 4, "limitation.overrides[US/TX]: 4 years (US-14)"],
    ["generic-business", { jurisdiction: "UK" }, 6, "limitation.years: 6 years (UK-12)"],
    [
      "generic-business",
      { jurisdiction: "US", currency: "USD" },
      4,
      "limitation.overrides[US]: 4 years (US-14)",
    ],
    [
      "generic-business",
      { jurisdiction: "US", currency: "USD", usState: "NY" },
      6,
      "limitation.overrides[US/NY]: 6 years (US-14)",
    ],
  ])("%s %o: %i years", (id, extra, years, rule) => {
    const d = due(id, extra, "2024-01-15");
    expect(d.limitationYears).toBe(years);
    expect(d.limitationRule).toBe(rule);
    const lastDay = `${2021 + years}-01-15`;
    expect(due(id, extra, lastDay).timeBarred).toBe(false);
    expect(due(id, extra, `${2021 + years}-01-16`).timeBarred).toBe(true);
  });
});

describe("contractual fees (none shipped; a pack may list them)", () => {
  const base = pack("us-consumer");
  const withFees: PolicyPack = {
    ...base,
    fees: {
      ...base.fees,
      contractualFees: [
        {
          id: "returned-payment",
          label: { fr: "Frais", en: "Returned payment fee" },
          per: "case",
          amount: 2500,
          rules: ["US-13"],
        },
        {
          id: "late-charge",
          label: { fr: "Retard", en: "Late charge" },
          per: "invoice",
          bps: 150,
          rules: ["US-13"],
        },
      ],
    },
  };

  it("adds a fixed fee per case and a percentage per overdue invoice, half up", () => {
    const facts = factsFor(withFees, [
      inv("A", "2024-01-01", 10033),
      inv("B", "2024-02-01", 20000),
      inv("C", "2030-01-01", 5000),
    ]);
    const due = amountDue(facts, withFees, "2024-06-01");
    // 1.5 % of 100.33 = 1.50495 -> 1.50; of 200.00 = 3.00; C is not overdue.
    expect(due.lines.filter((l) => l.kind === "fee").map((l) => [l.rule, l.invoiceNumber, l.amount])).toEqual(
      [
        ["fees.contractualFees[returned-payment]", undefined, 2500],
        ["fees.contractualFees[late-charge]", "A", 150],
        ["fees.contractualFees[late-charge]", "B", 300],
      ],
    );
    expect(due.fees).toBe(2950);
    expect(due.total).toBe(35033 + 2950);
  });
});

describe("explanations a person reads", () => {
  it("writes amounts in major units with the currency, never in cents", () => {
    const p = pack("fr-business");
    const due = amountDue(factsFor(p, [inv("F-1", "2025-03-01", 120_000)]), p, "2025-09-15");
    const indemnity = due.lines.find((l) => l.kind === "indemnity");
    expect(indemnity?.detail).toBe("fixed 40.00 EUR per overdue invoice");
    const interest = due.lines.find((l) => l.kind === "interest");
    expect(interest?.detail).toMatch(/^1200\.00 EUR × Σ\(days × rate\)/);
  });
});

describe("explanations as data, for pages that write them in their reader's language", () => {
  it("gives each line's inputs: invoice dates, interest periods and rates, fixed and percent fees", () => {
    const p = pack("fr-business");
    const due = amountDue(factsFor(p, [inv("F-1", "2025-03-01", 120_000)]), p, "2025-09-15");
    expect(due.lines.find((l) => l.kind === "principal")?.how).toEqual({
      code: "invoice",
      invoice: "F-1",
      issuedAt: "2016-01-01",
      dueAt: "2025-03-01",
    });
    expect(due.lines.find((l) => l.kind === "indemnity")?.how).toEqual({
      code: "fixed_per_invoice",
      amount: 4000,
      currency: "EUR",
    });
    const interest = due.lines.find((l) => l.kind === "interest");
    const how = interest?.how;
    if (how?.code !== "late_interest") throw new Error(`expected late_interest, got ${how?.code}`);
    expect(how).toMatchObject({ principal: 120_000, currency: "EUR", dayCountBasis: 365 });
    // The periods cover every day of delay (2025-03-02 to 2025-09-15) and give back the amount.
    expect(how.segments.map((s) => s.from)).toEqual(["2025-03-02", "2025-07-01"]);
    expect(how.segments.reduce((n, s) => n + s.days, 0)).toBe(198);
    const weighted = how.segments.reduce((n, s) => n + s.days * (s.rateBps + s.marginBps), 0);
    expect(Math.round((how.principal * weighted) / (10_000 * how.dayCountBasis))).toBe(interest?.amount);
  });

  it("gives a contractual fee's label in both languages with its rate and base", () => {
    const p = pack("us-consumer");
    const withFees: PolicyPack = {
      ...p,
      fees: {
        ...p.fees,
        contractualFees: [
          {
            id: "late-charge",
            label: { fr: "Frais de retard", en: "Late charge" },
            per: "invoice",
            bps: 150,
            rules: ["US-13"],
          },
        ],
      },
    };
    const due = amountDue(factsFor(withFees, [inv("A", "2024-01-01", 20_000)]), withFees, "2024-06-01");
    expect(due.lines.find((l) => l.kind === "fee")?.how).toEqual({
      code: "fee_percent",
      label: { fr: "Frais de retard", en: "Late charge" },
      bps: 150,
      base: 20_000,
      currency: due.currency,
    });
  });
});
