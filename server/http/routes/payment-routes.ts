// Payment routes. For the debtor (the link token is the credential, the identity check must be
// passed): the instructions with the SEPA QR code, and "Pay now" (a Stripe Checkout Session for the
// amount due now). For Stripe: the signed webhook, which reads its raw body (mounted before the
// JSON parser). And the token-free page Stripe returns to.
import express, { Router } from "express";
import type { ConsoleDeps } from "../../app/console/deps.js";
import { loadPaymentInstructions, renderPaymentInstructions } from "../../app/payments/instructions.js";
import { sepaQrSvg } from "../../app/payments/sepa-qr.js";
import { createCheckout } from "../../app/payments/stripe.js";
import { handleStripeWebhook } from "../../app/payments/stripe-webhook.js";
import { hashToken, looksLikeToken } from "../../auth/tokens.js";
import { AppError } from "../../errors/app-error.js";
import { payNowLimiter } from "../middleware/rate-limits.js";
import { escapeHtml, LINK_PAGE_CSS_PATH } from "./debtor-link-page.js";
import { PAY_LINK_STATUS, type PayLinkProblem, payLinkProblemPage } from "./pay-link-page.js";

export function stripeWebhookRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  router.post("/api/webhooks/stripe", express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
    const signature = req.headers["stripe-signature"];
    const body = Buffer.isBuffer(req.body) ? req.body : undefined;
    res.json(await handleStripeWebhook(deps, body, typeof signature === "string" ? signature : undefined));
  });
  return router;
}

const DONE = {
  paid: {
    fr: [
      "Merci, votre paiement est en cours de traitement",
      "Vous pouvez fermer cet onglet : la confirmation apparaîtra dans votre conversation.",
    ],
    en: [
      "Thank you, your payment is being processed",
      "You can close this tab: the confirmation will appear in your conversation.",
    ],
  },
  cancelled: {
    fr: [
      "Paiement annulé",
      "Rien n'a été prélevé. Vous pouvez fermer cet onglet et revenir à votre conversation.",
    ],
    en: [
      "Payment cancelled",
      "Nothing was charged. You can close this tab and go back to your conversation.",
    ],
  },
} as const;

/** The `:token` parameter (typed loosely once a middleware sits before the handler). */
const tokenOf = (params: Record<string, unknown>): string =>
  typeof params.token === "string" ? params.token : "";

export function debtorPaymentRoutes(deps: ConsoleDeps): Router {
  const { ctx } = deps;
  const router = Router();

  /** The case of a live link whose holder has passed the identity check. */
  async function verifiedCase(token: string): Promise<string> {
    if (!looksLikeToken(token)) throw new AppError("link_invalid", "This link is not valid or has expired.");
    const link = await ctx.stores.debtorPages.link(hashToken(token));
    if (!link || link.revokedAt || link.expiresAt <= ctx.clock.now())
      throw new AppError("link_invalid", "This link is not valid or has expired.");
    if (link.case.conversation?.lockedAt)
      throw new AppError("link_locked", "This link is locked. A member of our team will contact you.");
    if (!link.case.conversation?.verifiedAt)
      throw new AppError("not_allowed_now", "Answer the verification question in the conversation first.");
    return link.caseId;
  }

  router.get("/c/:token/payment", async (req, res) => {
    const caseId = await verifiedCase(req.params.token);
    const instr = await loadPaymentInstructions(ctx, caseId);
    if (!instr) throw new AppError("link_invalid", "This link is not valid or has expired.");
    const { locale, promiseId: _promise, outstanding: _outstanding, ...data } = instr;
    const svg = await sepaQrSvg(data);
    res.set("cache-control", "no-store").json({
      ...data,
      text: renderPaymentInstructions(data, locale, { payNowHint: true }),
      sepaQrSvg: svg ? `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` : null,
    });
  });

  const limited = payNowLimiter();

  router.post("/c/:token/pay", limited, async (req, res) => {
    const caseId = await verifiedCase(tokenOf(req.params));
    const result = await createCheckout(ctx, caseId);
    switch (result.status) {
      case "created":
        res
          .status(201)
          .set("cache-control", "no-store")
          .json({ url: result.url, amount: result.amount, currency: result.currency });
        return;
      case "not_configured":
        throw new AppError("not_found", "Online payment is not available: use the bank transfer details.");
      case "nothing_due":
        throw new AppError("conflict", "Nothing is due on this file now.");
      case "no_case":
        throw new AppError("link_invalid", "This link is not valid or has expired.");
    }
  });

  // The pay-now link of the e-mails: straight to Stripe Checkout (303), or a bilingual page saying why
  // not. A mail scanner that follows the link only creates the session the debtor would get anyway
  // (createCheckout's idempotency key), and pays nothing.
  router.get("/c/:token/pay", limited, async (req, res) => {
    const token = tokenOf(req.params);
    const refuse = (problem: PayLinkProblem) =>
      res
        .status(PAY_LINK_STATUS[problem])
        .set("cache-control", "no-store")
        .type("html")
        .send(payLinkProblemPage(problem, problem === "invalid" ? undefined : `/c/${token}`));
    let caseId: string;
    try {
      caseId = await verifiedCase(token);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(
        error.code === "link_locked"
          ? "locked"
          : error.code === "not_allowed_now"
            ? "not_verified"
            : "invalid",
      );
      return;
    }
    const result = await createCheckout(ctx, caseId);
    if (result.status === "created") {
      res.set("cache-control", "no-store").redirect(303, result.url);
      return;
    }
    refuse(result.status === "no_case" ? "invalid" : result.status);
  });

  router.get("/pay/done", (req, res) => {
    const kind = req.query.status === "cancelled" ? "cancelled" : "paid";
    const t = DONE[kind];
    res
      .set("cache-control", "no-store")
      .type("html")
      .send(`<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escapeHtml(t.fr[0])} / ${escapeHtml(t.en[0])}</title>
    <link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">
  </head>
  <body>
    <main class="card" data-status="${kind}">
      <section lang="fr"><h1>${escapeHtml(t.fr[0])}</h1><p>${escapeHtml(t.fr[1])}</p></section>
      <hr>
      <section lang="en"><h2>${escapeHtml(t.en[0])}</h2><p>${escapeHtml(t.en[1])}</p></section>
    </main>
  </body>
</html>
`);
  });
  return router;
}
