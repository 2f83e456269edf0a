// Which changes of a draft loosen what the assistant may concede (a larger discount, more
// instalments, a lower minimum instalment...): those need a second person's approval.
import type { PolicyPack } from "./schema.js";

export interface Widening {
  readonly path: string;
  readonly before: number | string;
  readonly after: number | string;
}

type Limit = [path: string, read: (p: PolicyPack) => number | undefined, wider: "up" | "down"];

const LIMITS: readonly Limit[] = [
  ["limits.maxInstalments", (p) => p.limits.maxInstalments.value, "up"],
  ["limits.maxPlanMonths", (p) => p.limits.maxPlanMonths.value, "up"],
  ["limits.minInstalment", (p) => p.limits.minInstalment.value, "down"],
  ["limits.minDownPaymentBps", (p) => p.limits.minDownPaymentBps.value, "down"],
  ["limits.firstPaymentWithinDays", (p) => p.limits.firstPaymentWithinDays.value, "up"],
  ["limits.settlementPayWithinDays", (p) => p.limits.settlementPayWithinDays.value, "up"],
  ["limits.promiseBrokenAfterDays", (p) => p.limits.promiseBrokenAfterDays?.value, "up"],
  ["limits.hardship.maxInstalments", (p) => p.limits.hardship?.maxInstalments.value, "up"],
  ["limits.hardship.maxPlanMonths", (p) => p.limits.hardship?.maxPlanMonths.value, "up"],
  ["limits.hardship.minInstalment", (p) => p.limits.hardship?.minInstalment.value, "down"],
  ["ladder.counterStepBps", (p) => p.ladder.counterStepBps.value, "up"],
  ["ladder.maxCounterRounds", (p) => p.ladder.maxCounterRounds.value, "up"],
  [
    "limits.discountTiers (largest discount)",
    (p) => Math.max(0, ...p.limits.discountTiers.map((t) => t.maxDiscountBps)),
    "up",
  ],
];

export function wideningChanges(published: PolicyPack, draft: PolicyPack): Widening[] {
  const out: Widening[] = [];
  for (const [path, read, wider] of LIMITS) {
    const a = read(published);
    const b = read(draft);
    if (a === undefined && b === undefined) continue;
    // A limit that appears (hardship where there was none) or disappears counts as widening when
    // in doubt: a second pair of eyes costs little.
    if (a === undefined || b === undefined) {
      out.push({ path, before: a ?? "none", after: b ?? "none" });
      continue;
    }
    if ((wider === "up" && b > a) || (wider === "down" && b < a)) out.push({ path, before: a, after: b });
  }
  // A tier, by position, that grants more than before (even when the largest stays the same).
  draft.limits.discountTiers.forEach((tier, i) => {
    const before = published.limits.discountTiers[i]?.maxDiscountBps;
    if (before !== undefined && tier.maxDiscountBps > before)
      out.push({ path: `limits.discountTiers[${i}].maxDiscountBps`, before, after: tier.maxDiscountBps });
  });
  const cadences = draft.limits.cadences.value.filter((c) => !published.limits.cadences.value.includes(c));
  if (cadences.length > 0)
    out.push({
      path: "limits.cadences",
      before: published.limits.cadences.value.join(", "),
      after: draft.limits.cadences.value.join(", "),
    });
  return out;
}
