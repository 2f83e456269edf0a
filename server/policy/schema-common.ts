// Building blocks shared by the pack sections: rule citations, cited limit values, bilingual texts,
// ISO dates. Error messages are written for a policy editor, not for a programmer.
import { z } from "zod";
import { isIsoCurrency } from "../domain/money.js";
import { isIsoDate } from "./dates.js";
import { isKnownRuleId, RULE_ID_PATTERN } from "./rule-ids.js";

export const ruleIdSchema = z
  .string()
  .regex(RULE_ID_PATTERN, {
    error: (iss) =>
      `malformed rule id ${JSON.stringify(iss.input)}: expected an id like FR-B1, US-12, UK-6 or DP-8`,
  })
  // Only ids of the right shape are looked up, so a malformed id gets one message, not two.
  .refine((id) => !RULE_ID_PATTERN.test(id) || isKnownRuleId(id), {
    error: (iss) => `unknown rule id ${JSON.stringify(iss.input)}: not in COMPLIANCE.md`,
  });

/** Every limit, text, trigger and wording entry cites at least one rule. */
export const rulesSchema = z
  .array(ruleIdSchema)
  .min(1, { error: "cite at least one rule id from COMPLIANCE.md" });

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: (iss) => `expected a date YYYY-MM-DD, got ${JSON.stringify(iss.input)}` });

export const currencySchema = z
  .string()
  .refine(isIsoCurrency, { error: (iss) => `unknown ISO-4217 currency ${JSON.stringify(iss.input)}` });

export const basisPointsSchema = z
  .number()
  .int()
  .min(0, { error: "must not be negative" })
  .max(10_000, { error: "must be at most 10000 basis points (100 %)" });

export const nonEmptyText = z.string().trim().min(1, { error: "must not be empty" });

/** A text in every supported locale: a missing translation is an error, never a silent fallback. */
export const localeTextSchema = z.object({ fr: nonEmptyText, en: nonEmptyText }).strict();

/** A limit is a value plus the rules that justify it, and an optional note for editors. */
export function citedValue<T extends z.ZodType>(value: T) {
  return z.object({ value, rules: rulesSchema, note: z.string().optional() }).strict();
}

export const positiveInt = z.number().int().min(1, { error: "must be at least 1" });
export const nonNegativeInt = z.number().int().min(0, { error: "must not be negative" });

/** Reports duplicate values of `item[field]` in an array, on the later occurrences. */
export function refineUnique<T extends Record<F, string>, F extends string>(field: F, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx<T[]>) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const k = item[field];
      const first = seen.get(k);
      if (first === undefined) seen.set(k, index);
      else
        ctx.addIssue({
          code: "custom",
          path: [index, field],
          message: `duplicate ${what} "${k}" (first at index ${first})`,
        });
    });
  };
}
