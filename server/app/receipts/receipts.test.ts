// The receipt and the calendar of a promise, read back with independent readers.
import { describe, expect, it } from "vitest";
import { loadPackFile } from "../../policy/index.js";
import { type ReceiptData, receiptDisclosures } from "./receipt-data.js";
import { buildReceiptIcs, instalmentUid } from "./receipt-ics.js";
import { buildReceiptPdf } from "./receipt-pdf.js";
import { parseAmount, parseCalendar, pdfText } from "./test-support/read-documents.js";

function pack(file: string) {
  const loaded = loadPackFile(file);
  if (!loaded.ok) throw new Error(`cannot load ${file}`);
  return loaded.pack;
}

const facts = {
  reference: "INV-2026-042",
  creditorName: "Acme Fournitures",
  debtorName: "Dupont Transport SARL",
  debtorKind: "business" as const,
  locale: "fr" as const,
  jurisdiction: "FR" as const,
  currency: "EUR",
  timeZone: "Europe/Paris",
  invoices: [
    { number: "F-1001", issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 120_000 },
    { number: "F-1002", issuedAt: "2026-08-01", dueAt: "2026-08-31", amount: 30_050 },
  ],
};

const plan: ReceiptData = {
  locale: "fr",
  timeZone: "Europe/Paris",
  reference: facts.reference,
  promiseId: "0b7c1f0e-8d1a-4a52-9a43-2f7f3c1d9e01",
  acceptedAt: "2026-11-22T10:15:00.000Z",
  creditor: { name: "Acme Fournitures", contactEmail: "recouvrement@acme.example" },
  debtor: { name: facts.debtorName },
  currency: "EUR",
  invoices: facts.invoices,
  kind: "plan",
  discountBps: 0,
  total: 150_050,
  instalments: [
    { seq: 1, dueDate: "2026-12-01", amount: 50_000 },
    { seq: 2, dueDate: "2027-01-01", amount: 50_000 },
    { seq: 3, dueDate: "2027-02-01", amount: 50_050 },
  ],
  policy: { versionId: "5f0c2a7e-1111-4c4c-9e9e-000000000001", packId: "fr-business", hash: "ab12cd34ef56" },
  disclosures: receiptDisclosures(pack("policies/fr-business.yaml"), facts, "plan"),
};

describe("receipt PDF", () => {
  it("restates parties, invoices, schedule, total, acceptance, policy version and the offer notices (FR)", async () => {
    const pdf = await buildReceiptPdf(plan);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const expected of [
      "Reçu d'engagement de paiement",
      "INV-2026-042",
      plan.promiseId,
      "Acme Fournitures",
      "recouvrement@acme.example",
      "Dupont Transport SARL",
      "F-1001",
      "F-1002",
      "1 200,00 €",
      "300,50 €",
      "Échéancier",
      "1 décembre 2026",
      "1 janvier 2027",
      "1 février 2027",
      "500,00 €",
      "500,50 €",
      "1 500,50 €",
      "22 novembre 2026 à 11:15 (Europe/Paris)",
      "fr-business",
      plan.policy.versionId,
      plan.policy.hash,
      "Cette proposition amiable est transmise au créancier",
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Session notices belong to the chat, not to the agreement.
    expect(text).not.toContain("intelligence artificielle");
  });

  it("writes English with English formats and names a settlement's discount", async () => {
    const en: ReceiptData = {
      ...plan,
      locale: "en",
      kind: "settlement",
      discountBps: 1000,
      total: 135_045,
      instalments: [{ seq: 1, dueDate: "2026-12-05", amount: 135_045 }],
      disclosures: receiptDisclosures(
        pack("policies/fr-business.yaml"),
        { ...facts, locale: "en" },
        "settlement",
      ),
    };
    const text = await pdfText(await buildReceiptPdf(en));
    for (const expected of [
      "Payment commitment receipt",
      "Settlement (discount 10%)",
      "5 December 2026",
      "€1,350.45",
      "Case reference: INV-2026-042",
    ]) {
      expect(text, expected).toContain(expected);
    }
  });
});

describe("receipt calendar", () => {
  it("has one all-day event per instalment, on its due date, with a stable UID and the amount", () => {
    const ics = buildReceiptIcs(plan);
    const events = parseCalendar(ics);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.start)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01"]);
    expect(events.map((e) => e.end)).toEqual(["2026-12-02", "2027-01-02", "2027-02-02"]);
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(events.map((e) => e.uid)).toEqual([1, 2, 3].map((seq) => instalmentUid(plan.promiseId, seq)));
    expect(events[0]?.summary).toBe("Échéance 1/3 : 500,00 € — Acme Fournitures");
    const amounts = events.map((e) => parseAmount(e.summary.split(" : ")[1]?.split(" — ")[0] ?? ""));
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(plan.total);
    expect(events[0]?.description).toContain("INV-2026-042");
    // Same promise, same UIDs: importing the file again updates the events.
    expect(parseCalendar(buildReceiptIcs(plan)).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });
});
