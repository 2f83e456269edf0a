// POST /api/webhooks/stripe: the signature (Stripe-Signature over the raw body, STRIPE_WEBHOOK_SECRET)
// is checked before anything is read; a bad one is refused and recorded nowhere. A paid Checkout
// Session (card at once, or a direct debit later: async_payment_succeeded) becomes a payment on the
// case named in its metadata, once: the event id is remembered, and the payment intent is the
// payment's externalRef, so two events about one payment record it once. Events for an unknown
// case are logged (ids only, no personal data) and acknowledged, so Stripe stops retrying them.
import type Stripe from "stripe";
import { z } from "zod";
import { AppError } from "../../errors/app-error.js";
import type { ConsoleDeps } from "../console/deps.js";
import { recordExternalPayment } from "./record.js";

const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/** The parts of a Checkout Session the handler uses, checked (the signature proves origin, not shape). */
const sessionSchema = z.object({
  id: z.string().min(1),
  payment_status: z.string(),
  amount_total: z.number().int().nonnegative().nullable(),
  currency: z.string().length(3).nullable(),
  created: z.number().int(),
  payment_intent: z
    .union([z.string(), z.object({ id: z.string() })])
    .nullable()
    .optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WebhookOutcome = { received: true; outcome: string; duplicate?: boolean };

export async function handleStripeWebhook(
  deps: ConsoleDeps,
  rawBody: Buffer | undefined,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const { ctx } = deps;
  const secret = ctx.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_found", "Stripe webhooks are not configured.");
  if (!rawBody || !signature) throw new AppError("validation_failed", "Missing Stripe-Signature or body.");
  // The SDK is loaded on the first webhook, not at boot (decision 0106).
  const { default: StripeSdk } = await import("stripe");
  let event: Stripe.Event;
  try {
    event = StripeSdk.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    ctx.log.warn("stripe webhook: signature check failed");
    throw new AppError("validation_failed", "Invalid Stripe signature.");
  }
  if (await ctx.stores.payments.findStripeEvent(event.id))
    return { received: true, outcome: "duplicate", duplicate: true };
  const result = await process(deps, event);
  const saved = await ctx.stores.payments.saveStripeEvent({
    id: event.id,
    type: event.type,
    caseId: result.caseId,
    outcome: result.outcome,
    paymentId: result.paymentId,
  });
  return saved
    ? { received: true, outcome: result.outcome }
    : { received: true, outcome: "duplicate", duplicate: true };
}

interface Processed {
  readonly outcome: string;
  readonly caseId: string | null;
  readonly paymentId: string | null;
}

async function process(deps: ConsoleDeps, event: Stripe.Event): Promise<Processed> {
  const { ctx } = deps;
  if (!PAID_EVENTS.has(event.type)) return { outcome: "ignored_type", caseId: null, paymentId: null };
  const parsed = sessionSchema.safeParse(event.data.object);
  if (!parsed.success) {
    ctx.log.warn({ eventId: event.id, type: event.type }, "stripe webhook: unexpected session shape");
    return { outcome: "malformed", caseId: null, paymentId: null };
  }
  const session = parsed.data;
  if (session.payment_status !== "paid") return { outcome: "not_paid_yet", caseId: null, paymentId: null };
  const caseId = session.metadata?.caseId;
  const instalmentId = session.metadata?.instalmentId;
  if (!caseId || !UUID.test(caseId) || session.amount_total === null || !session.currency) {
    ctx.log.warn(
      { eventId: event.id, sessionId: session.id },
      "stripe webhook: session names no case; ignored",
    );
    return { outcome: "unknown_case", caseId: null, paymentId: null };
  }
  const intent =
    typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  const result = await recordExternalPayment(deps, {
    caseId,
    instalmentId: instalmentId && UUID.test(instalmentId) ? instalmentId : undefined,
    amount: BigInt(session.amount_total),
    currency: session.currency.toUpperCase(),
    paidAt: new Date(event.created * 1000),
    externalRef: `stripe:${intent ?? session.id}`,
    source: "stripe",
    recordedById: "stripe",
  });
  switch (result.status) {
    case "recorded":
      return {
        outcome: result.created ? "recorded" : "already_recorded",
        caseId,
        paymentId: result.payment.id,
      };
    case "no_case":
      ctx.log.warn({ eventId: event.id, caseId }, "stripe webhook: unknown case; ignored");
      return { outcome: "unknown_case", caseId: null, paymentId: null };
    default:
      // A currency mismatch, an instalment of another case, a reused reference: a person looks.
      ctx.log.error(
        { eventId: event.id, caseId, status: result.status },
        "stripe webhook: payment not recorded",
      );
      return { outcome: result.status, caseId, paymentId: null };
  }
}
