// "How do I pay?" in the chat, French and English, over the real socket and database: before
// verification nothing of the debt (and no verification attempt spent), after it the balance,
// the bank route and the reference, after a promise the next instalment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

const EUR_PAYMENT = {
  accountHolder: "ACME FOURNITURES SAS",
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
};

describe.each(TEST_TARGETS)("asking how to pay on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target, { STRIPE_SECRET_KEY: "sk_test_dummy" });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function open(overrides: Record<string, unknown>) {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
    expect(res.status).toBe(201);
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const row = await t.db.prisma.case.findUniqueOrThrow({ where: { id: res.body.id } });
    const ref = (row.paymentReference ?? "").replace(/(.{4})(?=.)/g, "$1 ");
    return { id: res.body.id as string, debtor, ref };
  }

  it("in French: nothing before verification, then the balance, IBAN and reference, then the instalment due", async () => {
    const { id, debtor, ref } = await open({ creditor: { name: "Acme Pay FR", payment: EUR_PAYMENT } });
    const before = await debtor.say("vous avez un RIB ?");
    expect(before.text).toContain("vérifier que je m'adresse à la bonne personne");
    expect(before.text).toContain("Code postal ?");
    expect(before.text).not.toMatch(/FR76|RF\d\d|€|F-1001/);
    const conv = await t.db.prisma.conversation.findUniqueOrThrow({ where: { caseId: id } });
    expect(conv.verifyAttempts).toBe(0);

    await debtor.say("75011");
    const now = await debtor.say("comment je paye ?");
    expect(now.text).toMatch(/Le montant à payer est de [\d ]+,\d\d €\./);
    expect(now.text).toContain("IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP");
    expect(now.text).toContain(ref);
    // No promise yet, so no confirmation card and no "Pay now" button to point to.
    expect(now.text).not.toContain("Payer maintenant");

    const offer = (await debtor.say("J'ai oublié, désolé. Je peux tout payer.")).offer;
    expect(offer?.kind).toBe("full");
    await debtor.action("accept_offer", offer?.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    // The confirmation itself says how to pay and with what reference.
    const confirmation = await debtor.waitFor(
      () => debtor.assistant().find((m) => /engagement est enregistré/.test(m.text)),
      "confirmation",
    );
    expect(confirmation.text).toContain("IBAN FR76 3000 6000 0112 3456 7890 189");
    expect(confirmation.text).toContain(ref);
    expect(confirmation.text).toContain("« Payer maintenant »");
    const after = await debtor.say("vous avez un RIB ?");
    const amount = (offer?.total ?? 0) / 100;
    const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" })
      .format(amount)
      .replace(/[\u202f\u00a0]/g, " ");
    expect(after.text).toContain(`Votre prochain paiement est de ${euros}`);
    expect(after.text).toContain("(échéance 1 sur 1)");
    expect(after.text).toContain("« Payer maintenant »");
    expect(after.text).toContain(ref);
    const events = await t.api("GET", `/api/cases/${id}/transcript`, { token: t.tokens.collector });
    const kinds = events.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).not.toContain("guard.replaced");
    expect(kinds).not.toContain("guard.template_violation");
    debtor.close();
  });

  it("in English: the next instalment of a plan with the sort code and reference", async () => {
    const { debtor, ref } = await open({
      jurisdiction: "UK",
      currency: "GBP",
      debtor: { name: "Sam Taylor", kind: "consumer", locale: "en" },
      creditor: {
        name: "Acme Pay UK",
        contactEmail: "accounts@acme.example",
        payment: { accountHolder: "ACME UK LTD", ukSortCode: "12-34-56", ukAccountNumber: "12345678" },
      },
    });
    const before = await debtor.say("where do I pay?");
    expect(before.text).toContain("first I need to confirm");
    expect(before.text).not.toMatch(/12-34-56|RF\d\d|£/);
    await debtor.say("75011");
    await debtor.say("Money is tight at the moment, I lost some hours at work");
    const offer = (await debtor.say("I could pay £300 a month")).offer;
    expect(offer?.kind).toBe("plan");
    await debtor.action("accept_offer", offer?.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    // The confirmation asks for the plan's first instalment, not the whole balance.
    const confirmation = await debtor.waitFor(
      () => debtor.assistant().find((m) => /your commitment is recorded/.test(m.text)),
      "confirmation",
    );
    expect(confirmation.text).toContain(`(payment 1 of ${offer?.instalments.length})`);
    expect(confirmation.text).not.toContain("The amount to pay is");
    const reply = await debtor.say("how do I actually pay you? card?");
    const first = offer?.instalments[0];
    const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(
      (first?.amount ?? 0) / 100,
    );
    expect(reply.text).toContain(`Your next payment is ${pounds}`);
    expect(reply.text).toContain(`(payment 1 of ${offer?.instalments.length})`);
    expect(reply.text).toContain("sort code 12-34-56, account number 12345678");
    expect(reply.text).toContain(ref);
    expect(reply.text).toContain('"Pay now" button');
    expect(reply.text).toContain("accounts@acme.example");
    // The sort code reads like a date to the guard's figure check: it is quoted verbatim, not blocked.
    const replaced = await t.db.prisma.conversationEvent.count({ where: { kind: "guard.replaced" } });
    expect(replaced).toBe(0);
    debtor.close();
  });
});
