// The e-mail pay-now link, GET /c/:token/pay, over the real service: a 303 to the Checkout Session
// for the amount due now (msw stands in for the Stripe API), and a bilingual page for each refusal.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";
import { debtorLink } from "../cases/case-service.js";
import { payNowUrl } from "./pay-now-link.js";
import { mockStripe } from "./test-support/stripe-mock.js";

const WEBHOOK_SECRET = "whsec_test_paylink";
const stripe = mockStripe();

/** The link as a mail client opens it, without following the redirect to Stripe. */
async function open(url: string) {
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), html: await res.text(), res };
}

describe.each(TEST_TARGETS)("the e-mail pay-now link on %s", (target) => {
  let t: TestService;
  let off: TestService;
  beforeAll(async () => {
    stripe.listen();
    t = await startTestService(target, {
      STRIPE_SECRET_KEY: "sk_test_paylink",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    off = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
    await off?.close();
    stripe.server.close();
  });

  async function newCase(service: TestService) {
    const res = await service.api("POST", "/api/cases", {
      token: service.tokens.collector,
      body: sampleCase({
        jurisdiction: "UK",
        currency: "GBP",
        debtor: { name: "Ayşe Yılmaz", kind: "consumer", locale: "en" },
        creditor: { name: "Paylink Co", payment: { ukSortCode: "123456", ukAccountNumber: "12345678" } },
      }),
    });
    expect(res.status).toBe(201);
    const debtor = await DebtorClient.connect(service.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    return { id: res.body.id as string, token: res.body.token as string, debtor };
  }

  async function planCase(service: TestService) {
    const c = await newCase(service);
    await c.debtor.say("75011");
    await c.debtor.say("Money is tight at the moment, I lost some hours at work");
    const offer = (await c.debtor.say("I could pay £300 a month")).offer;
    expect(offer?.kind).toBe("plan");
    await c.debtor.action("accept_offer", offer?.id);
    await c.debtor.waitFor(() => c.debtor.states.includes("promised"), "promised");
    const promise = await service.db.prisma.promiseToPay.findFirstOrThrow({
      where: { caseId: c.id },
      include: { instalments: { orderBy: { seq: "asc" } } },
    });
    return { ...c, promise };
  }

  it("payNowUrl is the debtor's link plus /pay", () => {
    expect(payNowUrl("https://pay.example/c/abc")).toBe("https://pay.example/c/abc/pay");
    expect(payNowUrl("https://pay.example/c/abc/")).toBe("https://pay.example/c/abc/pay");
  });

  it("answers 303 to a Checkout Session for the promise's next instalment", async () => {
    const { id, token, debtor, promise } = await planCase(t);
    const first = promise.instalments[0];
    if (!first) throw new Error("the plan has no instalment");
    const before = stripe.requests.length;
    const link = payNowUrl(debtorLink(t.service.ctx, token));
    expect(link.startsWith(`${t.service.ctx.publicUrl}/c/${token}/pay`)).toBe(true);
    // The service's public URL may not be where the test reaches it: open the same path locally.
    const res = await open(`${t.url}/c/${token}/pay`);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
    expect(res.res.headers.get("cache-control")).toBe("no-store");
    expect(stripe.requests.length).toBe(before + 1);
    const sent = stripe.requests.at(-1);
    expect(sent?.form.get("metadata[caseId]")).toBe(id);
    expect(sent?.form.get("metadata[instalmentId]")).toBe(first.id);
    expect(sent?.form.get("line_items[0][price_data][unit_amount]")).toBe(String(first.amount));
    expect(sent?.form.toString()).not.toContain(token);

    // Once everything is paid, the link says so instead of charging again.
    const payload = JSON.stringify({
      id: "evt_paylink_all",
      object: "event",
      api_version: "2026-10-28.endive",
      created: 1_795_000_000,
      type: "checkout.session.completed",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          id: "cs_paylink_all",
          object: "checkout.session",
          payment_status: "paid",
          status: "complete",
          amount_total: Number(promise.total),
          currency: "gbp",
          created: 1_795_000_000,
          payment_intent: "pi_paylink_all",
          metadata: { caseId: id },
        },
      },
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const paid = await t.api("POST", "/api/webhooks/stripe", {
      raw: payload,
      headers: { "stripe-signature": header },
    });
    expect(paid.body.outcome).toBe("recorded");
    const calls = stripe.requests.length;
    const done = await open(`${t.url}/c/${token}/pay`);
    expect(done.status).toBe(409);
    expect(done.html).toContain("Rien n'est à payer pour le moment");
    expect(done.html).toContain("Nothing to pay right now");
    expect(stripe.requests.length).toBe(calls);
    debtor.close();
  });

  it("refuses an unknown link, and a link whose holder has not passed the identity check", async () => {
    const calls = stripe.requests.length;
    const unknown = await open(`${t.url}/c/${"A".repeat(43)}/pay`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("Ce lien de paiement n'est pas valable");
    expect(unknown.html).toContain("This payment link is not valid");
    expect(unknown.html).not.toContain("/c/AAAA");

    const { token, debtor } = await newCase(t);
    const early = await open(`${t.url}/c/${token}/pay`);
    expect(early.status).toBe(403);
    expect(early.html).toContain("Please confirm your identity first");
    expect(early.html).toContain(`href="/c/${token}"`);
    // No amount, name or reference of the debt before verification.
    expect(early.html).not.toMatch(/£|Ayşe|Paylink/);
    expect(stripe.requests.length).toBe(calls);
    debtor.close();
  });

  it("without Stripe configured, points to the bank transfer instead", async () => {
    const { token, debtor } = await planCase(off);
    const res = await open(`${off.url}/c/${token}/pay`);
    expect(res.status).toBe(404);
    expect(res.html).toContain("Online payment is not available");
    expect(res.html).toContain("Le paiement en ligne n'est pas disponible");
    debtor.close();
  });

  it("is rate-limited with the POST: a loop gets 429", async () => {
    const path = `/c/${"B".repeat(43)}/pay`;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await open(`${t.url}${path}`)).status);
    expect(statuses).toContain(429);
    // The POST shares the budget.
    expect((await t.api("POST", path)).status).toBe(429);
  });
});
