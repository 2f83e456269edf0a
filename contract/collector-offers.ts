// HTTP response bodies of a collector's offer by hand during a takeover: the policy's verdict on
// the terms (POST /api/cases/:id/offers/preview) and the offer made (POST /api/cases/:id/offers).
// Money in integer minor units of `currency`; dates YYYY-MM-DD.
import { z } from "zod";
import { wireMessage } from "./debtor-socket.js";
import { OFFER_KINDS } from "./enums.js";

export const offerTerms = z.object({
  kind: z.enum(OFFER_KINDS),
  currency: z.string(),
  total: z.number().int(),
  instalments: z.array(z.object({ dueDate: z.iso.date(), amount: z.number().int() })).readonly(),
  /** Settlement discount on the amount due, in basis points; 0 for full and plan. */
  discountBps: z.number().int(),
  /** What produced the terms: "ladder.<step id>" or "proposal.<kind>". */
  rule: z.string(),
  /** COMPLIANCE.md ids of the limits and steps that govern the terms. */
  citations: z.array(z.string()).readonly(),
  expiresAt: z.iso.date().optional(),
});
export type OfferTermsView = z.infer<typeof offerTerms>;

/** The policy's limits, for the collector to see what would pass. */
export const publicBounds = z.object({
  currency: z.string(),
  amountDue: z.number().int(),
  maxInstalments: z.number().int(),
  minInstalment: z.number().int(),
  maxPlanMonths: z.number().int(),
  cadences: z.array(z.enum(["weekly", "biweekly", "monthly"])).readonly(),
  firstPaymentWithinDays: z.number().int(),
  latestFirstPaymentDate: z.iso.date(),
  latestPlanEndDate: z.iso.date(),
  minDownPayment: z.number().int(),
  settlementAvailable: z.boolean(),
  settlementPayWithinDays: z.number().int().optional(),
});

const refused = z.object({
  decision: z.literal("refuse"),
  reason: z.string(),
  explanation: z.string(),
  bounds: publicBounds,
});
const countered = z.object({
  decision: z.literal("counter"),
  reason: z.string(),
  explanation: z.string(),
  terms: offerTerms,
});

export const offerPreview = z.discriminatedUnion("decision", [
  refused,
  countered,
  z.object({ decision: z.literal("accept"), terms: offerTerms }),
]);
export type OfferPreview = z.infer<typeof offerPreview>;

export const collectorOfferAnswer = z.discriminatedUnion("recorded", [
  z.discriminatedUnion("decision", [
    refused.extend({ recorded: z.literal(false) }),
    countered.extend({ recorded: z.literal(false) }),
  ]),
  z.object({
    recorded: z.literal(true),
    decision: z.literal("accept"),
    offerId: z.string(),
    terms: offerTerms,
    message: wireMessage,
  }),
]);
export type CollectorOfferAnswer = z.infer<typeof collectorOfferAnswer>;
