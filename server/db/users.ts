import type { Role } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type { Role };

export function findUserByEmail(prisma: Prisma, email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function upsertUser(
  prisma: Prisma,
  user: { email: string; role: Role; passwordHash: string; name?: string },
): Promise<{ id: string; created: boolean }> {
  const email = user.email.toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await prisma.user.update({
      where: { id: existing.id },
      data: { role: user.role, passwordHash: user.passwordHash, disabled: false },
    });
    return { id: existing.id, created: false };
  }
  const created = await prisma.user.create({
    data: { email, role: user.role, passwordHash: user.passwordHash, name: user.name ?? null },
  });
  return { id: created.id, created: true };
}

export function countUsersWithRole(prisma: Prisma, role: Role) {
  return prisma.user.count({ where: { role } });
}
