// Statement CSV as banks and spreadsheets write it: comma-separated with decimal points, and French
// Excel's semicolons with decimal commas (the separator is found in the header, never both at once).
import { describe, expect, it } from "vitest";
import { readStatementCsv } from "./statement-csv.js";

describe("statement CSV", () => {
  it("reads a French Excel file: semicolons, decimal commas, DD/MM/YYYY dates", () => {
    const read = readStatementCsv(
      "\uFEFFdate;amount;currency;text;counterparty;bank_ref\n" +
        "10/03/2026;1 250,50;EUR;VIR SEPA RF18 5390 0754 7034;Dupont, SARL;B-1\n" +
        "11/03/2026;-20,00;EUR;FRAIS;Banque;B-2\n",
    );
    expect(read.errors).toEqual([]);
    expect(read.skipped).toBe(1);
    expect(read.entries).toEqual([
      {
        lineNo: 2,
        bookedAt: "2026-03-10",
        amount: 125_050,
        currency: "EUR",
        text: "VIR SEPA RF18 5390 0754 7034",
        counterparty: "Dupont, SARL",
        bankRef: "B-1",
      },
    ]);
  });

  it("reads a comma-separated file with decimal points and quoted commas", () => {
    const read = readStatementCsv(
      'date,amount,currency,text,counterparty\n2026-03-10,250.00,EUR,"Payment, invoice F-1",Martin\n',
    );
    expect(read.errors).toEqual([]);
    expect(read.entries.map((e) => [e.amount, e.text, e.counterparty])).toEqual([
      [25_000, "Payment, invoice F-1", "Martin"],
    ]);
  });
});
