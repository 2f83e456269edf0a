// Creditor payment settings through the API: sent with a case (new or existing creditor), read by
// collectors, changed by admins, IBANs checked; the case's payment reference and instructions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentInstructionsForCase } from "../../app/payments/instructions.js";
import { isValidPaymentReference } from "../../domain/payments/payment-reference.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

const PAYMENT = {
  accountHolder: "ACME FOURNITURES SAS",
  iban: "fr76 3000 6000 0112 3456 7890 189",
  bic: "agrifrpp",
  url: "https://pay.acme.example/invoices",
};

describe.each(TEST_TARGETS)("creditor settings on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: unknown) => t.api("POST", "/api/cases", { token: t.tokens.collector, body });
  const creditorOf = async (caseId: string) =>
    (await t.db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { creditorId: true } }))
      .creditorId;

  it("stores payment settings sent with a case, and updates an existing creditor with the next case", async () => {
    const first = await create(sampleCase({ creditor: { name: "Pay Co" } }));
    expect(first.status).toBe(201);
    const id = await creditorOf(first.body.id);
    const before = await t.api("GET", `/api/creditors/${id}`, { token: t.tokens.collector });
    expect(before.body.payment.iban).toBeNull();

    const second = await create(
      sampleCase({
        creditor: {
          name: "Pay Co",
          contactEmail: "compta@pay.example",
          contactPhone: "+33 1 23 45 67 89",
          payment: PAYMENT,
        },
      }),
    );
    expect(second.status).toBe(201);
    expect(await creditorOf(second.body.id)).toBe(id);
    const after = await t.api("GET", `/api/creditors/${id}`, { token: t.tokens.collector });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      name: "Pay Co",
      contactEmail: "compta@pay.example",
      contactPhone: "+33 1 23 45 67 89",
      payment: {
        accountHolder: "ACME FOURNITURES SAS",
        iban: "FR7630006000011234567890189",
        ibanText: "FR76 3000 6000 0112 3456 7890 189",
        bic: "AGRIFRPP",
        url: "https://pay.acme.example/invoices",
      },
    });
  });

  it("refuses an IBAN whose check digits are wrong, naming the field, and creates nothing", async () => {
    const before = await t.db.prisma.case.count();
    const res = await create(
      sampleCase({ creditor: { name: "Typo Co", payment: { iban: "FR7630006000011234567890188" } } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      path: "creditor.payment.iban",
      message: "must be a valid IBAN (country format and check digits)",
    });
    expect(await t.db.prisma.case.count()).toBe(before);
  });

  it("lets admins change settings (null clears a field) and collectors only read them", async () => {
    const c = await create(sampleCase({ creditor: { name: "Patch Co", payment: PAYMENT } }));
    const id = await creditorOf(c.body.id);
    const denied = await t.api("PATCH", `/api/creditors/${id}`, {
      token: t.tokens.collector,
      body: { displayName: "Patch" },
    });
    expect(denied.status).toBe(403);
    const bad = await t.api("PATCH", `/api/creditors/${id}`, {
      token: t.tokens.admin,
      body: { payment: { usRoutingNumber: "123456789" }, logoUrl: "http://insecure.example/logo.png" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "logoUrl",
      "payment.usRoutingNumber",
    ]);
    const ok = await t.api("PATCH", `/api/creditors/${id}`, {
      token: t.tokens.admin,
      body: {
        displayName: "Patch & Co",
        logoUrl: "https://patch.example/logo.png",
        payment: {
          url: null,
          ukSortCode: "12-34-56",
          ukAccountNumber: "12345678",
          usRoutingNumber: "021000021",
        },
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      displayName: "Patch & Co",
      payment: {
        url: null,
        iban: "FR7630006000011234567890189",
        ukSortCode: "123456",
        usRoutingNumber: "021000021",
      },
    });
    // The debtor's page shows the display name and the logo (which its CSP lets through).
    const info = await t.api("GET", `/c/${c.body.token}/info`);
    expect(info.body.creditor).toMatchObject({
      name: "Patch Co",
      displayName: "Patch & Co",
      logoUrl: "https://patch.example/logo.png",
    });
    const page = await fetch(`${t.url}/c/${c.body.token}`);
    expect(page.headers.get("content-security-policy")).toMatch(/img-src[^;]*https:/);
    const audit = await t.db.prisma.auditLog.findFirst({
      where: { action: "creditor.update", entityId: id },
    });
    expect(audit?.data).toEqual({
      fields: ["displayName", "logoUrl", "paymentUrl", "ukAccountNumber", "ukSortCode", "usRoutingNumber"],
    });
    const missing = await t.api("GET", "/api/creditors/00000000-0000-4000-8000-000000000000", {
      token: t.tokens.collector,
    });
    expect(missing.status).toBe(404);
  });

  it("gives every case its own valid payment reference, and words the instructions with it", async () => {
    const c = await create(sampleCase({ creditor: { name: "Ref Co", payment: PAYMENT } }));
    const other = await create(sampleCase({ creditor: { name: "Ref Co" } }));
    const rows = await t.db.prisma.case.findMany({
      where: { id: { in: [c.body.id, other.body.id] } },
      select: { paymentReference: true },
    });
    const refs = rows.map((r) => r.paymentReference ?? "");
    expect(refs.every(isValidPaymentReference)).toBe(true);
    expect(new Set(refs).size).toBe(2);

    const found = await paymentInstructionsForCase(t.service.ctx, c.body.id);
    expect(found?.data.now).toMatchObject({ what: "total" });
    expect(found?.data.sepaQr).toBe(true);
    const text = found?.text ?? "";
    expect(text).toContain("IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP");
    expect(text).toContain(found?.data.referenceText);
    expect(text).toContain("https://pay.acme.example/invoices");
    expect(text).toMatch(/Le montant à payer est de [\d ]+,\d\d €\./);
    const en = await paymentInstructionsForCase(t.service.ctx, c.body.id, "en");
    expect(en?.text).toContain("Please quote the payment reference");
  });
});
