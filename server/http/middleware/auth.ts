// Bearer-token authentication and role checks for staff routes. Every staff route declares the
// roles it admits; nothing is reachable without one.
import type { RequestHandler } from "express";
import { authenticate } from "../../app/auth/auth-service.js";
import type { Actor, AppContext } from "../../app/context.js";
import { AppError } from "../../errors/app-error.js";

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
      bearer?: string;
    }
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

export function requireRole(ctx: AppContext, ...roles: Actor["role"][]): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new AppError("unauthenticated", "Send a bearer token from POST /api/login.");
    const actor = await authenticate(ctx, token);
    if (!roles.includes(actor.role)) {
      throw new AppError("forbidden", `This route needs one of the roles: ${roles.join(", ")}.`);
    }
    req.actor = actor;
    req.bearer = token;
    next();
  };
}

export function actorOf(req: { actor?: Actor }): Actor {
  if (!req.actor) throw new AppError("unauthenticated", "Not authenticated.");
  return req.actor;
}
