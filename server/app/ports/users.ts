// Staff accounts: users, sessions, the team page's invitations and password links, the staff outbox.
import type { AuthSessionRow, Role, UserInvitationRow, UserRow } from "./rows.js";

export type InvitationPurpose = "invite" | "reset";

export interface TeamUserRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface TeamListRow extends TeamUserRow {
  pendingInvitation: { userId: string; purpose: string; expiresAt: Date } | null;
  lastSeenAt: Date | null;
}

export type CreateInvitedResult =
  | { status: "created"; user: TeamUserRow; invitationId: string }
  | { status: "exists" };

export type UpdateUserResult =
  | { status: "updated"; user: TeamUserRow }
  | { status: "not_found" }
  | { status: "last_admin" };

export interface UsersStore {
  findByEmail(email: string): Promise<UserRow | null>;
  upsert(user: {
    email: string;
    role: Role;
    passwordHash: string;
    name?: string;
  }): Promise<{ id: string; created: boolean }>;
  countWithRole(role: Role): Promise<number>;
  passwordHash(id: string): Promise<{ passwordHash: string } | null>;
}

export interface SessionsStore {
  create(userId: string, tokenHash: string, expiresAt: Date): Promise<AuthSessionRow>;
  /** The live session with its user, or null when unknown, expired, revoked or disabled. */
  findLive(tokenHash: string, now: Date): Promise<(AuthSessionRow & { user: UserRow }) | null>;
  revoke(tokenHash: string, now: Date): Promise<void>;
  /** Ends every live session of a user; returns how many were live. */
  revokeAllOf(userId: string, now: Date): Promise<number>;
}

export interface TeamStore {
  list(now: Date): Promise<TeamListRow[]>;
  createInvitedUser(input: {
    email: string;
    role: Role;
    name?: string | undefined;
    unusableHash: string;
    tokenHash: string;
    expiresAt: Date;
    actorId: string;
  }): Promise<CreateInvitedResult>;
  updateUser(input: {
    id: string;
    role?: Role | undefined;
    disabled?: boolean | undefined;
    name?: string | undefined;
    actorId: string;
    now: Date;
  }): Promise<UpdateUserResult>;
  createResetLink(input: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    actorId: string;
    now: Date;
  }): Promise<{ status: "created"; email: string; invitationId: string } | { status: "not_found" }>;
  findOpenInvitation(
    tokenHash: string,
    now: Date,
  ): Promise<(UserInvitationRow & { user: { email: string; disabled: boolean; role: Role } }) | null>;
  consumePasswordLink(input: {
    tokenHash: string;
    passwordHash: string;
    now: Date;
  }): Promise<{ status: "done"; userId: string; email: string; role: Role } | { status: "invalid" }>;
  setOwnPassword(input: {
    userId: string;
    passwordHash: string;
    keepTokenHash: string;
    now: Date;
  }): Promise<void>;
  queueStaffMail(mail: { to: string; subject: string; text: string; sentAt?: Date }): Promise<{ id: string }>;
}
