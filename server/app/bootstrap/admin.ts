// Makes sure an admin can log in: ADMIN_EMAIL/ADMIN_PASSWORD create or update that admin; on the
// embedded default without them, a password is generated and returned to be printed once.
import { generatePassword, hashPassword } from "../../auth/passwords.js";
import { countUsersWithRole, findUserByEmail, upsertUser } from "../../db/users.js";
import type { AppContext } from "../context.js";

export const DEFAULT_ADMIN_EMAIL = "admin@amiable.local";

export interface AdminBootstrap {
  email: string;
  /** Set only when a password was generated now (to print once). */
  generatedPassword?: string;
  source: "environment" | "generated" | "existing";
}

export async function ensureAdmin(ctx: AppContext): Promise<AdminBootstrap> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = ctx.env;
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    await upsertUser(ctx.db.prisma, {
      email: ADMIN_EMAIL,
      role: "admin",
      passwordHash: await hashPassword(ADMIN_PASSWORD),
    });
    return { email: ADMIN_EMAIL, source: "environment" };
  }
  const email = ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const existing = await findUserByEmail(ctx.db.prisma, email);
  if (existing || (await countUsersWithRole(ctx.db.prisma, "admin")) > 0) {
    return { email: existing?.email ?? email, source: "existing" };
  }
  if (ctx.db.kind === "postgres") {
    // On a shared production database, never invent credentials silently: the operator sets them.
    throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD: required to create the first admin on PostgreSQL");
  }
  const password = generatePassword();
  await upsertUser(ctx.db.prisma, { email, role: "admin", passwordHash: await hashPassword(password) });
  return { email, generatedPassword: password, source: "generated" };
}
