import type { Prisma } from "./open.js";

export function createSession(prisma: Prisma, userId: string, tokenHash: string, expiresAt: Date) {
  return prisma.authSession.create({ data: { userId, tokenHash, expiresAt } });
}

/** The live session for a token hash with its user, or null when unknown, expired, revoked or disabled. */
export async function findLiveSession(prisma: Prisma, tokenHash: string, now: Date) {
  const session = await prisma.authSession.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabled) return null;
  return session;
}

export async function revokeSession(prisma: Prisma, tokenHash: string, now: Date): Promise<void> {
  await prisma.authSession.updateMany({ where: { tokenHash, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every live session of a user (disabled, new password); returns how many were live. */
export async function revokeUserSessions(prisma: Prisma, userId: string, now: Date): Promise<number> {
  const { count } = await prisma.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
