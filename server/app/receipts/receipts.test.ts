// The receipt and the calendar of a promise, read back with independent readers (PDF.js through
// unpdf, ical.js plus the RFC 5545 rules it lets pass).
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { epcPayload } from "../../domain/payments/epc-qr.js";
import { buildInstructions } from "../../domain/payments/instructions.js";
import { loadPackFile } from "../../policy/index.js";
import { type ReceiptData, receiptDisclosures } from "./receipt-data.js";
import { buildReceiptIcs, cadenceOf, instalmentUid } from "./receipt-ics.js";
import { buildReceiptPdf } from "./receipt-pdf.js";
import { parseAmount, parseCalendar, pdfText, rfc5545Problems } from "./test-support/read-documents.js";

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

const instructions = buildInstructions({
  payee: {
    name: "Acme Fournitures",
    accountHolder: "ACME FOURNITURES SAS",
    iban: "FR7630006000011234567890189",
    bic: "AGRIFRPP",
  },
  currency: "EUR",
  now: { what: "instalment", amount: 50_000, dueDate: "2026-12-01", seq: 1, count: 3 },
  reference: "RF18539007547034",
  payNowAvailable: false,
});
const HOW =
  "Votre prochain paiement est de 500,00 €, à régler le 1er décembre 2026 (échéance 1 sur 3). Vous pouvez payer par virement à ACME FOURNITURES SAS, IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP. Indiquez la référence de paiement RF18 5390 0754 7034 pour que votre paiement soit rattaché à votre dossier.";

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
  status: "active",
  payment: { referenceText: instructions.referenceText, text: HOW, epc: epcPayload(instructions) },
};

async function pageTexts(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map((t) => t.replace(/[\s\u00a0\u202f]+/g, " "));
}

describe("receipt PDF", () => {
  it("restates parties, invoices, schedule, total, acceptance, how to pay and the offer notices (FR)", async () => {
    const pdf = await buildReceiptPdf(plan);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const expected of [
      "Reçu d'engagement de paiement",
      "INV-2026-042",
      "Référence de paiement : RF18 5390 0754 7034",
      "Acme Fournitures",
      "recouvrement@acme.example",
      "Dupont Transport SARL",
      "F-1001",
      "F-1002",
      "1 200,00 €",
      "300,50 €",
      "Échéancier",
      "1er décembre 2026",
      "1er janvier 2027",
      "1er février 2027",
      "500,00 €",
      "500,50 €",
      "1 500,50 €",
      "22 novembre 2026 à 11:15 (Europe/Paris)",
      "Comment payer",
      HOW,
      "Scannez ce code avec l'application de votre banque",
      "Cette proposition amiable est transmise au créancier",
      "Reçu d'engagement de paiement — INV-2026-042",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Page 1 sur \d/);
    // Nothing internal for the debtor: no promise id, policy version id or hash.
    for (const internal of [plan.promiseId, plan.policy.versionId, plan.policy.hash])
      expect(text).not.toContain(internal);
    // Session notices belong to the chat, not to the agreement.
    expect(text).not.toContain("intelligence artificielle");
  });

  it("prints Polish and Turkish names as written (an embedded font that covers them)", async () => {
    const text = await pdfText(
      await buildReceiptPdf({
        ...plan,
        debtor: { name: "Łukasz Wiśniewski" },
        creditor: { name: "Şükrü Öztürk Ticaret A.Ş." },
      }),
    );
    expect(text).toContain("Łukasz Wiśniewski");
    expect(text).toContain("Şükrü Öztürk Ticaret A.Ş.");
  });

  it("puts the header and the page number on every page of a long receipt", async () => {
    const invoices = Array.from({ length: 70 }, (_, i) => ({
      number: `F-${2000 + i}`,
      issuedAt: "2026-07-01",
      dueAt: "2026-07-31",
      amount: 1_000,
    }));
    const pages = await pageTexts(await buildReceiptPdf({ ...plan, locale: "en", invoices }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain("Payment commitment receipt — INV-2026-042");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it("says a cancelled promise is cancelled, on every page, and gives no payment instructions", async () => {
    const text = await pdfText(await buildReceiptPdf({ ...plan, status: "cancelled", payment: null }));
    expect(text).toContain("ANNULÉ");
    expect(text).toContain("Cet engagement a été annulé");
    expect(text).not.toContain("Comment payer");
    expect(text).not.toContain("Le débiteur s'est engagé");
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
      payment: null,
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
  it("is valid RFC 5545: one monthly repeating event for the equal payments, one for the odd last", () => {
    const ics = buildReceiptIcs(plan, new Date("2026-11-22T10:15:00Z"));
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(ics).toContain("\r\nTRIGGER:-P1D\r\n");
    expect(ics).toContain("\r\nRRULE:FREQ=MONTHLY;COUNT=2\r\n");
    const events = parseCalendar(ics);
    expect(events).toHaveLength(2);
    expect(events.flatMap((e) => e.occurrences)).toEqual(["2026-12-01", "2027-01-01", "2027-02-01"]);
    expect(events.every((e) => e.allDay && e.status === "CONFIRMED" && e.sequence === 0)).toBe(true);
    expect(events.map((e) => e.uid)).toEqual([
      instalmentUid(plan.promiseId, 1),
      instalmentUid(plan.promiseId, 3),
    ]);
    expect(events[0]?.summary).toBe("Échéance mensuelle : 500,00 € — Acme Fournitures");
    expect(events[1]?.summary).toBe("Échéance 3/3 : 500,50 € — Acme Fournitures");
    const amounts = events.flatMap((e) => {
      const amount = parseAmount(e.summary.split(" : ")[1]?.split(" — ")[0] ?? "");
      return e.occurrences.map(() => amount);
    });
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(plan.total);
    // It carries how to pay, reference included.
    expect(events[0]?.description).toContain("INV-2026-042");
    expect(events[0]?.description).toContain("IBAN FR76 3000 6000 0112 3456 7890 189");
    expect(events[0]?.description).toContain("RF18 5390 0754 7034");
    expect(parseCalendar(buildReceiptIcs(plan)).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it("keeps one event per payment when the dates follow no cadence", () => {
    const irregular = {
      ...plan,
      instalments: [
        { seq: 1, dueDate: "2026-12-01", amount: 50_000 },
        { seq: 2, dueDate: "2026-12-20", amount: 50_000 },
        { seq: 3, dueDate: "2027-02-01", amount: 50_050 },
      ],
    };
    const ics = buildReceiptIcs(irregular);
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(ics).not.toContain("RRULE");
    expect(parseCalendar(ics).map((e) => e.start)).toEqual(["2026-12-01", "2026-12-20", "2027-02-01"]);
    expect(cadenceOf(["2026-12-01", "2026-12-15", "2026-12-29"])).toBe("biweekly");
    expect(cadenceOf(["2026-01-31", "2026-02-28"])).toBeNull();
  });

  it("cancels a cancelled plan's events: METHOD:CANCEL, STATUS:CANCELLED, same UIDs, higher SEQUENCE", () => {
    const before = parseCalendar(buildReceiptIcs(plan));
    const ics = buildReceiptIcs({ ...plan, status: "cancelled", payment: null });
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(ics).toContain("\r\nMETHOD:CANCEL\r\n");
    const after = parseCalendar(ics);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    for (const [i, e] of after.entries()) {
      expect(e.status).toBe("CANCELLED");
      expect(e.sequence).toBeGreaterThan(before[i]?.sequence ?? 0);
    }
    expect(ics).toContain('ORGANIZER;CN="Acme Fournitures":mailto:recouvrement@acme.example');
  });

  it("folds long lines and escapes text so that names and instructions survive", () => {
    const ics = buildReceiptIcs({ ...plan, creditor: { name: "Şükrü Öztürk; Ticaret, A.Ş." } });
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(parseCalendar(ics)[0]?.summary).toBe(
      "Échéance mensuelle : 500,00 € — Şükrü Öztürk; Ticaret, A.Ş.",
    );
  });
});
