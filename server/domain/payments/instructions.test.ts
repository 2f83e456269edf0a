import { describe, expect, it } from "vitest";
import { epcPayload } from "./epc-qr.js";
import { bankRoute, buildInstructions, nextInstalmentDue } from "./instructions.js";

const payee = {
  name: "Acme Fournitures SAS",
  accountHolder: "ACME FOURNITURES",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  ukSortCode: "123456",
  ukAccountNumber: "12345678",
};

describe("payment instructions", () => {
  it("picks the route that suits the currency, the IBAN otherwise", () => {
    expect(bankRoute(payee, "EUR")?.kind).toBe("iban");
    expect(bankRoute(payee, "GBP")?.kind).toBe("uk");
    expect(bankRoute(payee, "USD")?.kind).toBe("iban");
    expect(bankRoute({ name: "X" }, "EUR")).toBeNull();
  });

  it("asks for the next instalment's unpaid part, or nothing once all is paid", () => {
    const list = [
      { seq: 1, dueDate: "2026-12-01", amount: 50_000, paidAmount: 50_000 },
      { seq: 2, dueDate: "2027-01-01", amount: 50_000, paidAmount: 20_000 },
      { seq: 3, dueDate: "2027-02-01", amount: 50_050, paidAmount: 0 },
    ];
    expect(nextInstalmentDue(list)).toEqual({
      what: "instalment",
      amount: 30_000,
      dueDate: "2027-01-01",
      seq: 2,
      count: 3,
    });
    expect(nextInstalmentDue(list.map((i) => ({ ...i, paidAmount: i.amount })))).toEqual({ what: "nothing" });
  });

  it("writes an EPC069-12 payload for a euro transfer with the structured reference", () => {
    const instructions = buildInstructions({
      payee,
      currency: "EUR",
      now: { what: "total", amount: 150_050, dueDate: null },
      reference: "RF18539007547034",
      payNowAvailable: false,
    });
    expect(instructions.referenceText).toBe("RF18 5390 0754 7034");
    expect(epcPayload(instructions)?.split("\n")).toEqual([
      "BCD",
      "002",
      "1",
      "SCT",
      "AGRIFRPP",
      "ACME FOURNITURES",
      "FR7630006000011234567890189",
      "EUR1500.50",
      "",
      "RF18539007547034",
      "",
    ]);
    const sterling = buildInstructions({
      payee,
      currency: "GBP",
      now: { what: "total", amount: 100, dueDate: null },
      reference: "RF18539007547034",
      payNowAvailable: true,
    });
    expect(epcPayload(sterling)).toBeNull();
    expect(sterling.payNow).toBe(true);
  });
});
