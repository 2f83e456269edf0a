// Ladder section: the order in which the engine makes concessions, and what unlocks each one.
import { z } from "zod";
import {
  basisPointsSchema,
  citedValue,
  nonNegativeInt,
  positiveInt,
  refineUnique,
  rulesSchema,
} from "./schema-common.js";
import { cadenceSchema } from "./schema-limits.js";

export const offerKindSchema = z.enum(["full", "plan", "settlement"]);

/** Facts about the negotiation so far that a step may depend on. */
export const ladderConditionSchema = z.enum([
  "full_declined",
  "full_impossible",
  "plan_declined",
  "settlement_declined",
  "hardship",
  "prompt_payment",
]);
export type LadderCondition = z.infer<typeof ladderConditionSchema>;

const stepIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "step id must be lower-case words joined by hyphens" });

export const ladderStepSchema = z
  .object({
    id: stepIdSchema,
    kind: offerKindSchema,
    /** Any one of these unlocks the step; empty means available from the start. */
    unlockedBy: z.array(ladderConditionSchema).default([]),
    /** All of these must hold. */
    requires: z.array(ladderConditionSchema).default([]),
    /** None of these may hold. */
    unless: z.array(ladderConditionSchema).default([]),
    /** Concession: drop late interest and/or the recovery indemnity from the total (full and plan only). */
    waive: z
      .object({ interest: z.boolean().default(false), indemnity: z.boolean().default(false) })
      .strict()
      .optional(),
    /** Plan only: preferred number of instalments (reduced by the engine to fit the limits). */
    instalments: positiveInt.optional(),
    cadence: cadenceSchema.optional(),
    /** Days from today to the (first) due date; defaults to the matching window in limits. */
    dueInDays: nonNegativeInt.optional(),
    /** Settlement only: the discount first offered (capped by the case's tier). */
    openingDiscountBps: basisPointsSchema.optional(),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const planOnly = ["instalments", "cadence"] as const;
    for (const key of planOnly) {
      if (step[key] !== undefined && step.kind !== "plan")
        ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is only for plan steps` });
    }
    if (step.kind === "settlement") {
      if (step.openingDiscountBps === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["openingDiscountBps"],
          message: "a settlement step needs openingDiscountBps",
        });
      if (step.waive !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["waive"],
          message: "a settlement step cannot waive: its discount already covers everything",
        });
      // Issue 3: a settlement only ever comes after the debtor declined a plan.
      if (!step.requires.includes("plan_declined"))
        ctx.addIssue({
          code: "custom",
          path: ["requires"],
          message: 'a settlement step must require "plan_declined"',
        });
    } else if (step.openingDiscountBps !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["openingDiscountBps"],
        message: '"openingDiscountBps" is only for settlement steps',
      });
    }
  });

export type LadderStep = z.infer<typeof ladderStepSchema>;

export const ladderSchema = z
  .object({
    steps: z
      .array(ladderStepSchema)
      .min(1, { error: "the ladder needs at least one step" })
      .superRefine(refineUnique("id", "step id"))
      .superRefine((steps, ctx) => {
        if (steps[0] && steps[0].kind !== "full")
          ctx.addIssue({
            code: "custom",
            path: [0, "kind"],
            message: 'the first step must be "full": ask for full payment first',
          });
      }),
    /** How far one counter-offer may move the discount towards the debtor. */
    counterStepBps: citedValue(basisPointsSchema),
    /** After this many counter-offer rounds the engine stops countering (a person takes over). */
    maxCounterRounds: citedValue(positiveInt),
    /** An offer (other than a settlement, which expires on its pay-by date) stays open this many days. */
    offerValidDays: citedValue(positiveInt),
  })
  .strict();

export type Ladder = z.infer<typeof ladderSchema>;
