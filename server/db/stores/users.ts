// Staff accounts (app/ports/users.ts) on the database client: users, sessions, the team page.
import type { SessionsStore, TeamStore, UsersStore } from "../../app/ports/users.js";
import type { Prisma } from "../open.js";
import { createSession, findLiveSession, revokeSession, revokeUserSessions } from "../sessions.js";
import {
  consumePasswordLink,
  createInvitedUser,
  createResetLink,
  findOpenInvitation,
  findUserHash,
  listTeam,
  queueStaffMail,
  setOwnPassword,
  updateUser,
} from "../team.js";
import { countUsersWithRole, findUserByEmail, upsertUser } from "../users.js";

export function usersStore(db: Prisma): UsersStore {
  return {
    findByEmail: (email) => findUserByEmail(db, email),
    upsert: (user) => upsertUser(db, user),
    countWithRole: (role) => countUsersWithRole(db, role),
    passwordHash: (id) => findUserHash(db, id),
  };
}

export function sessionsStore(db: Prisma): SessionsStore {
  return {
    create: (userId, tokenHash, expiresAt) => createSession(db, userId, tokenHash, expiresAt),
    findLive: (tokenHash, now) => findLiveSession(db, tokenHash, now),
    revoke: (tokenHash, now) => revokeSession(db, tokenHash, now),
    revokeAllOf: (userId, now) => revokeUserSessions(db, userId, now),
  };
}

export function teamStore(db: Prisma): TeamStore {
  return {
    list: (now) => listTeam(db, now),
    createInvitedUser: (input) => createInvitedUser(db, input),
    updateUser: (input) => updateUser(db, input),
    createResetLink: (input) => createResetLink(db, input),
    findOpenInvitation: (tokenHash, now) => findOpenInvitation(db, tokenHash, now),
    consumePasswordLink: (input) => consumePasswordLink(db, input),
    setOwnPassword: (input) => setOwnPassword(db, input),
    queueStaffMail: (mail) => queueStaffMail(db, mail),
  };
}
