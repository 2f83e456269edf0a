// Fees, interest and limitation sections. Nothing may be added to the principal unless it is here.
import { z } from "zod";
import {
  basisPointsSchema,
  citedValue,
  currencySchema,
  isoDateSchema,
  localeTextSchema,
  nonEmptyText,
  positiveInt,
  refineUnique,
  rulesSchema,
} from "./schema-common.js";
import { wordingCategorySchema } from "./schema-text.js";

const ecbRateSchema = z.object({ from: isoDateSchema, bps: basisPointsSchema }).strict();

/** FR B2B late-payment penalties: ECB refinancing rate + margin, per half-year (C. com. L441-10). */
export const lateInterestSchema = z
  .object({
    kind: z.literal("ecb_plus_margin"),
    marginBps: basisPointsSchema,
    dayCountBasis: z.literal(365),
    source: nonEmptyText,
    rates: z
      .array(ecbRateSchema)
      .min(1, { error: "list at least one rate" })
      .superRefine((rates, ctx) => {
        rates.forEach((rate, i) => {
          const prev = rates[i - 1];
          if (prev && prev.from >= rate.from)
            ctx.addIssue({
              code: "custom",
              path: [i, "from"],
              message: "rates must be in strictly increasing date order",
            });
        });
      }),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();

export const recoveryIndemnitySchema = z
  .object({
    amount: positiveInt,
    currency: currencySchema,
    per: z.literal("invoice"),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();

/** A fee the contract expressly allows (US-13, UK-11): fixed minor units or basis points of principal. */
export const contractualFeeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "fee id must be lower-case words joined by hyphens" }),
    label: localeTextSchema,
    per: z.enum(["case", "invoice"]),
    amount: positiveInt.optional(),
    bps: basisPointsSchema.optional(),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict()
  .refine((fee) => (fee.amount === undefined) !== (fee.bps === undefined), {
    error: 'give exactly one of "amount" or "bps"',
  });

export const feesSchema = z
  .object({
    lateInterest: lateInterestSchema.optional(),
    recoveryIndemnity: recoveryIndemnitySchema.optional(),
    contractualFees: z.array(contractualFeeSchema).default([]).superRefine(refineUnique("id", "fee id")),
    /** Rules that forbid anything not listed here (e.g. FR-P1, US-13, UK-11). */
    rules: rulesSchema,
  })
  .strict();

export type Fees = z.infer<typeof feesSchema>;

/** A different period for one jurisdiction of a multi-jurisdiction pack, or one US state. */
const limitationOverrideSchema = z
  .object({
    jurisdiction: z.enum(["FR", "US", "UK"]),
    state: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: "expected a two-letter US state code" })
      .optional(),
    years: positiveInt,
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict()
  .refine((o) => o.state === undefined || o.jurisdiction === "US", {
    error: "a state only applies to US",
    path: ["state"],
  });

export const limitationSchema = z
  .object({
    years: citedValue(positiveInt),
    /** The period runs from each invoice's due date. */
    from: z.literal("due_date"),
    /** Most specific wins: jurisdiction + state, then jurisdiction, then `years`. */
    overrides: z
      .array(limitationOverrideSchema)
      .default([])
      .superRefine((overrides, ctx) => {
        const seen = new Set<string>();
        overrides.forEach((o, i) => {
          const key = `${o.jurisdiction}/${o.state ?? ""}`;
          if (seen.has(key))
            ctx.addIssue({
              code: "custom",
              path: [i],
              message: `duplicate override for ${key.replace(/\/$/, "")}`,
            });
          seen.add(key);
        });
      }),
    timeBarred: z
      .object({
        /** false: the engine makes no offer and accepts no proposal on a time-barred case. */
        allowOffers: z.boolean(),
        /** true: raise the time_barred escalation as soon as the case is known to be barred. */
        escalate: z.boolean(),
        /** Id of the disclosure shown on a time-barred case (must exist in disclosures). */
        disclosure: z.string().optional(),
        /** Wording categories that become forbidden even with flags (e.g. litigation). */
        forbidCategories: z.array(wordingCategorySchema).default([]),
        rules: rulesSchema,
      })
      .strict(),
  })
  .strict();

export type Limitation = z.infer<typeof limitationSchema>;
