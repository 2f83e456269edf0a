// Team accounts through the real HTTP API: an admin invites, the invited person sets a password
// through the one-time link and logs in, roles change, a disabled user's tokens stop working, resets
// and own password changes end the other sessions; every change is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { PASSWORD } from "../../test-support/service.js";

const NEW_PASSWORD = "correct-horse-battery-9";

describe.each(TEST_TARGETS)("team accounts on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const admin = () => t.tokens.admin;
  const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, "");
  const login = (email: string, password: string) =>
    t.api("POST", "/api/login", { body: { email, password } });
  const audit = async (action: string, entityId: string) =>
    t.db.prisma.auditLog.findMany({ where: { action, entityId } });

  it("lets only admins manage users", async () => {
    for (const role of ["collector", "policy_editor"] as const) {
      expect((await t.api("GET", "/api/users", { token: t.tokens[role] })).status).toBe(403);
      expect(
        (
          await t.api("POST", "/api/users", {
            token: t.tokens[role],
            body: { email: "x@y.z", role: "admin" },
          })
        ).status,
      ).toBe(403);
    }
    expect((await t.api("GET", "/api/users")).status).toBe(401);
    const list = await t.api("GET", "/api/users", { token: admin() });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(["admin@test.local", "collector@test.local", "editor@test.local"]),
    );
  });

  it("invites by e-mail with a role; the one-time link sets the password, then logging in works", async () => {
    const bad = await t.api("POST", "/api/users", { token: admin(), body: { email: "nope", role: "boss" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "role"]);

    const res = await t.api("POST", "/api/users", {
      token: admin(),
      body: { email: "Claire.Martin@Example.com", role: "collector" },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: "claire.martin@example.com",
      role: "collector",
      disabled: false,
    });
    expect(res.body.invitation).toMatchObject({ purpose: "invite", delivery: "outbox" });
    const link: string = res.body.invitation.link;
    expect(link).toMatch(/\/console\/password#token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    // Stored hashed; the e-mail waits in the outbox with the link.
    const invitation = await t.db.prisma.userInvitation.findFirstOrThrow({
      where: { userId: res.body.user.id },
    });
    expect(invitation.tokenHash).not.toContain(token);
    const mail = await t.db.prisma.staffMail.findFirstOrThrow({ where: { to: "claire.martin@example.com" } });
    expect(mail.text).toContain(link);
    expect(await audit("user.invite", res.body.user.id)).toHaveLength(1);

    expect(
      (
        await t.api("POST", "/api/users", {
          token: admin(),
          body: { email: "claire.martin@example.com", role: "admin" },
        })
      ).status,
    ).toBe(409);
    // Nobody can log in before the link is used.
    expect((await login("claire.martin@example.com", PASSWORD)).status).toBe(401);

    const check = await t.api("POST", "/api/password-links/check", { body: { token } });
    expect(check.body).toMatchObject({ email: "claire.martin@example.com", purpose: "invite" });
    const short = await t.api("POST", "/api/password-links/use", { body: { token, password: "short" } });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe("password");
    const used = await t.api("POST", "/api/password-links/use", { body: { token, password: NEW_PASSWORD } });
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ email: "claire.martin@example.com", role: "collector" });
    const again = await t.api("POST", "/api/password-links/use", { body: { token, password: NEW_PASSWORD } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("link_invalid");

    const logged = await login("claire.martin@example.com", NEW_PASSWORD);
    expect(logged.status).toBe(200);
    expect(logged.body.user.role).toBe("collector");
    expect((await t.api("GET", "/api/escalations", { token: logged.body.token })).status).toBe(200);
    expect(await audit("user.invitation_accepted", res.body.user.id)).toHaveLength(1);
  });

  it("refuses an expired link", async () => {
    const res = await t.api("POST", "/api/users", {
      token: admin(),
      body: { email: "late@example.com", role: "collector" },
    });
    t.clock.advanceDays(4);
    try {
      const token = tokenOf(res.body.invitation.link);
      expect((await t.api("POST", "/api/password-links/check", { body: { token } })).status).toBe(401);
      expect(
        (await t.api("POST", "/api/password-links/use", { body: { token, password: NEW_PASSWORD } })).status,
      ).toBe(401);
    } finally {
      t.clock.advanceDays(-4);
    }
  });

  it("changes roles and disables users: a disabled user's tokens stop working at once", async () => {
    const res = await t.api("POST", "/api/users", {
      token: admin(),
      body: { email: "paul@example.com", role: "collector" },
    });
    const id: string = res.body.user.id;
    await t.api("POST", "/api/password-links/use", {
      body: { token: tokenOf(res.body.invitation.link), password: NEW_PASSWORD },
    });
    const session = (await login("paul@example.com", NEW_PASSWORD)).body.token as string;

    const bad = await t.api("PATCH", `/api/users/${id}`, { token: admin(), body: { role: "king" } });
    expect(bad.status).toBe(400);
    expect((await t.api("PATCH", `/api/users/${id}`, { token: admin(), body: {} })).status).toBe(400);
    const edited = await t.api("PATCH", `/api/users/${id}`, {
      token: admin(),
      body: { role: "policy_editor" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.user.role).toBe("policy_editor");
    // The role is read on every request.
    expect((await t.api("GET", "/api/escalations", { token: session })).status).toBe(403);
    expect((await t.api("GET", "/api/me", { token: session })).body.user.role).toBe("policy_editor");

    const disabled = await t.api("PATCH", `/api/users/${id}`, { token: admin(), body: { disabled: true } });
    expect(disabled.body.user.disabled).toBe(true);
    expect((await t.api("GET", "/api/me", { token: session })).status).toBe(401);
    expect((await login("paul@example.com", NEW_PASSWORD)).status).toBe(401);
    const rows = await audit("user.update", id);
    expect(rows.map((r) => r.data)).toEqual([
      { role: { from: "collector", to: "policy_editor" } },
      { disabled: { from: false, to: true } },
    ]);

    // Re-enabled: the old token stays revoked, a new login works.
    await t.api("PATCH", `/api/users/${id}`, { token: admin(), body: { disabled: false } });
    expect((await t.api("GET", "/api/me", { token: session })).status).toBe(401);
    expect((await login("paul@example.com", NEW_PASSWORD)).status).toBe(200);
    expect(
      (
        await t.api("PATCH", `/api/users/${crypto.randomUUID()}`, {
          token: admin(),
          body: { disabled: true },
        })
      ).status,
    ).toBe(404);
  });

  it("keeps at least one active admin and never lets an admin lock themselves out", async () => {
    const self = await t.api("PATCH", `/api/users/${t.userIds.admin}`, {
      token: admin(),
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
    const demote = await t.api("PATCH", `/api/users/${t.userIds.admin}`, {
      token: admin(),
      body: { role: "collector" },
    });
    expect(demote.status).toBe(409);
  });

  it("resets a password by link: the old password and the open sessions stop working", async () => {
    const res = await t.api("POST", "/api/users", {
      token: admin(),
      body: { email: "lea@example.com", role: "collector" },
    });
    const id: string = res.body.user.id;
    await t.api("POST", "/api/password-links/use", {
      body: { token: tokenOf(res.body.invitation.link), password: NEW_PASSWORD },
    });
    const session = (await login("lea@example.com", NEW_PASSWORD)).body.token as string;

    const reset = await t.api("POST", `/api/users/${id}/password-reset`, { token: admin() });
    expect(reset.status).toBe(201);
    expect(reset.body.invitation).toMatchObject({ purpose: "reset", delivery: "outbox" });
    // The old password still works until the link is used (a reset is not a lock-out).
    expect((await login("lea@example.com", NEW_PASSWORD)).status).toBe(200);
    const used = await t.api("POST", "/api/password-links/use", {
      body: { token: tokenOf(reset.body.invitation.link), password: "another-long-password" },
    });
    expect(used.status).toBe(200);
    expect((await login("lea@example.com", NEW_PASSWORD)).status).toBe(401);
    expect((await t.api("GET", "/api/me", { token: session })).status).toBe(401);
    expect((await login("lea@example.com", "another-long-password")).status).toBe(200);
    expect(await audit("user.password_reset", id)).toHaveLength(1);
  });

  it("lets a user change their own password: the current session stays, the others end", async () => {
    const res = await t.api("POST", "/api/users", {
      token: admin(),
      body: { email: "own@example.com", role: "policy_editor" },
    });
    await t.api("POST", "/api/password-links/use", {
      body: { token: tokenOf(res.body.invitation.link), password: NEW_PASSWORD },
    });
    const here = (await login("own@example.com", NEW_PASSWORD)).body.token as string;
    const elsewhere = (await login("own@example.com", NEW_PASSWORD)).body.token as string;

    const wrong = await t.api("POST", "/api/me/password", {
      token: here,
      body: { currentPassword: "not-it", newPassword: "a-brand-new-password" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe("currentPassword");
    const changed = await t.api("POST", "/api/me/password", {
      token: here,
      body: { currentPassword: NEW_PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(changed.status).toBe(204);
    expect((await t.api("GET", "/api/me", { token: here })).status).toBe(200);
    expect((await t.api("GET", "/api/me", { token: elsewhere })).status).toBe(401);
    expect((await login("own@example.com", "a-brand-new-password")).status).toBe(200);
    expect(await audit("user.password_change", res.body.user.id)).toHaveLength(1);
  });
});
