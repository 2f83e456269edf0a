// E-mails say how to pay: a reminder and the written confirmation of a promise carry the creditor's
// bank details and the case's payment reference (text and HTML), from paymentInstructionsForCase,
// and pass the output guard (a refused message would be stored as failed with no text).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCase, promiseOn } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { paymentInstructionsForCase } from "../payments/instructions.js";

const PAYMENT = {
  accountHolder: "ACME FOURNITURES SAS",
  iban: "fr76 3000 6000 0112 3456 7890 189",
  bic: "agrifrpp",
};
const IBAN = "FR76 3000 6000 0112 3456 7890 189";

describe.each(TEST_TARGETS)("payment instructions in outreach e-mails on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target, { env: { OUTREACH_INTERVAL_SECONDS: "0" } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const messages = (caseId: string) =>
    t.db.prisma.outreachMessage.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });

  it("a reminder and a promise's confirmation carry the IBAN and the reference to quote", async () => {
    t.clock.set("2026-03-10T09:30:00Z"); // Tuesday 10:30 in Paris, 3 days after the due date
    const c = await newCase(t, {
      reference: "PAY-MAIL-1",
      creditor: { name: "Acme Fournitures", payment: PAYMENT },
      invoices: [{ number: "F-5001", issuedAt: "2026-02-05", dueAt: "2026-03-07", amount: 120_000 }],
    });
    await t.service.outreach.tick();
    const instructions = await paymentInstructionsForCase(t.service.ctx, c.id);
    const reference = instructions?.data.referenceText as string;
    expect(reference).toBeTruthy();

    const [reminder] = await messages(c.id);
    expect(reminder).toMatchObject({ stepKey: "step:first-reminder", kind: "reminder", error: null });
    expect(reminder?.text).toContain(IBAN);
    expect(reminder?.text).toContain("BIC AGRIFRPP");
    expect(reminder?.text).toContain(reference);
    expect(reminder?.text).toContain("1 200,00 €");
    expect(reminder?.html).toContain(IBAN);
    expect(reminder?.html).toContain(reference);

    const promise = await promiseOn(t, c.id, [
      { dueDate: "2026-03-20", amount: 40_000 },
      { dueDate: "2026-04-20", amount: 80_000 },
    ]);
    await t.service.outreach.confirm(c.id, promise.id, "confirmation");
    const confirmation = (await messages(c.id)).find((m) => m.kind === "confirmation");
    expect(confirmation).toMatchObject({ channel: "email", error: null });
    expect(confirmation?.text).toContain(IBAN);
    expect(confirmation?.text).toContain(reference);
    // What to pay now is the first instalment, with its date.
    expect(confirmation?.text).toMatch(/400,00 €[^\n]*20 mars 2026|20 mars 2026[^\n]*400,00 €/);
    expect(confirmation?.html).toContain(IBAN);
    expect(confirmation?.html).toContain(reference);
  });

  it("without bank details, the e-mail still goes, saying whom to contact", async () => {
    t.clock.set("2026-03-10T09:30:00Z");
    const c = await newCase(t, {
      reference: "PAY-MAIL-2",
      creditor: { name: "Sans Banque SARL", contactEmail: "compta@sans-banque.example" },
      invoices: [{ number: "F-5002", issuedAt: "2026-02-05", dueAt: "2026-03-07", amount: 50_000 }],
    });
    await t.service.outreach.tick();
    const [reminder] = await messages(c.id);
    expect(reminder).toMatchObject({ stepKey: "step:first-reminder", error: null });
    expect(reminder?.text).not.toContain("IBAN");
    // No Stripe here: no pay-now link.
    expect(reminder?.text).not.toMatch(/\/c\/[\w-]{43}\/pay/);
    expect(reminder?.text).toContain("compta@sans-banque.example");
    const instructions = await paymentInstructionsForCase(t.service.ctx, c.id);
    expect(reminder?.text).toContain(instructions?.data.referenceText as string);
  });
});

describe("the pay-now link in e-mails", () => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    // Stripe set up (no call is made here: the link opens a Checkout Session only when followed).
    t = await startConsoleTestService("pglite", {
      env: { OUTREACH_INTERVAL_SECONDS: "0", STRIPE_SECRET_KEY: "sk_test_outreach" },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a reminder e-mail carries the debtor's own pay-now link beside the bank details", async () => {
    t.clock.set("2026-03-10T09:30:00Z");
    const c = await newCase(t, {
      reference: "PAY-MAIL-3",
      creditor: { name: "Carte Bleue SARL", payment: PAYMENT },
      invoices: [{ number: "F-5003", issuedAt: "2026-02-05", dueAt: "2026-03-07", amount: 70_000 }],
    });
    await t.service.outreach.tick();
    const [reminder] = await t.db.prisma.outreachMessage.findMany({ where: { caseId: c.id } });
    expect(reminder).toMatchObject({ stepKey: "step:first-reminder", error: null });
    const link = /(http\S+\/c\/[\w-]{43})(?!\/pay)\b/.exec(reminder?.text ?? "")?.[1];
    expect(link).toBeTruthy();
    expect(reminder?.text).toContain(`Pour payer en ligne par carte ou prélèvement : ${link}/pay`);
    expect(reminder?.html).toContain(`${link}/pay`);
    expect(reminder?.text).toContain(IBAN);
  });
});
