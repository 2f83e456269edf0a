// Pay now through Stripe Checkout (official SDK), when STRIPE_SECRET_KEY is set: a session for the
// amount due now (the whole balance, or the next instalment of a promise, which is the settlement's
// single payment for a settlement), with metadata.caseId (and metadata.instalmentId) so that the
// webhook can record it. The debtor's link token never goes to Stripe: the pages Stripe returns to
// are token-free, and the chat tab that opened Checkout hears about the payment from the webhook.
import type Stripe from "stripe";
import type { AppContext } from "../context.js";
import { loadPaymentInstructions } from "./instructions.js";

const clients = new Map<string, Stripe>();

/**
 * One SDK client per key; fetch-based, so msw can stand in for the API in tests. The SDK (about
 * 200 modules) is imported on the first payment, not at boot (decision 0106).
 */
export async function stripeClient(ctx: AppContext): Promise<Stripe | null> {
  const key = ctx.env.STRIPE_SECRET_KEY;
  if (!key) return null;
  let client = clients.get(key);
  if (!client) {
    const { default: Stripe } = await import("stripe");
    client = new Stripe(key, {
      httpClient: Stripe.createFetchHttpClient(),
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: "amiable" },
    });
    clients.set(key, client);
  }
  return client;
}

export type CheckoutResult =
  | { status: "created"; url: string; sessionId: string; amount: number; currency: string }
  | { status: "not_configured" }
  | { status: "nothing_due" }
  | { status: "no_case" };

export async function createCheckout(ctx: AppContext, caseId: string): Promise<CheckoutResult> {
  const stripe = await stripeClient(ctx);
  if (!stripe) return { status: "not_configured" };
  const instr = await loadPaymentInstructions(ctx, caseId);
  if (!instr) return { status: "no_case" };
  const now = instr.now;
  if (now.what === "nothing" || now.amount <= 0) return { status: "nothing_due" };
  const instalmentId = now.what === "instalment" ? await instalmentIdOf(ctx, instr.promiseId, now.seq) : null;
  const metadata: Record<string, string> = {
    caseId,
    paymentReference: instr.reference,
    ...(instalmentId ? { instalmentId } : {}),
  };
  const label =
    now.what === "instalment"
      ? instr.locale === "fr"
        ? `Échéance ${now.seq}/${now.count}`
        : `Payment ${now.seq}/${now.count}`
      : instr.locale === "fr"
        ? "Règlement"
        : "Payment";
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: caseId,
      locale: instr.locale,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: instr.currency.toLowerCase(),
            unit_amount: now.amount,
            product_data: { name: `${instr.payee} — ${label} — ${instr.referenceText}` },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata, description: `${instr.payee} ${instr.reference}` },
      success_url: `${ctx.publicUrl}/pay/done?status=paid`,
      cancel_url: `${ctx.publicUrl}/pay/done?status=cancelled`,
    },
    {
      // A double click or a retry within a day gets the same session, not a second one.
      idempotencyKey: `checkout:${caseId}:${instalmentId ?? "balance"}:${now.amount}`,
    },
  );
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  return {
    status: "created",
    url: session.url,
    sessionId: session.id,
    amount: now.amount,
    currency: instr.currency,
  };
}

async function instalmentIdOf(
  ctx: AppContext,
  promiseId: string | null,
  seq: number,
): Promise<string | null> {
  if (!promiseId) return null;
  const row = await ctx.stores.payments.instalmentOf(promiseId, seq);
  return row?.id ?? null;
}
