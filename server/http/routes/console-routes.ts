// Console API for collectors (thin handlers: role, one use case, result). Escalation queue,
// takeover (take over, write as agent, hand back, offer by hand), payments and promise review.
import { Router } from "express";
import { makeCollectorOffer } from "../../app/console/collector-offer.js";
import type { ConsoleDeps } from "../../app/console/deps.js";
import { assignToMe, listEscalations, resolve } from "../../app/console/escalations.js";
import { recordPayment } from "../../app/console/payments.js";
import { reviewPromises } from "../../app/console/promise-tracker.js";
import { handBack, sendAgentMessage, takeOver } from "../../app/console/takeover.js";
import { notFound } from "../../errors/app-error.js";
import { actorOf, requireRole } from "../middleware/auth.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idParam(raw: unknown, what: string): string {
  if (typeof raw !== "string" || !UUID.test(raw)) throw notFound(what);
  return raw;
}

export function consoleRoutes(deps: ConsoleDeps): Router {
  const { ctx } = deps;
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");
  const admin = requireRole(ctx, "admin");

  router.get("/api/escalations", staff, async (req, res) => {
    res.json(await listEscalations(ctx, actorOf(req), req.query));
  });
  router.post("/api/escalations/:id/assign", staff, async (req, res) => {
    res.json(await assignToMe(deps, actorOf(req), idParam(req.params.id, "Escalation")));
  });
  router.post("/api/escalations/:id/resolve", staff, async (req, res) => {
    res.json(await resolve(deps, actorOf(req), idParam(req.params.id, "Escalation"), req.body));
  });

  router.post("/api/cases/:id/takeover", staff, async (req, res) => {
    res.json(await takeOver(deps, actorOf(req), idParam(req.params.id, "Case")));
  });
  router.post("/api/cases/:id/messages", staff, async (req, res) => {
    const sent = await sendAgentMessage(deps, actorOf(req), idParam(req.params.id, "Case"), req.body);
    res.status(sent.created ? 201 : 200).json(sent);
  });
  router.post("/api/cases/:id/handback", staff, async (req, res) => {
    res.json(await handBack(deps, actorOf(req), idParam(req.params.id, "Case"), req.body));
  });
  router.post("/api/cases/:id/offers", staff, async (req, res) => {
    const result = await makeCollectorOffer(deps, actorOf(req), idParam(req.params.id, "Case"), req.body);
    res.status(result.recorded ? 201 : 200).json(result);
  });

  router.post("/api/payments", staff, async (req, res) => {
    const result = await recordPayment(deps, actorOf(req), req.body);
    res.status(result.created ? 201 : 200).json(result);
  });
  router.post("/api/promises/review", admin, async (_req, res) => {
    res.json(await reviewPromises(ctx, { brokenAfterDays: deps.settings.brokenAfterDays, chat: deps.chat }));
  });
  return router;
}
