// Staff authentication: email and password for an expiring bearer token, stored hashed.
import { type LoginResult, loginInput } from "../../../contract/console-team.js";
import { DUMMY_HASH, verifyPassword } from "../../auth/passwords.js";
import { hashToken, looksLikeToken, newSecretToken } from "../../auth/tokens.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { Actor, AppContext } from "../context.js";

export async function login(ctx: AppContext, body: unknown): Promise<LoginResult> {
  const input = parseOrThrow(loginInput, body, "login");
  const user = await ctx.stores.users.findByEmail(input.email);
  // Verify against a dummy hash for unknown users so the response time does not reveal them.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) throw new AppError("unauthenticated", "Wrong email or password.");
  const token = newSecretToken();
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.env.STAFF_SESSION_TTL_HOURS * 3_600_000);
  await ctx.stores.sessions.create(user.id, hashToken(token), expiresAt);
  return { token, expiresAt: expiresAt.toISOString(), user: { email: user.email, role: user.role } };
}

export async function authenticate(ctx: AppContext, token: string): Promise<Actor> {
  if (!looksLikeToken(token)) throw new AppError("unauthenticated", "The bearer token is invalid.");
  const session = await ctx.stores.sessions.findLive(hashToken(token), ctx.clock.now());
  if (!session) throw new AppError("unauthenticated", "The bearer token is invalid or has expired.");
  return { userId: session.user.id, email: session.user.email, role: session.user.role };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  if (!looksLikeToken(token)) return;
  const tokenHash = hashToken(token);
  await ctx.stores.sessions.revoke(tokenHash, ctx.clock.now());
  // The console sockets this token opened close too, on every instance (socket/revocation.ts).
  ctx.events.publish({ type: "access.revoked", scope: "session", id: tokenHash });
}
