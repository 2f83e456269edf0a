// Limitation periods (FR-5, US-14, UK-12). An invoice is time-barred from the day after the same
// calendar date `years` later (a debt due 2020-03-15 with 5 years is barred from 2025-03-16). A case is
// treated as time-barred as soon as any of its invoices is: the conservative reading, which hands the
// case to a person rather than risk demanding a barred debt.
import type { CaseFacts } from "../domain/case-facts.js";
import { addDays, addMonths } from "./dates.js";
import type { PolicyPack } from "./schema.js";

export interface LimitationResult {
  readonly years: number;
  readonly rule: string;
  readonly citations: readonly string[];
  readonly barredInvoices: readonly string[];
}

/** Most specific setting wins: jurisdiction + US state, then jurisdiction, then the pack default. */
export function limitationPeriod(
  facts: CaseFacts,
  pack: PolicyPack,
): Omit<LimitationResult, "barredInvoices"> {
  const { overrides, years } = pack.limitation;
  const state = facts.usState?.toUpperCase();
  const byState = overrides.find(
    (o) => o.jurisdiction === facts.jurisdiction && o.state !== undefined && o.state === state,
  );
  const byJurisdiction = overrides.find(
    (o) => o.jurisdiction === facts.jurisdiction && o.state === undefined,
  );
  const chosen = byState ?? byJurisdiction;
  if (chosen) {
    const where = chosen.state ? `${chosen.jurisdiction}/${chosen.state}` : chosen.jurisdiction;
    return {
      years: chosen.years,
      rule: `limitation.overrides[${where}]: ${chosen.years} years`,
      citations: chosen.rules,
    };
  }
  return { years: years.value, rule: `limitation.years: ${years.value} years`, citations: years.rules };
}

export function barredFrom(dueAt: string, years: number): string {
  return addDays(addMonths(dueAt, years * 12), 1);
}

export function limitationFor(facts: CaseFacts, pack: PolicyPack, asOf: string): LimitationResult {
  const period = limitationPeriod(facts, pack);
  const barredInvoices = facts.invoices
    .filter((inv) => asOf >= barredFrom(inv.dueAt, period.years))
    .map((inv) => inv.number);
  return { ...period, barredInvoices };
}
