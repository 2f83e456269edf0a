// Limits section: what any offer, from the ladder or from a debtor's proposal, must stay within.
// Amounts are integers in minor units of the case currency; rates and discounts in basis points.
import { z } from "zod";
import { basisPointsSchema, citedValue, nonNegativeInt, positiveInt, rulesSchema } from "./schema-common.js";

export const cadenceSchema = z.enum(["weekly", "biweekly", "monthly"]);

// Ten years of weekly payments: beyond that a pack is surely mistaken, and the engine scans counts.
const maxInstalmentsInt = positiveInt.max(520, { error: "must be at most 520" });

/** Half-open range [from, to): `to` omitted means "and above". */
const rangeSchema = z
  .object({ from: nonNegativeInt, to: positiveInt.optional() })
  .strict()
  .refine((r) => r.to === undefined || r.to > r.from, {
    error: '"to" must be greater than "from"',
    path: ["to"],
  });

export const discountTierSchema = z
  .object({
    daysPastDue: rangeSchema,
    balance: rangeSchema,
    maxDiscountBps: basisPointsSchema,
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();

export type DiscountTier = z.infer<typeof discountTierSchema>;

function overlaps(a: { from: number; to?: number }, b: { from: number; to?: number }): boolean {
  const aTo = a.to ?? Number.POSITIVE_INFINITY;
  const bTo = b.to ?? Number.POSITIVE_INFINITY;
  return a.from < bTo && b.from < aTo;
}

function compareTiers(a: DiscountTier, b: DiscountTier): number {
  return a.daysPastDue.from - b.daysPastDue.from || a.balance.from - b.balance.from;
}

/**
 * Tiers form a grid over (days past due, balance). They must be sorted (so that a reader scans them in
 * order) and must not overlap (so that exactly one tier, or none, applies to a case). A case that no
 * tier covers gets no discount at all: gaps are safe, overlaps would be ambiguous.
 */
export const discountTiersSchema = z.array(discountTierSchema).superRefine((tiers, ctx) => {
  tiers.forEach((tier, i) => {
    const prev = tiers[i - 1];
    if (prev && compareTiers(prev, tier) > 0) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: `tiers must be sorted by daysPastDue.from then balance.from (tier ${i} comes before tier ${i - 1})`,
      });
    }
    for (let j = 0; j < i; j++) {
      const other = tiers[j];
      if (other && overlaps(other.daysPastDue, tier.daysPastDue) && overlaps(other.balance, tier.balance)) {
        ctx.addIssue({ code: "custom", path: [i], message: `tier ${i} overlaps tier ${j}` });
      }
    }
  });
});

/** Plan limits that hardship replaces: longer plans, smaller instalments. */
const hardshipSchema = z
  .object({
    maxInstalments: citedValue(maxInstalmentsInt),
    maxPlanMonths: citedValue(positiveInt),
    minInstalment: citedValue(positiveInt),
  })
  .strict();

export const limitsSchema = z
  .object({
    maxInstalments: citedValue(maxInstalmentsInt),
    /** Minor units; every plan instalment is at least this much (a single payment may be less). */
    minInstalment: citedValue(positiveInt),
    /** Every instalment falls due within this many calendar months of the day the offer is made. */
    maxPlanMonths: citedValue(positiveInt),
    firstPaymentWithinDays: citedValue(nonNegativeInt),
    /** The first plan instalment is at least this share of the plan total. */
    minDownPaymentBps: citedValue(basisPointsSchema),
    cadences: citedValue(z.array(cadenceSchema).min(1, { error: "allow at least one cadence" })),
    /** A settlement is one lump sum due within this many days. */
    settlementPayWithinDays: citedValue(nonNegativeInt),
    /**
     * A promise is broken once an instalment is still unpaid this many days after its due date.
     * Optional so that versions stored before it existed still load: absent, the service's
     * PROMISE_BROKEN_AFTER_DAYS applies.
     */
    promiseBrokenAfterDays: citedValue(z.number().int().min(0).max(365)).optional(),
    discountTiers: discountTiersSchema,
    hardship: hardshipSchema.optional(),
  })
  .strict()
  .superRefine((limits, ctx) => {
    const h = limits.hardship;
    if (!h) return;
    // Hardship is a concession: it may only loosen the plan limits, never tighten them.
    if (h.maxInstalments.value < limits.maxInstalments.value)
      ctx.addIssue({
        code: "custom",
        path: ["hardship", "maxInstalments", "value"],
        message: "hardship must not allow fewer instalments than the standard limit",
      });
    if (h.maxPlanMonths.value < limits.maxPlanMonths.value)
      ctx.addIssue({
        code: "custom",
        path: ["hardship", "maxPlanMonths", "value"],
        message: "hardship must not allow a shorter plan than the standard limit",
      });
    if (h.minInstalment.value > limits.minInstalment.value)
      ctx.addIssue({
        code: "custom",
        path: ["hardship", "minInstalment", "value"],
        message: "hardship must not require a larger instalment than the standard limit",
      });
  });

export type Limits = z.infer<typeof limitsSchema>;
