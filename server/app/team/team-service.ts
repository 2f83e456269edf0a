// Team accounts: admins invite people by e-mail with a role, change roles, disable accounts and send
// password resets; anyone sets their password through a one-time link, and changes their own.

import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { InvitationView, TeamList, TeamUser } from "../../../contract/console-team.js";
import { hashPassword, verifyPassword } from "../../auth/passwords.js";
import { hashToken, looksLikeToken, newSecretToken } from "../../auth/tokens.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { Actor, AppContext } from "../context.js";
import type { TeamUserRow } from "../ports/users.js";
import type { InvitationMail, SendInvitation } from "./mailer.js";

const ROLES = ["collector", "policy_editor", "admin"] as const;
const mailLanguage = z.enum(["fr", "en"], "must be fr or en");
const password = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(1024, "must be at most 1024 characters");

export const inviteInput = z.strictObject({
  email: z.email("must be an email address").max(254),
  role: z.enum(ROLES, "must be collector, policy_editor or admin"),
  name: z.string().trim().min(1).max(200).optional(),
  /** The e-mail's language (the inviting admin's console language); French then English if absent. */
  language: mailLanguage.optional(),
});

/** POST /api/users/:id/password-reset: an optional body, the e-mail's language. */
export const resetInput = z.strictObject({ language: mailLanguage.optional() });

export const updateUserInput = z
  .strictObject({
    role: z.enum(ROLES, "must be collector, policy_editor or admin").optional(),
    disabled: z.boolean("must be true or false").optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "send at least one of role, disabled, name");

export const setPasswordInput = z.strictObject({
  token: z.string().refine(looksLikeToken, "is not a valid link"),
  password,
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "must not be empty").max(1024),
  newPassword: password,
});

export interface TeamDeps {
  readonly ctx: AppContext;
  readonly sendInvitation: SendInvitation;
}

export function userView(u: TeamUserRow): TeamUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export type { InvitationView };

/** The page that sets the password; the token rides in the fragment, never sent to a server log. */
function passwordLink(ctx: AppContext, token: string): string {
  return `${ctx.publicUrl.replace(/\/$/, "")}/console/password#token=${token}`;
}

async function deliver(
  deps: TeamDeps,
  mail: Omit<InvitationMail, "link">,
  token: string,
): Promise<InvitationView> {
  const { purpose, expiresAt } = mail;
  const link = passwordLink(deps.ctx, token);
  const { delivery } = await deps.sendInvitation({ ...mail, link });
  return {
    purpose,
    expiresAt: expiresAt.toISOString(),
    delivery,
    ...(delivery === "outbox" ? { link } : {}),
  };
}

export async function listUsers(ctx: AppContext): Promise<TeamList> {
  const rows = await ctx.stores.team.list(ctx.clock.now());
  return {
    items: rows.map((r) => ({
      ...userView(r),
      lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
      pendingInvitation: r.pendingInvitation
        ? {
            // Stored as text; written only as "invite" or "reset" (inviteUser, resetPassword).
            purpose: r.pendingInvitation.purpose as InvitationView["purpose"],
            expiresAt: r.pendingInvitation.expiresAt.toISOString(),
          }
        : null,
    })),
  };
}

const expiry = (ctx: AppContext) =>
  new Date(ctx.clock.now().getTime() + ctx.env.INVITATION_TTL_HOURS * 3_600_000);

export async function inviteUser(deps: TeamDeps, actor: Actor, body: unknown) {
  const input = parseOrThrow(inviteInput, body, "user");
  const { ctx } = deps;
  const token = newSecretToken();
  const expiresAt = expiry(ctx);
  const result = await ctx.stores.team.createInvitedUser({
    email: input.email,
    role: input.role,
    name: input.name,
    // Nobody knows this password: the account opens only through the link.
    unusableHash: await hashPassword(randomBytes(32).toString("base64url")),
    tokenHash: hashToken(token),
    expiresAt,
    actorId: actor.userId,
  });
  if (result.status === "exists")
    throw new AppError("conflict", "A user with this email already exists.", [
      { path: "email", message: "is already a member of the team" },
    ]);
  const invitation = await deliver(
    deps,
    {
      to: result.user.email,
      purpose: "invite",
      role: input.role,
      expiresAt,
      invitedBy: actor.email,
      ...(input.language ? { language: input.language } : {}),
    },
    token,
  );
  return { user: userView(result.user), invitation };
}

export async function changeUser(deps: TeamDeps, actor: Actor, id: string, body: unknown) {
  const input = parseOrThrow(updateUserInput, body, "user");
  if (id === actor.userId && (input.disabled === true || (input.role && input.role !== "admin")))
    throw new AppError("not_allowed_now", "You cannot disable yourself or remove your own admin role.");
  const result = await deps.ctx.stores.team.updateUser({
    id,
    ...input,
    actorId: actor.userId,
    now: deps.ctx.clock.now(),
  });
  if (result.status === "not_found") throw notFound("User");
  if (result.status === "last_admin")
    throw new AppError("not_allowed_now", "The team needs at least one active admin.");
  // A disabled user's sockets close at once, on every instance (their sessions ended in updateUser);
  // after a role change they reconnect and are authorised again under the new role.
  if (input.disabled === true || input.role !== undefined) closeSocketsOf(deps.ctx, id);
  return { user: userView(result.user) };
}

export async function resetPassword(deps: TeamDeps, actor: Actor, id: string, body: unknown = {}) {
  const input = parseOrThrow(resetInput, body ?? {}, "password reset");
  const { ctx } = deps;
  const token = newSecretToken();
  const expiresAt = expiry(ctx);
  const result = await ctx.stores.team.createResetLink({
    userId: id,
    tokenHash: hashToken(token),
    expiresAt,
    actorId: actor.userId,
    now: ctx.clock.now(),
  });
  if (result.status === "not_found") throw notFound("User");
  const mail = {
    to: result.email,
    purpose: "reset" as const,
    role: "",
    expiresAt,
    invitedBy: actor.email,
    ...(input.language ? { language: input.language } : {}),
  };
  return { invitation: await deliver(deps, mail, token) };
}

/** What the set-password page shows before the person types: whose account, until when. */
export async function checkPasswordLink(ctx: AppContext, token: string) {
  if (!looksLikeToken(token)) throw new AppError("link_invalid", "This link is not valid.");
  const found = await ctx.stores.team.findOpenInvitation(hashToken(token), ctx.clock.now());
  if (!found) throw new AppError("link_invalid", "This link has expired or was already used.");
  return { email: found.user.email, purpose: found.purpose, expiresAt: found.expiresAt.toISOString() };
}

export async function setPasswordFromLink(ctx: AppContext, body: unknown) {
  const input = parseOrThrow(setPasswordInput, body, "password");
  const result = await ctx.stores.team.consumePasswordLink({
    tokenHash: hashToken(input.token),
    passwordHash: await hashPassword(input.password),
    now: ctx.clock.now(),
  });
  if (result.status === "invalid")
    throw new AppError("link_invalid", "This link has expired or was already used.");
  closeSocketsOf(ctx, result.userId);
  return { email: result.email, role: result.role };
}

export async function changeOwnPassword(ctx: AppContext, actor: Actor, bearer: string, body: unknown) {
  const input = parseOrThrow(changePasswordInput, body, "password");
  const row = await ctx.stores.users.passwordHash(actor.userId);
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw new AppError("validation_failed", "The current password is wrong.", [
      { path: "currentPassword", message: "is wrong" },
    ]);
  await ctx.stores.team.setOwnPassword({
    userId: actor.userId,
    passwordHash: await hashPassword(input.newPassword),
    keepTokenHash: hashToken(bearer),
    now: ctx.clock.now(),
  });
  // Sockets opened by the ended sessions close; the current session's reconnect with its token.
  closeSocketsOf(ctx, actor.userId);
}

/** Every socket a user's sessions opened closes, on every instance (socket/revocation.ts). */
function closeSocketsOf(ctx: AppContext, userId: string): void {
  ctx.events.publish({ type: "access.revoked", scope: "user", id: userId });
}
