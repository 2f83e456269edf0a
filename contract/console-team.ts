// HTTP bodies of the console's team and session routes: who is signed in (GET /api/me, the login
// answer), the team list (GET /api/users) and the one-time invitation or reset link.
import { z } from "zod";
import { safeString } from "../server/validation/user-text.js";
import { STAFF_ROLES } from "./enums.js";

const instant = z.iso.datetime();

export const sessionUser = z.object({
  id: z.string().optional(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** GET /api/me */
export const meResponse = z.object({ user: sessionUser });
export type MeResponse = z.infer<typeof meResponse>;

export const teamUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export type TeamUser = z.infer<typeof teamUser>;

export const invitationView = z.object({
  purpose: z.enum(["invite", "reset"]),
  expiresAt: instant,
  /** How the link left: by e-mail (smtp) or kept in the outbox. */
  delivery: z.enum(["smtp", "outbox"]),
  /** Only when no e-mail was sent: the admin hands the link over themselves. */
  link: z.string().optional(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const teamList = z.object({
  items: z.array(
    teamUser.extend({
      lastSeenAt: instant.nullable(),
      pendingInvitation: z.object({ purpose: z.enum(["invite", "reset"]), expiresAt: instant }).nullable(),
    }),
  ),
});
export type TeamList = z.infer<typeof teamList>;

/** POST /api/login */
export const loginInput = z.strictObject({
  email: z.email("must be an email address").max(254),
  password: safeString().min(1, "must not be empty").max(1024),
});

export const loginResult = z.object({
  token: z.string(),
  expiresAt: instant,
  user: z.object({ email: z.string(), role: z.enum(STAFF_ROLES) }),
});
export type LoginResult = z.infer<typeof loginResult>;
