// Team accounts storage: users with their role and state, one-time password links (invitation or
// reset, stored as SHA-256, expiring, used once), and every change audited in its transaction.
// Disabling a user or setting a new password revokes their open sessions.

import type {
  CreateInvitedResult,
  InvitationPurpose,
  TeamUserRow,
  UpdateUserResult,
} from "../app/ports/users.js";
import { appendAudit } from "./audit.js";
import type { Role } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type { CreateInvitedResult, InvitationPurpose, TeamUserRow, UpdateUserResult };

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listTeam(prisma: Prisma, now: Date) {
  const users = await prisma.user.findMany({ select: userSelect, orderBy: [{ email: "asc" }] });
  const [pending, lastSeen] = await Promise.all([
    prisma.userInvitation.findMany({
      where: { usedAt: null, expiresAt: { gt: now } },
      select: { userId: true, purpose: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
    }),
    prisma.authSession.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  return users.map((u) => ({
    ...u,
    pendingInvitation: pending.find((p) => p.userId === u.id) ?? null,
    lastSeenAt: lastSeen.find((s) => s.userId === u.id)?._max.lastSeenAt ?? null,
  }));
}

/** A new user who cannot log in until they set a password through the link. */
export async function createInvitedUser(
  prisma: Prisma,
  input: {
    email: string;
    role: Role;
    name?: string | undefined;
    unusableHash: string;
    tokenHash: string;
    expiresAt: Date;
    actorId: string;
  },
): Promise<CreateInvitedResult> {
  return prisma.$transaction(async (tx) => {
    const email = input.email.toLowerCase();
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return { status: "exists" };
    const user = await tx.user.create({
      data: { email, role: input.role, name: input.name ?? null, passwordHash: input.unusableHash },
      select: userSelect,
    });
    const invitation = await tx.userInvitation.create({
      data: {
        userId: user.id,
        purpose: "invite",
        tokenHash: input.tokenHash,
        expiresAt: input.expiresAt,
        createdById: input.actorId,
      },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.actorId,
      action: "user.invite",
      entity: "user",
      entityId: user.id,
      data: { role: input.role, invitationId: invitation.id, expiresAt: input.expiresAt.toISOString() },
    });
    return { status: "created", user, invitationId: invitation.id };
  });
}

export async function updateUser(
  prisma: Prisma,
  input: {
    id: string;
    role?: Role | undefined;
    disabled?: boolean | undefined;
    name?: string | undefined;
    actorId: string;
    now: Date;
  },
): Promise<UpdateUserResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) return { status: "not_found" };
    const losesAdmin =
      before.role === "admin" &&
      !before.disabled &&
      ((input.role !== undefined && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", disabled: false } });
      if (admins <= 1) return { status: "last_admin" };
    }
    const user = await tx.user.update({
      where: { id: input.id },
      data: {
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
      },
      select: userSelect,
    });
    // A disabled user's tokens are refused at once (findLiveSession) and revoked for good here.
    if (input.disabled === true)
      await tx.authSession.updateMany({
        where: { userId: input.id, revokedAt: null },
        data: { revokedAt: input.now },
      });
    const changes: Record<string, unknown> = {};
    if (input.role !== undefined && input.role !== before.role)
      changes.role = { from: before.role, to: input.role };
    if (input.disabled !== undefined && input.disabled !== before.disabled)
      changes.disabled = { from: before.disabled, to: input.disabled };
    if (input.name !== undefined && input.name !== before.name) changes.name = "changed";
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.actorId,
      action: "user.update",
      entity: "user",
      entityId: input.id,
      data: changes,
    });
    return { status: "updated", user };
  });
}

/** A reset link for an existing user; earlier unused links stop working. */
export async function createResetLink(
  prisma: Prisma,
  input: { userId: string; tokenHash: string; expiresAt: Date; actorId: string; now: Date },
): Promise<{ status: "created"; email: string; invitationId: string } | { status: "not_found" }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!user) return { status: "not_found" };
    await tx.userInvitation.updateMany({
      where: { userId: input.userId, usedAt: null },
      data: { expiresAt: input.now },
    });
    const invitation = await tx.userInvitation.create({
      data: {
        userId: input.userId,
        purpose: "reset",
        tokenHash: input.tokenHash,
        expiresAt: input.expiresAt,
        createdById: input.actorId,
      },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.actorId,
      action: "user.password_reset",
      entity: "user",
      entityId: input.userId,
      data: { invitationId: invitation.id, expiresAt: input.expiresAt.toISOString() },
    });
    return { status: "created", email: user.email, invitationId: invitation.id };
  });
}

/** The open link for a token hash (unused, unexpired, user enabled), with its user's email. */
export async function findOpenInvitation(prisma: Prisma, tokenHash: string, now: Date) {
  const found = await prisma.userInvitation.findUnique({
    where: { tokenHash },
    include: { user: { select: { email: true, disabled: true, role: true } } },
  });
  if (!found || found.usedAt || found.expiresAt <= now || found.user.disabled) return null;
  return found;
}

/** Uses the link once: sets the password, revokes the user's sessions. */
export async function consumePasswordLink(
  prisma: Prisma,
  input: { tokenHash: string; passwordHash: string; now: Date },
): Promise<{ status: "done"; userId: string; email: string; role: Role } | { status: "invalid" }> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.userInvitation.findUnique({
      where: { tokenHash: input.tokenHash },
      include: { user: { select: { email: true, disabled: true, role: true } } },
    });
    if (!found || found.user.disabled) return { status: "invalid" };
    // Claimed under the row's update: two submissions of the same link set the password once.
    const claimed = await tx.userInvitation.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: input.now } },
      data: { usedAt: input.now },
    });
    if (claimed.count !== 1) return { status: "invalid" };
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash: input.passwordHash } });
    await tx.authSession.updateMany({
      where: { userId: found.userId, revokedAt: null },
      data: { revokedAt: input.now },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: found.userId,
      action: found.purpose === "invite" ? "user.invitation_accepted" : "user.password_set",
      entity: "user",
      entityId: found.userId,
      data: { invitationId: found.id },
    });
    return { status: "done", userId: found.userId, email: found.user.email, role: found.user.role };
  });
}

/** A user's own password change: other sessions end, the current one stays. */
export async function setOwnPassword(
  prisma: Prisma,
  input: { userId: string; passwordHash: string; keepTokenHash: string; now: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash: input.passwordHash } });
    await tx.authSession.updateMany({
      where: { userId: input.userId, revokedAt: null, tokenHash: { not: input.keepTokenHash } },
      data: { revokedAt: input.now },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "user.password_change",
      entity: "user",
      entityId: input.userId,
      data: {},
    });
  });
}

export function findUserHash(prisma: Prisma, id: string) {
  return prisma.user.findUnique({ where: { id }, select: { passwordHash: true } });
}

export async function queueStaffMail(
  prisma: Prisma,
  mail: { to: string; subject: string; text: string; sentAt?: Date },
): Promise<{ id: string }> {
  return prisma.staffMail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, sentAt: mail.sentAt ?? null },
    select: { id: true },
  });
}
