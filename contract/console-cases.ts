// HTTP response bodies of the console's case pages: GET /api/cases (the list), GET /api/cases/:id
// (the detail), GET /api/cases/:id/transcript. Money is integer minor units with its currency,
// instants ISO-8601, calendar dates YYYY-MM-DD. The server builds these types (a drift is a type
// error); route tests parse real responses with the schemas.
import { z } from "zod";
import { escalationCard } from "./console-escalations.js";
import { CASE_STATUSES, ESCALATION_KINDS, MESSAGE_ROLES, OFFER_KINDS } from "./enums.js";
import { paged } from "./paged.js";

const instant = z.iso.datetime();
const day = z.iso.date();
const money = z.number().int();
export const JURISDICTIONS = ["FR", "US", "UK"] as const;
export const jurisdiction = z.enum(JURISDICTIONS);
export const locale = z.enum(["fr", "en"]);
export const debtorKind = z.enum(["business", "consumer"]);
export const OFFER_STATUSES = [
  "proposed",
  "accepted",
  "declined",
  "expired",
  "superseded",
  "pending_review",
] as const;
export const PROMISE_STATUSES = ["active", "kept", "broken", "cancelled"] as const;
export const INSTALMENT_STATUSES = ["due", "paid", "partially_paid", "missed"] as const;

export const offerView = z.object({
  id: z.string(),
  kind: z.enum(OFFER_KINDS),
  status: z.enum(OFFER_STATUSES),
  total: money,
  currency: z.string(),
  discountBps: z.number().int(),
  /** As the engine wrote them: [{dueDate, amount}]. */
  instalments: z.unknown(),
  rule: z.string(),
  policyVersionId: z.string(),
  source: z.string(),
  expiresAt: instant,
  createdAt: instant,
});
export type OfferView = z.infer<typeof offerView>;

export const promiseView = z.object({
  id: z.string(),
  offerId: z.string().nullable(),
  status: z.enum(PROMISE_STATUSES),
  total: money,
  currency: z.string(),
  obtainedBy: z.enum(["assistant", "human"]),
  acceptedAt: instant,
  instalments: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      dueDate: day,
      amount: money,
      paidAmount: money,
      paidAt: instant.nullable(),
      status: z.enum(INSTALMENT_STATUSES),
    }),
  ),
});
export type PromiseView = z.infer<typeof promiseView>;

/** An escalation as the case page lists it (the queue's card without the case). */
export const escalationView = escalationCard.omit({ case: true });
export type EscalationView = z.infer<typeof escalationView>;

const bilingual = z.object({ fr: z.string(), en: z.string() });
/** How a figure was computed, as data: the console writes the sentence in its own language. */
const amountHow = z.discriminatedUnion("code", [
  z.object({ code: z.literal("invoice"), invoice: z.string(), issuedAt: z.string(), dueAt: z.string() }),
  z.object({
    code: z.literal("late_interest"),
    principal: z.number().int(),
    currency: z.string(),
    dayCountBasis: z.number().int(),
    segments: z
      .array(
        z.object({
          days: z.number().int(),
          from: z.string(),
          rateBps: z.number().int(),
          marginBps: z.number().int(),
        }),
      )
      .readonly(),
    uncharged: z.object({ days: z.number().int(), before: z.string() }).optional(),
  }),
  z.object({ code: z.literal("fixed_per_invoice"), amount: z.number().int(), currency: z.string() }),
  z.object({
    code: z.literal("fee_fixed"),
    label: bilingual,
    amount: z.number().int(),
    currency: z.string(),
  }),
  z.object({
    code: z.literal("fee_percent"),
    label: bilingual,
    bps: z.number().int(),
    base: z.number().int(),
    currency: z.string(),
  }),
]);

// The domain owns the type (server/policy/types.ts); the schema above checks it on the wire.
export type { AmountHow, InterestSegment } from "../server/policy/types.js";

const amountLine = z.object({
  kind: z.enum(["principal", "interest", "indemnity", "fee"]),
  invoiceNumber: z.string().optional(),
  amount: money,
  rule: z.string(),
  citations: z.array(z.string()).readonly(),
  detail: z.string(),
  how: amountHow,
});

/** What the debtor owes now, by the case's policy pack. */
export const amountDue = z.object({
  currency: z.string(),
  asOf: day,
  principal: money,
  interest: money,
  indemnity: money,
  fees: money,
  paid: money,
  total: money,
  lines: z.array(amountLine).readonly(),
  daysPastDue: z.number().int(),
  timeBarred: z.boolean(),
  barredInvoices: z.array(z.string()).readonly(),
  limitationYears: z.number(),
  limitationRule: z.string(),
});

export const caseView = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  jurisdiction,
  usState: z.string().nullable(),
  currency: z.string(),
  creditor: z.object({
    name: z.string(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  debtor: z.object({
    name: z.string(),
    kind: debtorKind,
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale,
    timeZone: z.string(),
  }),
  invoices: z.array(z.object({ number: z.string(), issuedAt: day, dueAt: day, amount: money })),
  principal: z.object({ amount: money, currency: z.string() }),
  amountDue: amountDue.nullable(),
  verification: z.object({ question: z.string().nullable(), hasAnswer: z.boolean() }),
  link: z
    .object({ createdAt: instant, expiresAt: instant, revokedAt: instant.nullable(), active: z.boolean() })
    .nullable(),
  policyVersion: z.object({ id: z.string(), packId: z.string(), hash: z.string() }),
  conversation: z
    .object({
      id: z.string(),
      verified: z.boolean(),
      locked: z.boolean(),
      humanOwnerId: z.string().nullable(),
    })
    .nullable(),
  offers: z.array(offerView),
  promises: z.array(promiseView),
  escalations: z.array(escalationView),
  createdAt: instant,
  updatedAt: instant,
});
export type CaseView = z.infer<typeof caseView>;

export const caseListItem = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  jurisdiction,
  creditor: z.object({ name: z.string() }),
  debtor: z.object({ name: z.string(), kind: debtorKind, locale }),
  principal: z.object({ amount: money, currency: z.string() }),
  escalated: z.boolean(),
  escalationKinds: z.array(z.enum(ESCALATION_KINDS)),
  promise: z.object({ id: z.string(), status: z.enum(PROMISE_STATUSES), total: money }).nullable(),
  humanOwnerId: z.string().nullable(),
  createdAt: instant,
});
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseList = paged(caseListItem);
export type CaseList = z.infer<typeof caseList>;

export const transcriptMessage = z.object({
  id: z.string(),
  seq: z.number().int(),
  role: z.enum(MESSAGE_ROLES),
  text: z.string(),
  clientMessageId: z.string().nullable(),
  offerId: z.string().nullable(),
  quickReplies: z.unknown(),
  /** What the turn recorded beside the text (layer, prompt, notice...): a JSON object. */
  meta: z.record(z.string(), z.unknown()).nullable(),
  createdAt: instant,
});
export const transcriptEvent = z.object({
  id: z.string(),
  messageId: z.string().nullable(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: instant,
});
export const transcript = z.object({
  caseId: z.string(),
  conversationId: z.string().nullable(),
  messages: z.array(transcriptMessage),
  events: z.array(transcriptEvent),
});
export type Transcript = z.infer<typeof transcript>;
export type TranscriptMessage = z.infer<typeof transcriptMessage>;
export type TranscriptEvent = z.infer<typeof transcriptEvent>;

/** GET /api/cases/:id/notes: the team's internal notes, newest last. */
export const caseNotes = z.object({
  items: z.array(z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: instant })),
});
export type CaseNotes = z.infer<typeof caseNotes>;
