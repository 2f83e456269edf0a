// Zod schemas of the statement requests: list filters, assigning and dismissing a line.
import { z } from "zod";

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
