// HTTP response bodies of the console's report pages: GET /api/kpis (and its filters), the audit
// log, the CSV import report. Money is integer minor units with its currency.
import { z } from "zod";
import { paged } from "./paged.js";

const instant = z.iso.datetime();
const day = z.iso.date();
const rate = z.number().nullable();

export const cashReport = z.object({
  collected: z.array(
    z.object({
      currency: z.string(),
      total: z.number(),
      assistant: z.number(),
      human: z.number(),
      /** Payments on no promise (before any agreement, or beyond it). */
      unplanned: z.number(),
      bySource: z.record(z.string(), z.number()),
    }),
  ),
  collectedDaily: z.array(z.object({ date: day, currency: z.string(), amount: z.number() })),
  collectedByCreditor: z.array(
    z.object({ creditorId: z.string(), creditor: z.string(), currency: z.string(), amount: z.number() }),
  ),
  promisedVsCollected: z.array(
    z.object({
      currency: z.string(),
      promised: z.number(),
      collected: z.number(),
      ratio: rate,
      byObtainer: z.object({
        assistant: z.object({ promised: z.number(), collected: z.number() }),
        human: z.object({ promised: z.number(), collected: z.number() }),
      }),
    }),
  ),
  funnel: z.object({
    linksSent: z.number(),
    opened: z.number(),
    verified: z.number(),
    promised: z.number(),
    paid: z.number(),
  }),
});
export type CashReport = z.infer<typeof cashReport>;

export const kpiReport = z.object({
  period: z.object({ from: day, to: day }),
  filters: z.object({ creditor: z.string().nullable(), policyVersion: z.string().nullable() }),
  conversations: z.number(),
  verified: z.number(),
  verificationRate: rate,
  withPromise: z.number(),
  promiseToPayRate: rate,
  amounts: z.array(z.object({ currency: z.string(), promised: z.number(), due: z.number(), ratio: rate })),
  promises: z.object({
    total: z.number(),
    active: z.number(),
    kept: z.number(),
    broken: z.number(),
    cancelled: z.number(),
  }),
  keptRate: z.object({ overall: rate, assistant: rate, human: rate }),
  averageDiscountBps: rate,
  escalationsByKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  medianTimeToAgreementSeconds: rate,
  daily: z.array(z.object({ date: day, conversations: z.number(), promises: z.number() })),
  /** Cases now handed off beyond amicable recovery, within the creditor and policy filters. */
  handedOff: z.number().optional(),
  /** Money: cash collected, promised vs collected, the funnel. */
  cash: cashReport.optional(),
});
export type KpiReport = z.infer<typeof kpiReport>;

export const kpiFilters = z.object({
  creditors: z.array(z.object({ id: z.string(), name: z.string() })),
  policyVersions: z.array(
    z.object({
      id: z.string(),
      packId: z.string(),
      hash: z.string(),
      status: z.string(),
      publishedAt: instant.nullable(),
    }),
  ),
});
export type KpiFilters = z.infer<typeof kpiFilters>;

export const auditEntry = z.object({
  id: z.string(),
  at: instant,
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  data: z.unknown(),
  hash: z.string(),
});

export const auditPage = paged(auditEntry).extend({
  chain: z.object({ intact: z.boolean(), brokenAtId: z.string().nullable() }),
});
export type AuditPage = z.infer<typeof auditPage>;

export const importRowError = z.object({
  /** Spreadsheet row number: the header is row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importCaseResult = z.object({
  reference: z.string(),
  creditor: z.string(),
  rows: z.array(z.number().int()),
  status: z.enum(["valid", "invalid", "imported", "skipped", "failed"]),
  errors: z.array(importRowError),
  id: z.string().optional(),
  link: z.string().optional(),
});
export type ImportCaseResult = z.infer<typeof importCaseResult>;

/** POST /api/cases/import: the row-by-row report. */
export const importReport = z.object({
  mode: z.enum(["validate", "import", "import_valid"]),
  ok: z.boolean(),
  rows: z.number().int(),
  cases: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importRowError.extend({ reference: z.string() })),
  results: z.array(importCaseResult),
});
export type ImportReport = z.infer<typeof importReport>;
