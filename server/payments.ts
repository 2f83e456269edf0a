// Getting paid, assembled: creditor settings, the debtor's payment instructions and pay-now
// endpoint, the Stripe webhook and bank statement reconciliation. service.ts mounts `beforeBody`
// ahead of the JSON body parser (the webhook's signature is over the raw bytes) and `router` with
// the other routes.
import { Router } from "express";
import type { ConsoleDeps } from "./app/console/deps.js";
import { creditorRoutes } from "./http/routes/creditor-routes.js";
import { debtorPaymentRoutes, stripeWebhookRoutes } from "./http/routes/payment-routes.js";
import { statementRoutes } from "./http/routes/statement-routes.js";

export interface PaymentsModule {
  readonly beforeBody: Router;
  readonly router: Router;
}

export function createPayments(deps: ConsoleDeps): PaymentsModule {
  const beforeBody = Router();
  beforeBody.use(stripeWebhookRoutes(deps));
  const router = Router();
  router.use(creditorRoutes(deps.ctx));
  router.use(debtorPaymentRoutes(deps));
  router.use(statementRoutes(deps));
  return { beforeBody, router };
}
