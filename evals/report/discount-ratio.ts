// The negotiation figure issue 12 asks for: the assistant's mean discount granted over the naive
// baseline's (which puts the deepest concession the policy allows on the table at once), read beside
// both agreement rates, since conceding less only counts at the same agreement rate.
import type { ArmTotals } from "./metrics.js";

export interface DiscountRatio {
  /** assistant mean discount / naive mean discount; null when naive granted no discount. */
  readonly ratio: number | null;
  readonly assistantBps: number;
  readonly naiveBps: number;
  readonly assistantAgreement: number;
  readonly naiveAgreement: number;
}

export function discountRatio(arms: readonly ArmTotals[]): DiscountRatio | null {
  const assistant = arms.find((a) => a.arm === "assistant");
  const naive = arms.find((a) => a.arm === "naive");
  if (!assistant || !naive) return null;
  return {
    ratio: naive.meanDiscountBps === 0 ? null : assistant.meanDiscountBps / naive.meanDiscountBps,
    assistantBps: assistant.meanDiscountBps,
    naiveBps: naive.meanDiscountBps,
    assistantAgreement: assistant.agreementRate,
    naiveAgreement: naive.agreementRate,
  };
}

const pct = (v: number, digits = 1) => `${(v * 100).toFixed(digits)} %`;

export function discountRatioLine(r: DiscountRatio, max?: number): string {
  const ratio = r.ratio === null ? "n/a" : r.ratio.toFixed(2);
  const goal = max === undefined ? "" : ` (goal ≤ ${max.toFixed(2)})`;
  return (
    `mean discount, assistant / naive: ${ratio}${goal}: ${pct(r.assistantBps / 10_000, 2)} vs ` +
    `${pct(r.naiveBps / 10_000, 2)}, at agreement rates of ${pct(r.assistantAgreement)} vs ${pct(r.naiveAgreement)}`
  );
}
