// The collector's desk around a conversation: internal notes on a case, and the policy engine's
// answer to a hand-made offer before it is sent (preview). Collectors and admins only.
import { Router } from "express";
import { previewCollectorOffer } from "../../app/console/collector-offer.js";
import type { ConsoleDeps } from "../../app/console/deps.js";
import { caseNotes, writeNote } from "../../app/console/notes.js";
import { actorOf, requireRole } from "../middleware/auth.js";
import { idParam } from "./console-routes.js";

export function deskRoutes(deps: ConsoleDeps): Router {
  const { ctx } = deps;
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");
  router.get("/api/cases/:id/notes", staff, async (req, res) => {
    res.json(await caseNotes(ctx, idParam(req.params.id, "Case")));
  });
  router.post("/api/cases/:id/notes", staff, async (req, res) => {
    res.status(201).json(await writeNote(ctx, actorOf(req), idParam(req.params.id, "Case"), req.body));
  });
  router.post("/api/cases/:id/offers/preview", staff, async (req, res) => {
    res.json(await previewCollectorOffer(deps, actorOf(req), idParam(req.params.id, "Case"), req.body));
  });
  return router;
}
