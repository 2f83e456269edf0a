import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findPaymentReferences,
  formatPaymentReference,
  isValidPaymentReference,
  newPaymentReference,
  rfCheckDigits,
} from "./payment-reference.js";

describe("payment reference (ISO 11649)", () => {
  it("computes the check digits of the standard's own example", () => {
    // ISO 11649 example: RF18 5390 0754 7034.
    expect(rfCheckDigits("539007547034")).toBe("18");
    expect(isValidPaymentReference("RF18 5390 0754 7034")).toBe(true);
    expect(isValidPaymentReference("RF18 5390 0754 7035")).toBe(false);
  });

  it("makes valid references that survive one mistyped character being caught", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        let s = seed;
        const ref = newPaymentReference((max) => {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          return s % max;
        });
        expect(ref).toMatch(/^RF\d{2}[0-9A-Z]{9}$/);
        expect(isValidPaymentReference(ref)).toBe(true);
        const i = 4 + (seed % 9);
        const typo = ref.slice(0, i) + (ref[i] === "7" ? "8" : "7") + ref.slice(i + 1);
        expect(isValidPaymentReference(typo)).toBe(false);
      }),
    );
  });

  it("is printed in groups of four and found again in a statement's free text", () => {
    // Many references: a shorter prefix passes the check by chance for about 1 in 12 of them.
    for (let n = 0; n < 300; n++) {
      const ref = newPaymentReference();
      const printed = formatPaymentReference(ref);
      expect(printed.replace(/ /g, "")).toBe(ref);
      expect(findPaymentReferences(`VIR SEPA DUPONT ${printed} FACTURE F-1001`)[0]).toBe(ref);
      // Such a prefix comes after the reference of the issued length, which is first.
      expect(findPaymentReferences(`virement ref ${ref.toLowerCase()}`)[0]).toBe(ref);
      // The words after a reference never hide it, whatever they are.
      for (const tail of ["FACT F-1001", "ABC", "X Y Z 12", "MERCI"])
        expect(findPaymentReferences(`${printed} ${tail}`)).toContain(ref);
    }
    expect(findPaymentReferences("VIR SEPA DUPONT RF00 1234 FACTURE")).toEqual([]);
  });
});
