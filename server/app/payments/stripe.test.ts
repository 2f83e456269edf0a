// Pay now through Stripe, end to end over the real service: Checkout Sessions (msw stands in for
// the API) for the amount due now, and webhooks signed with the SDK's own test helper.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";
import { mockStripe } from "./test-support/stripe-mock.js";

const WEBHOOK_SECRET = "whsec_test_amiable";
const stripe = mockStripe();

function checkoutEvent(
  id: string,
  session: { caseId: string; instalmentId?: string; amount: number; currency: string; intent: string },
) {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: 1_795_000_000,
    type: "checkout.session.completed",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: `cs_${id}`,
        object: "checkout.session",
        payment_status: "paid",
        status: "complete",
        amount_total: session.amount,
        currency: session.currency,
        created: 1_795_000_000,
        payment_intent: session.intent,
        metadata: {
          caseId: session.caseId,
          ...(session.instalmentId ? { instalmentId: session.instalmentId } : {}),
        },
      },
    },
  };
}

describe.each(TEST_TARGETS)("Stripe pay-now on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    stripe.listen();
    t = await startTestService(target, {
      STRIPE_SECRET_KEY: "sk_test_amiable",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  });
  afterAll(async () => {
    await t?.close();
    stripe.server.close();
  });

  const post = (event: unknown, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    return t.api("POST", "/api/webhooks/stripe", { raw: payload, headers: { "stripe-signature": header } });
  };

  async function planCase() {
    const res = await t.api("POST", "/api/cases", {
      token: t.tokens.collector,
      body: sampleCase({
        jurisdiction: "UK",
        currency: "GBP",
        debtor: { name: "Łukasz Wiśniewski", kind: "consumer", locale: "en" },
        creditor: { name: "Stripe Co", payment: { ukSortCode: "123456", ukAccountNumber: "12345678" } },
      }),
    });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const early = await t.api("POST", `/c/${res.body.token}/pay`);
    expect(early.status).toBe(409);
    await debtor.say("75011");
    await debtor.say("Money is tight at the moment, I lost some hours at work");
    const offer = (await debtor.say("I could pay £300 a month")).offer;
    expect(offer?.kind).toBe("plan");
    await debtor.action("accept_offer", offer?.id);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    const promise = await t.db.prisma.promiseToPay.findFirstOrThrow({
      where: { caseId: res.body.id },
      include: { instalments: { orderBy: { seq: "asc" } } },
    });
    return { id: res.body.id as string, token: res.body.token as string, debtor, promise };
  }

  it("opens a Checkout Session for the next instalment, with the case and instalment in its metadata", async () => {
    const { id, token, debtor, promise } = await planCase();
    const first = promise.instalments[0];
    if (!first) throw new Error("the plan has no instalment");
    const res = await t.api("POST", `/c/${token}/pay`);
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
    const sent = stripe.requests.at(-1);
    if (!sent) throw new Error("no request reached the Stripe mock");
    expect(sent.authorization).toBe("Bearer sk_test_amiable");
    expect(sent.form.get("mode")).toBe("payment");
    expect(sent.form.get("metadata[caseId]")).toBe(id);
    expect(sent.form.get("metadata[instalmentId]")).toBe(first.id);
    expect(sent.form.get("payment_intent_data[metadata][caseId]")).toBe(id);
    expect(sent.form.get("line_items[0][price_data][unit_amount]")).toBe(String(first.amount));
    expect(sent.form.get("line_items[0][price_data][currency]")).toBe("gbp");
    expect(sent.idempotencyKey).toBe(`checkout:${id}:${first.id}:${first.amount}`);
    // The debtor's link token is a secret: it goes nowhere near Stripe.
    expect(sent.form.toString()).not.toContain(token);
    debtor.close();
  });

  it("records a paid instalment once, tells the debtor, ignores replays, bad signatures and unknown cases", async () => {
    const { id, debtor, promise } = await planCase();
    const [first, ...rest] = promise.instalments;
    if (!first) throw new Error("the plan has no instalment");
    const event = checkoutEvent("evt_paid_1", {
      caseId: id,
      instalmentId: first.id,
      amount: Number(first.amount),
      currency: "gbp",
      intent: "pi_1",
    });
    const ok = await post(event);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ received: true, outcome: "recorded" });
    const paid = await t.db.prisma.instalment.findUniqueOrThrow({ where: { id: first.id } });
    expect(paid.status).toBe("paid");
    expect(paid.paidAmount).toBe(first.amount);
    const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(
      Number(first.amount) / 100,
    );
    await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && m.text.includes(`payment of ${pounds}`)),
      "payment notice",
    );

    const count = () => t.db.prisma.payment.count({ where: { caseId: id } });
    const messages = () => t.db.prisma.message.count({ where: { conversation: { caseId: id } } });
    const [payments, said] = [await count(), await messages()];
    const replay = await post(event);
    expect(replay.status).toBe(200);
    expect(replay.body.duplicate).toBe(true);
    expect(await count()).toBe(payments);
    expect(await messages()).toBe(said);

    const events = await t.db.prisma.stripeEvent.count();
    const forged = await post(
      checkoutEvent("evt_forged", {
        ...event.data.object.metadata,
        caseId: id,
        amount: 99_999,
        currency: "gbp",
        intent: "pi_x",
      }),
      "whsec_wrong",
    );
    expect(forged.status).toBe(400);
    expect(await t.db.prisma.stripeEvent.count()).toBe(events);
    expect(await count()).toBe(payments);
    const unsigned = await t.api("POST", "/api/webhooks/stripe", { raw: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);

    const stranger = await post(
      checkoutEvent("evt_stranger", {
        caseId: "00000000-0000-4000-8000-000000000000",
        amount: 1000,
        currency: "gbp",
        intent: "pi_2",
      }),
    );
    expect(stranger.status).toBe(200);
    expect(stranger.body.outcome).toBe("unknown_case");
    expect(await t.db.prisma.payment.count({ where: { externalRef: "stripe:pi_2" } })).toBe(0);

    // The rest in one payment: the promise is kept and the case closes by itself.
    const remaining = rest.reduce((s, i) => s + Number(i.amount), 0);
    const last = await post(
      checkoutEvent("evt_paid_2", { caseId: id, amount: remaining, currency: "gbp", intent: "pi_3" }),
    );
    expect(last.body.outcome).toBe("recorded");
    const kept = await t.db.prisma.promiseToPay.findUniqueOrThrow({ where: { id: promise.id } });
    expect(kept.status).toBe("kept");
    expect((await t.db.prisma.case.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
    await debtor.waitFor(
      () => debtor.messages.find((m) => m.role === "system" && m.text.includes("fully paid")),
      "kept notice",
    );
    const rows = await t.db.prisma.payment.findMany({ where: { caseId: id } });
    expect(rows.every((p) => p.source === "stripe")).toBe(true);
    debtor.close();
  });
});
