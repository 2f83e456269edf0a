// Where each creditor setting is stored: the settings body (contract/creditor-settings.ts) as
// column names and values.
import type { CreditorSettingsInput } from "../../../contract/creditor-settings.js";

/** Storage column names of the settings given (null clears a field; absent leaves it alone). */
export function settingsColumns(input: CreditorSettingsInput): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const put = (column: string, value: string | null | undefined) => {
    if (value !== undefined) out[column] = value;
  };
  put("displayName", input.displayName);
  put("logoUrl", input.logoUrl);
  put("contactEmail", input.contactEmail);
  put("contactPhone", input.contactPhone);
  const p = input.payment;
  if (p) {
    put("bankHolder", p.accountHolder);
    put("iban", p.iban);
    put("bic", p.bic);
    put("ukSortCode", p.ukSortCode);
    put("ukAccountNumber", p.ukAccountNumber);
    put("usRoutingNumber", p.usRoutingNumber);
    put("usAccountNumber", p.usAccountNumber);
    put("paymentUrl", p.url);
  }
  return out;
}
