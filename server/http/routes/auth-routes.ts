import { Router } from "express";
import { login, logout } from "../../app/auth/auth-service.js";
import type { AppContext } from "../../app/context.js";
import { LoginThrottle, type LoginThrottleOptions } from "../../auth/login-throttle.js";
import { AppError } from "../../errors/app-error.js";
import { requireRole } from "../middleware/auth.js";
import { loginLimiter } from "../middleware/rate-limits.js";

export function authRoutes(
  ctx: AppContext,
  options: { loginLimit?: number; throttle?: Partial<LoginThrottleOptions> } = {},
): Router {
  const router = Router();
  // Per IP (loginLimiter, req.ip from the trusted hop count) and per account (the throttle).
  const throttle = new LoginThrottle(() => ctx.clock.now().getTime(), options.throttle);
  router.post("/api/login", loginLimiter(options.loginLimit), async (req, res) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    const account = typeof email === "string" ? email : undefined;
    const address = req.ip ?? "unknown";
    if (account !== undefined) {
      const verdict = throttle.check(account, address);
      if (!verdict.allowed) {
        res.setHeader("retry-after", String(Math.ceil(verdict.retryAfterMs / 1000)));
        throw new AppError("rate_limited", "Too many failed attempts for this account; try again later.");
      }
    }
    try {
      const result = await login(ctx, req.body);
      if (account !== undefined) throttle.success(account, address);
      res.json(result);
    } catch (error) {
      if (account !== undefined && error instanceof AppError && error.code === "unauthenticated")
        throttle.failure(account);
      throw error;
    }
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
