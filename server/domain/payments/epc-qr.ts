// The payload of a SEPA credit transfer QR code ("GiroCode", EPC069-12 version 002): banking apps
// across the euro area read it and fill in the transfer. Only for euro amounts to an IBAN.
import type { PaymentInstructions } from "./instructions.js";

/** EPC069-12 allows the Latin characters of UTF-8; the name is cut at its 70-character limit. */
export function epcPayload(instructions: PaymentInstructions): string | null {
  const { bank, now, currency } = instructions;
  if (!instructions.sepaQr || bank?.kind !== "iban" || currency !== "EUR" || now.what === "nothing")
    return null;
  if (now.amount < 1 || now.amount > 99_999_999_999) return null;
  const euros = `${Math.floor(now.amount / 100)}.${String(now.amount % 100).padStart(2, "0")}`;
  return [
    "BCD",
    "002",
    "1", // UTF-8
    "SCT",
    bank.bic ?? "",
    bank.holder.replace(/[\r\n]+/g, " ").slice(0, 70),
    bank.iban,
    `EUR${euros}`,
    "", // purpose
    instructions.reference, // structured creditor reference (ISO 11649)
    "", // unstructured remittance: only one of the two may be given
  ].join("\n");
}
