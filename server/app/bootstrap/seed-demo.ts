// Idempotent demo data: a demo creditor and a French business case with two overdue invoices.
// Run twice, it creates nothing twice; the demo debtor link is rotated on each boot so that the
// printed link works (only hashes are stored, so an old link cannot be shown again).
import { hashToken, newSecretToken } from "../../auth/tokens.js";
import { findCaseIdByReference, replaceDebtorLink } from "../../db/cases.js";
import { findUserByEmail } from "../../db/users.js";
import { createCase, debtorLink } from "../cases/case-service.js";
import type { AppContext } from "../context.js";

export const DEMO_CREDITOR = "Atelier Lumière SARL";
export const DEMO_REFERENCE = "DEMO-FR-001";

export const demoCase = {
  reference: DEMO_REFERENCE,
  creditor: { name: DEMO_CREDITOR, contactEmail: "recouvrement@atelier-lumiere.example" },
  debtor: {
    name: "Boulangerie Martin SAS",
    kind: "business",
    email: "compta@boulangerie-martin.example",
    locale: "fr",
  },
  jurisdiction: "FR",
  currency: "EUR",
  invoices: [
    { number: "F-2026-0412", issuedAt: "2026-08-03", dueAt: "2026-09-02", amount: 184_000 },
    { number: "F-2026-0467", issuedAt: "2026-09-01", dueAt: "2026-10-01", amount: 96_050 },
  ],
  verification: { question: "Quel est le code postal de votre établissement ?", answer: "69002" },
} as const;

export interface DemoSeed {
  caseId: string;
  link: string;
  created: boolean;
}

export async function seedDemo(ctx: AppContext, adminEmail: string): Promise<DemoSeed> {
  const existing = await findCaseIdByReference(ctx.db.prisma, DEMO_CREDITOR, DEMO_REFERENCE);
  const admin = await findUserByEmail(ctx.db.prisma, adminEmail);
  if (!existing) {
    const created = await createCase(
      ctx,
      demoCase,
      admin ? { userId: admin.id, email: admin.email, role: "admin" } : undefined,
    );
    return { caseId: created.id, link: created.link, created: true };
  }
  const token = newSecretToken();
  await replaceDebtorLink(ctx.db.prisma, existing.id, ctx.clock.now(), admin?.id ?? "system", {
    tokenHash: hashToken(token),
    expiresAt: new Date(ctx.clock.now().getTime() + ctx.env.DEBTOR_LINK_TTL_DAYS * 86_400_000),
  });
  return { caseId: existing.id, link: debtorLink(ctx, token), created: false };
}
