import { Router } from "express";
import { login, logout } from "../../app/auth/auth-service.js";
import type { AppContext } from "../../app/context.js";
import { requireRole } from "../middleware/auth.js";
import { loginLimiter } from "../middleware/rate-limits.js";

export function authRoutes(ctx: AppContext, options: { loginLimit?: number } = {}): Router {
  const router = Router();
  router.post("/api/login", loginLimiter(options.loginLimit), async (req, res) => {
    res.json(await login(ctx, req.body));
  });
  router.post("/api/logout", requireRole(ctx, "collector", "policy_editor", "admin"), async (req, res) => {
    await logout(ctx, req.bearer ?? "");
    res.status(204).end();
  });
  router.get("/api/me", requireRole(ctx, "collector", "policy_editor", "admin"), (req, res) => {
    res.json({ user: { id: req.actor?.userId, email: req.actor?.email, role: req.actor?.role } });
  });
  return router;
}
