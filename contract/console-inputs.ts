// Zod schemas of the console's request bodies and queries: strict objects, field paths in errors.
import { z } from "zod";
import { isIsoCurrency } from "../server/domain/money.js";
import { safeString } from "../server/validation/user-text.js";
import { MAX_INVOICE_AMOUNT } from "./case-input.js";
import { CASE_STATUSES, ESCALATION_KINDS, OUTCOMES, type Outcome } from "./enums.js";

export { ESCALATION_KINDS, OUTCOMES, type Outcome };

const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
const text = (max: number) =>
  safeString({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);
const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

export const escalationListQuery = z.strictObject({
  kind: z.enum(ESCALATION_KINDS).optional(),
  /** "active" is open or assigned: the queue. */
  status: z.enum(["open", "assigned", "resolved", "active", "all"]).default("active"),
  assignee: z.enum(["me", "unassigned", "any"]).default("any"),
  caseId: z.uuid("must be a case id").optional(),
  page,
  pageSize,
});

export const resolveInput = z.strictObject({
  outcome: z.enum(OUTCOMES),
  note: text(2000),
});

export const MAX_AGENT_MESSAGE = 2000;

export const agentMessageInput = z.strictObject({
  text: text(MAX_AGENT_MESSAGE),
  clientMessageId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.:-]+$/, "may hold letters, digits, '-', '_', '.', ':' only")
    .optional(),
});

export const handbackInput = z.strictObject({ note: text(2000) });

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });

export const paymentInput = z.strictObject({
  caseId: z.uuid("must be a case id"),
  instalmentId: z.uuid("must be an instalment id").optional(),
  amount: z
    .number({ error: "must be an integer number of minor units" })
    .int("must be an integer number of minor units (1234.56 EUR is 123456)")
    .positive("must be positive")
    .max(MAX_INVOICE_AMOUNT * 100, "is too large"),
  currency: z.string().refine(isIsoCurrency, "must be an ISO-4217 currency code such as EUR"),
  /** A date (YYYY-MM-DD) or an ISO-8601 instant with an offset. */
  paidAt: z.union([isoDate, z.iso.datetime({ offset: true })], {
    error: "must be a date or an ISO-8601 date-time",
  }),
  externalRef: text(100).optional(),
});

export const caseSearchQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  escalated: bool.optional(),
  promise: z.enum(["active", "kept", "broken", "cancelled", "none"]).optional(),
  jurisdiction: z.enum(["FR", "US", "UK"]).optional(),
  creditor: safeString().trim().min(1).max(200).optional(),
  q: safeString().trim().max(200).optional(),
  page,
  pageSize,
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuery>;

export const caseExportQuery = caseSearchQuery.omit({ page: true, pageSize: true }).extend({
  /** "excel-fr": ";" between cells and a decimal comma, as French Excel reads a double-clicked file. */
  dialect: z.enum(["standard", "excel-fr"], "must be standard or excel-fr").default("standard"),
});

export const importQuery = z.strictObject({
  mode: z.enum(["validate", "import", "import_valid"]).default("import"),
});

export const kpiQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    creditor: z.uuid("must be a creditor id").optional(),
    policyVersion: z.uuid("must be a policy version id").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });

export const auditQuery = z.strictObject({
  page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: safeString().trim().min(1).max(60).optional(),
});

export const collectorOfferInput = z
  .strictObject({
    kind: z.enum(["full", "plan", "settlement"]),
    count: z.number().int().min(1).max(520).optional(),
    cadence: z.enum(["weekly", "biweekly", "monthly"]).optional(),
    firstDate: isoDate.optional(),
    total: z
      .number()
      .int()
      .positive()
      .max(MAX_INVOICE_AMOUNT * 100)
      .optional(),
    instalmentAmount: z
      .number()
      .int()
      .positive()
      .max(MAX_INVOICE_AMOUNT * 100)
      .optional(),
    /** A first instalment of its own (a down payment); the rest is split over the others. */
    firstAmount: z
      .number()
      .int()
      .positive()
      .max(MAX_INVOICE_AMOUNT * 100)
      .optional(),
    /** With firstAmount: the day the rest is paid in one payment (a two-payment plan). */
    restDate: isoDate.optional(),
    discountBps: z.number().int().min(0).max(10_000).optional(),
    text: text(MAX_AGENT_MESSAGE).optional(),
  })
  .refine((o) => o.restDate === undefined || o.firstAmount !== undefined, {
    message: "restDate needs firstAmount: it is the day the rest after that first instalment is paid",
    path: ["restDate"],
  })
  .refine(
    (o) =>
      o.kind === "plan" ||
      (o.count === undefined &&
        o.cadence === undefined &&
        o.instalmentAmount === undefined &&
        o.firstAmount === undefined),
    {
      message: "count, cadence, instalmentAmount and firstAmount only apply to a plan",
      path: ["kind"],
    },
  );

/** POST /api/cases/:id/notes: an internal note, never shown to the debtor. */
export const noteInput = z.strictObject({
  text: z.string().trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters"),
});
