// Bank statement reconciliation for collectors: import a file (CSV or CAMT.053), list the lines a
// person must look at, assign an unmatched line to a case, or dismiss it.
import express, { Router } from "express";
import type { ConsoleDeps } from "../../app/console/deps.js";
import {
  assignLine,
  dismissLine,
  importStatement,
  listLines,
} from "../../app/payments/statements/reconcile.js";
import { actorOf, requireRole } from "../middleware/auth.js";
import { idParam } from "./console-routes.js";

export function statementRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const staff = requireRole(deps.ctx, "collector", "admin");
  const fileBody = express.text({
    type: ["text/csv", "application/csv", "text/plain", "application/xml", "text/xml"],
    limit: "5mb",
  });
  router.post("/api/statements", staff, fileBody, async (req, res) => {
    res.status(201).json(await importStatement(deps, actorOf(req), req.body));
  });
  router.get("/api/statements/lines", staff, async (req, res) => {
    res.json(await listLines(deps, req.query));
  });
  router.post("/api/statements/lines/:id/assign", staff, async (req, res) => {
    res.json(await assignLine(deps, actorOf(req), idParam(req.params.id, "Statement line"), req.body));
  });
  router.post("/api/statements/lines/:id/dismiss", staff, async (req, res) => {
    res.json(await dismissLine(deps, actorOf(req), idParam(req.params.id, "Statement line"), req.body));
  });
  return router;
}
