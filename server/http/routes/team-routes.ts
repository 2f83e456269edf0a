// Team accounts over HTTP: the admin's user management (GET/POST /api/users, PATCH /api/users/:id,
// a password reset), the public one-time password link, and a user's own password change.
import { Router } from "express";
import type { AppContext } from "../../app/context.js";
import { invitationSender, type SendInvitation } from "../../app/team/mailer.js";
import {
  changeOwnPassword,
  changeUser,
  checkPasswordLink,
  inviteUser,
  listUsers,
  resetPassword,
  setPasswordFromLink,
} from "../../app/team/team-service.js";
import { actorOf, requireRole } from "../middleware/auth.js";
import { loginLimiter } from "../middleware/rate-limits.js";
import { idParam } from "./console-routes.js";

export function teamRoutes(
  ctx: AppContext,
  options: { sendInvitation?: SendInvitation; linkLimit?: number } = {},
): Router {
  const deps = { ctx, sendInvitation: options.sendInvitation ?? invitationSender(ctx) };
  const router = Router();
  const admin = requireRole(ctx, "admin");
  const staff = requireRole(ctx, "collector", "policy_editor", "admin");
  // Link tokens are guessed no better than login passwords: the same limiter.
  const links = loginLimiter(options.linkLimit);

  router.get("/api/users", admin, async (_req, res) => {
    res.json(await listUsers(ctx));
  });
  router.post("/api/users", admin, async (req, res) => {
    res.status(201).json(await inviteUser(deps, actorOf(req), req.body));
  });
  router.patch("/api/users/:id", admin, async (req, res) => {
    res.json(await changeUser(deps, actorOf(req), idParam(req.params.id, "User"), req.body));
  });
  router.post("/api/users/:id/password-reset", admin, async (req, res) => {
    res.status(201).json(await resetPassword(deps, actorOf(req), idParam(req.params.id, "User"), req.body));
  });

  router.post("/api/password-links/check", links, async (req, res) => {
    const token = typeof req.body?.token === "string" ? req.body.token : "";
    res.json(await checkPasswordLink(ctx, token));
  });
  router.post("/api/password-links/use", links, async (req, res) => {
    res.json(await setPasswordFromLink(ctx, req.body));
  });

  router.post("/api/me/password", staff, async (req, res) => {
    await changeOwnPassword(ctx, actorOf(req), req.bearer ?? "", req.body);
    res.status(204).end();
  });
  return router;
}
