// Creditor settings: collectors read them (they are on the debtor's page anyway), admins change them.
import { Router } from "express";
import type { AppContext } from "../../app/context.js";
import { getCreditor, listCreditors, updateCreditor } from "../../app/creditors/creditor-service.js";
import { actorOf, requireRole } from "../middleware/auth.js";
import { idParam } from "./console-routes.js";

export function creditorRoutes(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");
  const admin = requireRole(ctx, "admin");
  router.get("/api/creditors", staff, async (_req, res) => {
    res.json({ items: await listCreditors(ctx) });
  });
  router.get("/api/creditors/:id", staff, async (req, res) => {
    res.json(await getCreditor(ctx, idParam(req.params.id, "Creditor")));
  });
  router.patch("/api/creditors/:id", admin, async (req, res) => {
    res.json(await updateCreditor(ctx, actorOf(req), idParam(req.params.id, "Creditor"), req.body));
  });
  return router;
}
