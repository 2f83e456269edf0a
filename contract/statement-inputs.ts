// Bank statements: the requests (list filters, assigning and dismissing a line) and the line as
// GET /api/statements/lines lists it.
import { z } from "zod";
import { paged } from "./paged.js";

const note = z.string().trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters");

export const statementLinesQuery = z.strictObject({
  status: z
    .enum([
      "open",
      "unmatched",
      "partial",
      "matched",
      "duplicate",
      "assigned",
      "dismissed",
      "reviewed",
      "all",
    ])
    .default("open"),
  importId: z.uuid("must be an import id").optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const statementAssignInput = z.strictObject({ caseId: z.uuid("must be a case id"), note });
export const statementDismissInput = z.strictObject({ note });

export const statementLineView = z.object({
  id: z.string(),
  importId: z.string(),
  lineNo: z.number().int(),
  bookedAt: z.iso.date(),
  /** Minor units of `currency`. */
  amount: z.number().int(),
  currency: z.string(),
  text: z.string(),
  counterparty: z.string().nullable(),
  bankRef: z.string().nullable(),
  status: z.string(),
  caseId: z.string().nullable(),
  paymentId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type StatementLineView = z.infer<typeof statementLineView>;

export const statementLinePage = paged(statementLineView);
export type StatementLinePage = z.infer<typeof statementLinePage>;
