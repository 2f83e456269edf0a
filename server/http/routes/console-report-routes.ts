// Console API for lists and reports: the case list with console filters, CSV import and export,
// KPIs (policy editors too: aggregates only) and the audit log (admins).
import express, { Router } from "express";
import { auditLog } from "../../app/console/audit.js";
import { searchCases } from "../../app/console/case-search.js";
import { exportCases } from "../../app/console/csv-export.js";
import { importCases } from "../../app/console/csv-import.js";
import type { ConsoleDeps } from "../../app/console/deps.js";
import { kpiFilters, kpis } from "../../app/console/kpis.js";
import { actorOf, requireRole } from "../middleware/auth.js";

export const CSV_BODY_LIMIT = "2mb";

export function consoleReportRoutes(deps: ConsoleDeps): Router {
  const { ctx } = deps;
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");
  const anyStaff = requireRole(ctx, "collector", "policy_editor", "admin");
  const admin = requireRole(ctx, "admin");
  const csvBody = express.text({
    type: ["text/csv", "application/csv", "text/plain"],
    limit: CSV_BODY_LIMIT,
  });

  router.get("/api/cases", staff, async (req, res) => {
    res.json(await searchCases(ctx, req.query));
  });
  router.post("/api/cases/import", staff, csvBody, async (req, res) => {
    res.json(await importCases(ctx, actorOf(req), req.query, req.body));
  });
  router.get("/api/cases/export.csv", staff, async (req, res) => {
    const chunks = exportCases(ctx, req.query);
    const stamp = ctx.clock.now().toISOString().slice(0, 10);
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="cases-${stamp}.csv"`);
    res.setHeader("cache-control", "no-store");
    try {
      for await (const chunk of chunks) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
      }
      res.end();
    } catch (error) {
      // Headers are gone: cut the download so a truncated file cannot pass for a complete one.
      req.log?.error({ err: error }, "case export failed");
      res.destroy();
    }
  });

  router.get("/api/kpis", anyStaff, async (req, res) => {
    res.json(await kpis(ctx, req.query));
  });
  router.get("/api/kpis/filters", anyStaff, async (_req, res) => {
    res.json(await kpiFilters(ctx));
  });
  router.get("/api/audit", admin, async (req, res) => {
    res.json(await auditLog(ctx, req.query));
  });
  return router;
}
