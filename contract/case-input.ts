// The public contract of POST /api/cases, validated strictly: unknown fields, wrong types,
// fractional or negative amounts, unknown currencies, due before issue, empty invoice lists
// and over-long strings are all refused with the field path.
import { z } from "zod";
import { isIsoCurrency } from "../server/domain/money.js";
import { safeString } from "../server/validation/user-text.js";
import { creditorFieldsOnCase } from "./creditor-settings.js";

const text = (max: number) =>
  safeString().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });

/** Largest amount accepted for one invoice, in minor units (10^12: 10 billion in a 2-decimal currency). */
export const MAX_INVOICE_AMOUNT = 1_000_000_000_000;

const invoiceSchema = z
  .strictObject({
    number: text(64),
    issuedAt: isoDate,
    dueAt: isoDate,
    amount: z
      .number({ error: "must be an integer number of minor units" })
      .int("must be an integer number of minor units (1234.56 EUR is 123456)")
      .positive("must be positive")
      .max(MAX_INVOICE_AMOUNT, `must be at most ${MAX_INVOICE_AMOUNT}`),
  })
  .refine((inv) => inv.dueAt >= inv.issuedAt, { message: "must not be before issuedAt", path: ["dueAt"] });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const createCaseInput = z
  .strictObject({
    reference: text(100),
    creditor: z.strictObject({
      name: text(200),
      ...creditorFieldsOnCase,
    }),
    debtor: z.strictObject({
      name: text(200),
      kind: z.enum(["business", "consumer"]),
      email: z.email("must be an email address").max(254).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ().-]{6,32}$/, "must be a phone number")
        .optional(),
      locale: z.enum(["fr", "en"]),
      timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Paris").optional(),
    }),
    jurisdiction: z.enum(["FR", "US", "UK"]),
    usState: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a two-letter US state code")
      .optional(),
    currency: z.string().refine(isIsoCurrency, "must be an ISO-4217 currency code such as EUR"),
    invoices: z
      .array(invoiceSchema)
      .min(1, "must hold at least one invoice")
      .max(100, "must hold at most 100 invoices")
      .refine(
        (list) => new Set(list.map((i) => i.number)).size === list.length,
        "invoice numbers must be unique",
      ),
    verification: z
      .strictObject({
        question: text(300).optional(),
        answer: text(200),
      })
      .optional(),
  })
  .refine((c) => c.usState === undefined || c.jurisdiction === "US", {
    message: "only applies to jurisdiction US",
    path: ["usState"],
  });

export type CreateCaseInput = z.infer<typeof createCaseInput>;

export const DEFAULT_TIME_ZONE: Record<CreateCaseInput["jurisdiction"], string> = {
  FR: "Europe/Paris",
  UK: "Europe/London",
  US: "America/New_York",
};

/** Normalises a verification answer so "75 001" and "75001" or "Dupont" and "dupont " match. */
export function normaliseAnswer(answer: string): string {
  return answer
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
