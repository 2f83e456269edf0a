// A case inserted straight through the storage ports (no use case, no policy file): what the store
// tests and the storage benchmark start from. The link's token hash is `hash-<reference>`.
import type { Stores } from "../app/ports/index.js";

export async function insertStoreCase(
  stores: Stores,
  reference: string,
  options: { creditor?: string; debtor?: string; amount?: number; linkExpiresAt?: Date } = {},
): Promise<{ caseId: string; policyVersionId: string }> {
  const version = await stores.policies.registerPackContent({
    packId: "test-pack",
    hash: "a".repeat(64),
    content: "id: test-pack",
  });
  const caseId = await stores.cases.insert({
    reference,
    creditor: { name: options.creditor ?? "Ports SARL" },
    creditorSettings: {},
    paymentReference: `RF18${reference.replace(/\W/g, "").toUpperCase()}`,
    debtor: {
      name: options.debtor ?? "Jeanne Martin",
      kind: "consumer",
      locale: "fr",
      timeZone: "Europe/Paris",
    },
    jurisdiction: "FR",
    currency: "EUR",
    invoices: [
      {
        number: `F-${reference}`,
        issuedAt: "2026-01-05",
        dueAt: "2026-02-05",
        amount: options.amount ?? 120_000,
      },
    ],
    policyPackId: "test-pack",
    policyVersionId: version.id,
    tokenHash: `hash-${reference}`,
    tokenExpiresAt: options.linkExpiresAt ?? new Date("2027-01-01T00:00:00Z"),
  });
  return { caseId, policyVersionId: version.id };
}
