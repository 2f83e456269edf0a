// Thin handlers: check the role, call one use case, map the result. The case list (with its
// filters) lives with the console's routes (server/http/routes/console-routes.ts).
import { Router } from "express";
import { caseTranscript, createCase, getCase, revokeLink, rotateLink } from "../../app/cases/case-service.js";
import type { AppContext } from "../../app/context.js";
import { notFound } from "../../errors/app-error.js";
import { actorOf, requireRole } from "../middleware/auth.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function caseId(raw: unknown): string {
  if (typeof raw !== "string" || !UUID.test(raw)) throw notFound("Case");
  return raw;
}

export function caseRoutes(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");

  router.post("/api/cases", staff, async (req, res) => {
    res.status(201).json(await createCase(ctx, req.body, actorOf(req)));
  });
  router.get("/api/cases/:id", staff, async (req, res) => {
    res.json(await getCase(ctx, caseId(req.params.id)));
  });
  router.get("/api/cases/:id/transcript", staff, async (req, res) => {
    res.json(await caseTranscript(ctx, caseId(req.params.id)));
  });
  router.post("/api/cases/:id/link", staff, async (req, res) => {
    res.status(201).json(await rotateLink(ctx, caseId(req.params.id), actorOf(req)));
  });
  router.delete("/api/cases/:id/link", staff, async (req, res) => {
    await revokeLink(ctx, caseId(req.params.id), actorOf(req));
    res.status(204).end();
  });
  return router;
}
