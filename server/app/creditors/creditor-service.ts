// Creditor settings use cases: read (collectors and admins), change (admins), list (console).
import { friendlyFormatIBAN } from "ibantools";
import { type CreditorView, creditorSettingsInput } from "../../../contract/creditor-settings.js";
import { notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { Actor, AppContext } from "../context.js";
import type { CreditorRow } from "../ports/rows.js";
import { settingsColumns } from "./settings-columns.js";

export function creditorView(row: CreditorRow): CreditorView {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    logoUrl: row.logoUrl,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    payment: {
      accountHolder: row.bankHolder,
      iban: row.iban,
      ibanText: row.iban ? friendlyFormatIBAN(row.iban) : null,
      bic: row.bic,
      ukSortCode: row.ukSortCode,
      ukAccountNumber: row.ukAccountNumber,
      usRoutingNumber: row.usRoutingNumber,
      usAccountNumber: row.usAccountNumber,
      url: row.paymentUrl,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type { CreditorView };

export async function getCreditor(ctx: AppContext, id: string): Promise<CreditorView> {
  const row = await ctx.stores.creditors.find(id);
  if (!row) throw notFound("Creditor");
  return creditorView(row);
}

export async function listCreditors(ctx: AppContext): Promise<CreditorView[]> {
  const rows = await ctx.stores.creditors.list();
  return rows.map(creditorView);
}

export async function updateCreditor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<CreditorView> {
  const input = parseOrThrow(creditorSettingsInput, body, "creditor settings");
  const row = await ctx.stores.creditors.updateSettings(id, settingsColumns(input), actor.userId);
  if (!row) throw notFound("Creditor");
  return creditorView(row);
}
