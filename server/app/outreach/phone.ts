// Phone numbers for SMS: the case form accepts local writing ("06 12 34 56 78"); the SMS API and the
// STOP webhook need E.164 ("+33612345678"). A number that cannot be read as E.164 gets no SMS.
import type { Jurisdiction } from "../../domain/case-facts.js";

const COUNTRY_CODE: Record<Jurisdiction, string> = { FR: "33", UK: "44", US: "1" };

export function toE164(raw: string, jurisdiction: Jurisdiction): string | null {
  let digits = raw.replace(/[\s().-]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (!digits.startsWith("+")) {
    if (jurisdiction === "US" && /^1?\d{10}$/.test(digits)) digits = `+1${digits.slice(-10)}`;
    else if (digits.startsWith("0")) digits = `+${COUNTRY_CODE[jurisdiction]}${digits.slice(1)}`;
    else return null;
  }
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : null;
}
