// Single sign-on routes: whether SSO is on (the login page shows the button), the start (a redirect
// to the provider) and the provider's callback, which hands the session to the console in the URL
// fragment (never sent to a server) or back to the login page with the reason.
import { Router } from "express";
import { SsoService } from "../../app/auth/sso.js";
import type { AppContext } from "../../app/context.js";
import { AppError } from "../../errors/app-error.js";
import { loginLimiter } from "../middleware/rate-limits.js";

export function ssoRoutes(ctx: AppContext, options: { limit?: number } = {}): Router {
  const sso = new SsoService(ctx);
  const router = Router();
  const limited = loginLimiter(options.limit);
  router.get("/api/sso", (_req, res) => {
    res.json({ enabled: sso.enabled });
  });
  router.get("/api/sso/start", limited, async (_req, res) => {
    res.redirect(302, (await sso.start()).href);
  });
  router.get("/api/sso/callback", limited, async (req, res) => {
    const url = new URL(req.originalUrl, ctx.publicUrl);
    try {
      const login = await sso.finish(url);
      const fragment = new URLSearchParams({
        token: login.token,
        expiresAt: login.expiresAt,
        id: login.user.id,
        email: login.user.email,
        role: login.user.role,
      });
      res.setHeader("cache-control", "no-store");
      res.redirect(302, `/console/sso#${fragment}`);
    } catch (error) {
      const message = error instanceof AppError ? error.message : "Single sign-on failed.";
      if (!(error instanceof AppError)) req.log?.warn({ err: error }, "sso callback failed");
      res.redirect(302, `/console/login#sso_error=${encodeURIComponent(message)}`);
    }
  });
  return router;
}
