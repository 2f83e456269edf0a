// Makes sure an admin can log in: ADMIN_EMAIL/ADMIN_PASSWORD create or update that admin; on the
// embedded default without them, a password is generated and returned to be printed once.
import { generatePassword, hashPassword, verifyPassword } from "../../auth/passwords.js";
import type { AppContext } from "../context.js";

export const DEFAULT_ADMIN_EMAIL = "admin@amiable.local";

export interface AdminBootstrap {
  email: string;
  /** Set only when a password was generated now (to print once). */
  generatedPassword?: string;
  source: "environment" | "generated" | "existing";
  /**
   * Set when ADMIN_PASSWORD replaced another password (or re-enabled the account): the admin's
   * earlier sessions were revoked; the service then closes their sockets on every instance.
   */
  revokedUserId?: string;
}

export async function ensureAdmin(ctx: AppContext): Promise<AdminBootstrap> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = ctx.env;
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    const before = await ctx.stores.users.findByEmail(ADMIN_EMAIL);
    // Several instances boot with the same variables: an unchanged password rewrites nothing and
    // keeps everyone's sessions; a new one ends the sessions the old one opened.
    if (before && before.role === "admin" && !before.disabled) {
      if (await verifyPassword(ADMIN_PASSWORD, before.passwordHash))
        return { email: ADMIN_EMAIL, source: "environment" };
    }
    const saved = await ctx.stores.users.upsert({
      email: ADMIN_EMAIL,
      role: "admin",
      passwordHash: await hashPassword(ADMIN_PASSWORD),
    });
    if (saved.created) return { email: ADMIN_EMAIL, source: "environment" };
    await ctx.stores.sessions.revokeAllOf(saved.id, ctx.clock.now());
    return { email: ADMIN_EMAIL, source: "environment", revokedUserId: saved.id };
  }
  const email = ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const existing = await ctx.stores.users.findByEmail(email);
  if (existing || (await ctx.stores.users.countWithRole("admin")) > 0) {
    return { email: existing?.email ?? email, source: "existing" };
  }
  if (ctx.db.kind === "postgres") {
    // On a shared production database, never invent credentials silently: the operator sets them.
    throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD: required to create the first admin on PostgreSQL");
  }
  const password = generatePassword();
  await ctx.stores.users.upsert({ email, role: "admin", passwordHash: await hashPassword(password) });
  return { email, generatedPassword: password, source: "generated" };
}
