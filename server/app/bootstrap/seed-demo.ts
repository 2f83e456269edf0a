// Idempotent demo data: a demo creditor and a French business case with two overdue invoices.
// The invoice dates follow the day of seeding (the oldest fell due two days ago), so that the
// scheduler's first pass after `npm start` composes the first e-mail reminder (the D+1 step) into
// the outbox: the sequence can be watched from its start without a mail server.
// Run twice, it creates nothing twice; the demo debtor link is rotated on each boot so that the
// printed link works (only hashes are stored, so an old link cannot be shown again).
import { hashToken, newSecretToken } from "../../auth/tokens.js";
import { createCase, debtorLink } from "../cases/case-service.js";
import type { AppContext } from "../context.js";

export const DEMO_CREDITOR = "Atelier Lumière SARL";
export const DEMO_REFERENCE = "DEMO-FR-001";

const DAY_MS = 86_400_000;
const isoDay = (today: Date, offsetDays: number) =>
  new Date(today.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** The demo case as of `today`: the oldest invoice fell due two days ago, the other one yesterday. */
export function demoCaseAt(today: Date) {
  return {
    reference: DEMO_REFERENCE,
    creditor: {
      name: DEMO_CREDITOR,
      contactEmail: "recouvrement@atelier-lumiere.example",
      // A sample bank account (valid checksum, not a real account) so the e-mails show how to pay.
      payment: {
        accountHolder: "ATELIER LUMIERE SARL",
        iban: "FR7630006000011234567890189",
        bic: "AGRIFRPP",
      },
    },
    debtor: {
      name: "Boulangerie Martin SAS",
      kind: "business",
      email: "compta@boulangerie-martin.example",
      locale: "fr",
    },
    jurisdiction: "FR",
    currency: "EUR",
    invoices: [
      { number: "F-2026-0412", issuedAt: isoDay(today, -32), dueAt: isoDay(today, -2), amount: 184_000 },
      { number: "F-2026-0467", issuedAt: isoDay(today, -31), dueAt: isoDay(today, -1), amount: 96_050 },
    ],
    verification: { question: "Quel est le code postal de votre établissement ?", answer: "69002" },
  } as const;
}

export interface DemoSeed {
  caseId: string;
  link: string;
  created: boolean;
}

export async function seedDemo(ctx: AppContext, adminEmail: string): Promise<DemoSeed> {
  const existing = await ctx.stores.cases.findIdByReference(DEMO_CREDITOR, DEMO_REFERENCE);
  const admin = await ctx.stores.users.findByEmail(adminEmail);
  if (!existing) {
    const created = await createCase(
      ctx,
      demoCaseAt(ctx.clock.now()),
      admin ? { userId: admin.id, email: admin.email, role: "admin" } : undefined,
    );
    return { caseId: created.id, link: created.link, created: true };
  }
  const token = newSecretToken();
  await ctx.stores.cases.replaceDebtorLink(existing.id, ctx.clock.now(), admin?.id ?? "system", {
    tokenHash: hashToken(token),
    expiresAt: new Date(ctx.clock.now().getTime() + ctx.env.DEBTOR_LINK_TTL_DAYS * 86_400_000),
  });
  return { caseId: existing.id, link: debtorLink(ctx, token), created: false };
}
