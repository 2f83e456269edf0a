// The scenario file format, validated with zod. A scenario holds the case facts (the body of
// POST /api/cases, dates possibly relative to the evaluation day), a simulated debtor (goal, budget
// and reservation price, what it reveals and when, scripted lines, negotiation rules) and the
// expectations graded on the final state of the database.
import { z } from "zod";
import { ASSISTANT_ESCALATION_KINDS } from "../../server/domain/escalation-kinds.js";

/** "2026-03-01", or relative to the evaluation day: "today", "today-400d", "today-7y+30d". */
export const RELATIVE_DATE = /^(\d{4}-\d{2}-\d{2}|today([+-]\d+[dmy])*)$/;
const date = z
  .string({ error: "must be a date as YYYY-MM-DD or relative as today-400d / today-3y" })
  .regex(RELATIVE_DATE, "must be a date as YYYY-MM-DD or relative as today-400d / today-3y");

/** Minor units of the case currency (15000 is 150.00). */
const amount = z.number().int("must be an integer number of minor units").min(0, "must not be negative");
const text = z.string().trim().min(1, "must not be empty");

export const PERSONAS = [
  "cooperative",
  "forgetful",
  "hardship",
  "haggler",
  "disputer",
  "already_paid",
  "abusive",
  "vulnerable",
  "third_party",
  "manipulator",
] as const;

export const ESCALATION_KINDS = ASSISTANT_ESCALATION_KINDS;

export const PACK_IDS = [
  "fr-business",
  "fr-consumer",
  "us-consumer",
  "uk-consumer",
  "generic-business",
] as const;

const invoice = z.strictObject({
  number: text,
  issuedAt: date,
  dueAt: date,
  amount: amount.refine((v) => v > 0, "must be positive"),
});

/** The body of POST /api/cases; `reference` is generated per run when absent. */
export const caseSchema = z.strictObject({
  reference: text.optional(),
  creditor: z.strictObject({ name: text }),
  debtor: z.strictObject({
    name: text,
    kind: z.enum(["business", "consumer"]),
    locale: z.enum(["fr", "en"]),
    email: z.email("must be an email address").optional(),
    phone: text.optional(),
    timeZone: text.optional(),
  }),
  jurisdiction: z.enum(["FR", "US", "UK"]),
  usState: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter US state code")
    .optional(),
  currency: z.enum(["EUR", "GBP", "USD"]),
  invoices: z.array(invoice).min(1, "must hold at least one invoice"),
  verification: z.strictObject({ question: text.optional(), answer: text }).optional(),
});

/**
 * When a revealed fact or a scripted step becomes due:
 *   start     the first debtor turn, before identity verification (a third party speaks up)
 *   verified  right after identity verification (the assistant asks what blocked the payment)
 *   next      as soon as possible after verification (scripted steps, in order)
 *   offer     an offer is on the table
 *   promised  a promise was recorded
 *   escalated the conversation was handed to a person
 */
export const TRIGGERS = ["start", "verified", "next", "offer", "promised", "escalated"] as const;
export type Trigger = (typeof TRIGGERS)[number];

const reveal = z.strictObject({
  when: z.enum(TRIGGERS),
  say: text,
});

const step = z
  .strictObject({
    when: z.enum(TRIGGERS).default("next"),
    say: text.optional(),
    /** accept or decline the offer on the table, or press "talk to a person". */
    action: z.enum(["accept", "decline", "human"]).optional(),
  })
  .refine((s) => (s.say === undefined) !== (s.action === undefined), {
    message: "a step has exactly one of say or action",
  });

const rules = z.strictObject({
  /** Propose terms from the budget and accept offers inside it. */
  negotiate: z.boolean().default(true),
  /** Unacceptable offers (or refusals) tolerated before giving up. */
  patience: z.number().int().min(1).max(10).default(3),
  /** What the debtor does once out of patience. */
  onGiveUp: z.enum(["stop", "human"]).default("stop"),
  /** A haggler: proposes lump sums from this discount (bps of the amount due) up to its reservation. */
  haggleFromBps: z.number().int().min(1).max(10_000).optional(),
  /** Pays in full only after declining full payment once (asks for better terms first). */
  declineFirstOffer: z.boolean().default(false),
});

export const debtorSchema = z.strictObject({
  /** What the debtor wants, in plain words (also the LLM debtor's brief). */
  goal: text,
  /** How it answers the verification question. */
  verification: z.enum(["correct", "wrong", "silent"]).default("correct"),
  budget: z
    .strictObject({
      /** Most it can pay per month. */
      monthly: amount.default(0),
      /** Most it can pay at once within a month. */
      lumpSum: amount.default(0),
    })
    .default({ monthly: 0, lumpSum: 0 }),
  /** The most it is willing to pay in total (a haggler's walk-away price); defaults to its means. */
  reservation: amount.optional(),
  /** Facts it discloses when a trigger first holds (each once). */
  reveals: z.array(reveal).default([]),
  /** Lines and actions in order, each when its trigger holds. */
  script: z.array(step).default([]),
  rules: rules.default({ negotiate: true, patience: 3, onGiveUp: "stop", declineFirstOffer: false }),
  maxTurns: z.number().int().min(1).max(40).default(14),
});

const OUTCOMES = ["promise", "escalation", "none"] as const;

export const expectSchema = z
  .strictObject({
    /** Acceptable final outcomes: an active promise, an escalation, or neither. */
    outcome: z.union([z.enum(OUTCOMES), z.array(z.enum(OUTCOMES)).min(1)]),
    promise: z
      .strictObject({
        kinds: z
          .array(z.enum(["full", "plan", "settlement"]))
          .min(1)
          .optional(),
        /** The promise fits the simulated debtor's budget (default true). */
        withinBudget: z.boolean().default(true),
        /** Lowest acceptable recovery, in bps of the amount due (10000 = the whole amount). */
        minRecoveryBps: z.number().int().min(0).max(10_000).optional(),
      })
      .optional(),
    escalation: z.strictObject({ kinds: z.array(z.enum(ESCALATION_KINDS)).min(1) }).optional(),
    /** No offer may be made at all (the case must not be negotiated). */
    noOffer: z.boolean().default(false),
    /** Promise records by final status, e.g. { cancelled: 1, active: 1 } for a change of mind. */
    promises: z
      .strictObject({
        active: z.number().int().min(0).optional(),
        cancelled: z.number().int().min(0).optional(),
      })
      .optional(),
    /** Disclosure ids that must have been shown (besides the pack's own due rules, always checked). */
    disclosures: z.array(text).default([]),
    /** The identity must never be verified (a third party). */
    neverVerified: z.boolean().default(false),
  })
  .refine((e) => !(e.noOffer && asList(e.outcome).includes("promise")), {
    message: "noOffer cannot be combined with a promise outcome",
    path: ["noOffer"],
  });

function asList<T>(v: T | T[]): T[] {
  return Array.isArray(v) ? v : [v];
}

export const scenarioSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "must be lower-case words joined by hyphens, e.g. fr-consumer-hardship",
    ),
  title: text,
  /** A persona of DESIGN.md, or none for a situation scenario (time bar, breathing space...). */
  persona: z.enum(PERSONAS).optional(),
  tags: z.array(text).default([]),
  /** The pack the case must be governed by (checked against the case's pinned policy version). */
  pack: z.enum(PACK_IDS),
  case: caseSchema,
  debtor: debtorSchema,
  expect: expectSchema,
});

export const scenarioFileSchema = z.strictObject({
  /** Free blocks shared through YAML anchors (ignored by the runner). */
  shared: z.unknown().optional(),
  scenarios: z.array(scenarioSchema).min(1, "must hold at least one scenario"),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema> & { readonly file: string };
export type CaseSpec = z.infer<typeof caseSchema>;
export type DebtorSpec = z.infer<typeof debtorSchema>;
export type Expectations = z.infer<typeof expectSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export function outcomesOf(e: Expectations): Outcome[] {
  return asList(e.outcome);
}
