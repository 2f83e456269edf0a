import { Router } from "express";
import type { AppContext } from "../../app/context.js";

export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const database = await ctx.db.ping();
    res
      .status(database ? 200 : 503)
      .json({ status: database ? "ready" : "unavailable", database: ctx.db.kind });
  });
  return router;
}
