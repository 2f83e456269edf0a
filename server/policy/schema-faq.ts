// The pack's answers to the questions debtors ask: creditor-specific wording, reviewed with the pack
// (not code). The offline engine says them as written, with {creditor} and {reference} filled in;
// topics without an answer here fall back to the catalogue's generic wording.
import { z } from "zod";
import { localeTextSchema } from "./schema-common.js";

export const faqTopicSchema = z.enum([
  "what_for",
  "creditor",
  "missed_payment",
  "change_plan",
  "invoice_copy",
  "proof_of_payment",
  "contact",
]);
export type FaqTopic = z.infer<typeof faqTopicSchema>;

export const faqSchema = z.partialRecord(faqTopicSchema, localeTextSchema).optional();
