// The creditor settings a collector's system or an admin sends (PATCH /api/creditors/:id, and
// `creditor` in POST /api/cases): contact, display name and logo, and how to pay. Strict zod
// objects, field paths in errors; an IBAN is checked (country format and mod-97 checksum) with
// ibantools, stored in its electronic form, and shown in the friendly one.
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const httpsUrl = z
  .url({ protocol: /^https$/, error: "must be an https:// URL" })
  .max(500, "must be at most 500 characters");

const iban = z
  .string()
  .trim()
  .transform((v) => electronicFormatIBAN(v) ?? "")
  .refine((v) => isValidIBAN(v), "must be a valid IBAN (country format and check digits)");

const bic = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .refine((v) => isValidBIC(v), "must be a valid BIC (8 or 11 characters)");

const digits = (n: string, what: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]+/g, ""))
    .refine((v) => new RegExp(`^\\d{${n}}$`).test(v), `must be ${what}`);

/** ABA routing numbers carry a weighted checksum (3, 7, 1): a typo is caught here. */
function abaValid(v: string): boolean {
  if (!/^\d{9}$/.test(v)) return false;
  const d = [...v].map(Number);
  const sum = [0, 3, 6].reduce((s, i) => s + 3 * (d[i] ?? 0) + 7 * (d[i + 1] ?? 0) + (d[i + 2] ?? 0), 0);
  return sum % 10 === 0;
}

export const paymentSettingsInput = z.strictObject({
  /** Account holder, as the bank knows it (the name a transfer is made out to). */
  accountHolder: text(140).nullable().optional(),
  iban: iban.nullable().optional(),
  bic: bic.nullable().optional(),
  ukSortCode: digits("6", "a six-digit sort code such as 12-34-56").nullable().optional(),
  ukAccountNumber: digits("8", "an eight-digit account number").nullable().optional(),
  usRoutingNumber: z
    .string()
    .trim()
    .refine(abaValid, "must be a nine-digit ABA routing number with a valid checksum")
    .nullable()
    .optional(),
  usAccountNumber: digits("4,17", "4 to 17 digits").nullable().optional(),
  /** The creditor's own payment page. */
  url: httpsUrl.nullable().optional(),
});

export type PaymentSettingsInput = z.infer<typeof paymentSettingsInput>;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{6,32}$/, "must be a phone number");

/** The settings fields as `creditor` of POST /api/cases takes them (nothing to clear there). */
export const creditorFieldsOnCase = {
  displayName: text(200).optional(),
  logoUrl: httpsUrl.optional(),
  contactEmail: z.email("must be an email address").max(254).optional(),
  contactPhone: phone.optional(),
  payment: paymentSettingsInput.optional(),
};

export const creditorSettingsInput = z
  .strictObject({
    displayName: text(200).nullable().optional(),
    logoUrl: httpsUrl.nullable().optional(),
    contactEmail: z.email("must be an email address").max(254).nullable().optional(),
    contactPhone: phone.nullable().optional(),
    payment: paymentSettingsInput.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, "must change at least one field");

export type CreditorSettingsInput = z.infer<typeof creditorSettingsInput>;

// ---- responses --------------------------------------------------------------------------------

/** The payment fields a creditor may set (`payment` in the settings body and the view). */
export const PAYMENT_FIELDS = [
  "accountHolder",
  "iban",
  "bic",
  "ukSortCode",
  "ukAccountNumber",
  "usRoutingNumber",
  "usAccountNumber",
  "url",
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** GET /api/creditors (as `items`), GET and PATCH /api/creditors/:id */
export const creditorView = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  logoUrl: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  payment: z.object({
    accountHolder: z.string().nullable(),
    iban: z.string().nullable(),
    /** The IBAN in its friendly form (groups of four), for display. */
    ibanText: z.string().nullable(),
    bic: z.string().nullable(),
    ukSortCode: z.string().nullable(),
    ukAccountNumber: z.string().nullable(),
    usRoutingNumber: z.string().nullable(),
    usAccountNumber: z.string().nullable(),
    url: z.string().nullable(),
  } satisfies Record<PaymentField | "ibanText", z.ZodType>),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CreditorView = z.infer<typeof creditorView>;
