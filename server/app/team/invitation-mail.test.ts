// The invitation and password-reset e-mails through a real SMTP server (smtp-server in the test):
// what a new collector receives, in the inviting admin's language, with a one-time link that sets the
// password once and then logging in works. Without an SMTP server, or when it refuses the address,
// the mail waits in the outbox and the admin is given the link to hand over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../logging/logger.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { SmtpSink } from "../../test-support/smtp-sink.js";
import { invitationSender } from "./mailer.js";

const NEW_PASSWORD = "une-phrase-de-passe-2026";
const REFUSED = "bounce@example.com";
const LINK = /https?:\/\/\S+\/console\/password#token=[A-Za-z0-9_-]{43}/;

describe("invitation e-mails through a real SMTP server", () => {
  const sink = new SmtpSink(new Set([REFUSED]));
  let t: ConsoleTestService;
  beforeAll(async () => {
    const url = await sink.listen();
    t = await startConsoleTestService("pglite", {
      env: { SMTP_URL: url, MAIL_FROM: "amiable <equipe@amiable.example>" },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.close();
  });

  const invite = (body: Record<string, unknown>) =>
    t.api("POST", "/api/users", { token: t.tokens.admin, body });
  const linkIn = (text: string | undefined) => LINK.exec(text ?? "")?.[0] ?? "";
  const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, "");
  const login = (email: string, password: string) =>
    t.api("POST", "/api/login", { body: { email, password } });

  it("sends the invitation in the admin's French; its link sets the password once, then logging in works", async () => {
    const res = await invite({ email: "Nouvelle.Recrue@Example.com", role: "collector", language: "fr" });
    expect(res.status).toBe(201);
    // Sent by e-mail: the admin is not handed the link.
    expect(res.body.invitation).toMatchObject({ purpose: "invite", delivery: "smtp" });
    expect(res.body.invitation.link).toBeUndefined();
    expect(await t.db.prisma.staffMail.count({ where: { to: "nouvelle.recrue@example.com" } })).toBe(0);

    const [mail, ...more] = sink.to("nouvelle.recrue@example.com");
    expect(more).toEqual([]);
    expect(mail?.subject).toBe("Votre accès à la console amiable");
    expect(mail?.from?.text).toBe('"amiable" <equipe@amiable.example>');
    const text = mail?.text ?? "";
    expect(text).toContain(
      "admin@test.local vous invite à rejoindre la console amiable en tant que conseiller.",
    );
    expect(text).toMatch(
      /Ce lien ne sert qu'une fois et expire le \w+ \d{1,2} \w+ 20\d\d à \d\d:\d\d \(heure de Paris\)/,
    );
    expect(text).not.toMatch(/You are invited|invites you|collector/);
    const link = linkIn(text);
    expect(link.startsWith(`${t.service.ctx.publicUrl}/console/password#token=`)).toBe(true);
    // The HTML part carries the same link behind a button-like anchor.
    expect(mail?.html).toContain(`<a href="${link}">Choisir mon mot de passe</a>`);

    const token = tokenOf(link);
    const check = await t.api("POST", "/api/password-links/check", { body: { token } });
    expect(check.body).toMatchObject({ email: "nouvelle.recrue@example.com", purpose: "invite" });
    const used = await t.api("POST", "/api/password-links/use", { body: { token, password: NEW_PASSWORD } });
    expect(used.status).toBe(200);
    const again = await t.api("POST", "/api/password-links/use", { body: { token, password: NEW_PASSWORD } });
    expect(again.status).toBe(401);
    const logged = await login("nouvelle.recrue@example.com", NEW_PASSWORD);
    expect(logged.status).toBe(200);
    expect(logged.body.user.role).toBe("collector");
  });

  it("sends a password reset in English with a new link; the new password works, the old one no more", async () => {
    const created = await invite({ email: "reset.me@example.com", role: "policy_editor", language: "en" });
    const [invitation] = sink.to("reset.me@example.com");
    expect(invitation?.subject).toBe("Your access to the amiable console");
    expect(invitation?.text).toContain(
      "admin@test.local invites you to join the amiable console as a policy editor.",
    );
    const first = tokenOf(linkIn(invitation?.text));
    await t.api("POST", "/api/password-links/use", { body: { token: first, password: NEW_PASSWORD } });

    const reset = await t.api("POST", `/api/users/${created.body.user.id}/password-reset`, {
      token: t.tokens.admin,
      body: { language: "en" },
    });
    expect(reset.status).toBe(201);
    expect(reset.body.invitation).toMatchObject({ purpose: "reset", delivery: "smtp" });
    const mails = sink.to("reset.me@example.com");
    expect(mails).toHaveLength(2);
    const mail = mails[1];
    expect(mail?.subject).toBe("Choose a new amiable password");
    expect(mail?.text).toContain(
      "admin@test.local reset the password of your amiable account (reset.me@example.com).",
    );
    expect(mail?.text).toMatch(/expires on \w+,? \d{1,2} \w+ 20\d\d(,| at) \d\d:\d\d UTC\./);
    const token = tokenOf(linkIn(mail?.text));
    expect(token).not.toBe(first);
    const newer = `${NEW_PASSWORD}-bis`;
    expect(
      (await t.api("POST", "/api/password-links/use", { body: { token, password: newer } })).status,
    ).toBe(200);
    expect((await login("reset.me@example.com", newer)).status).toBe(200);
    expect((await login("reset.me@example.com", NEW_PASSWORD)).status).toBe(401);
  });

  it("writes French then English when an API client does not say which, and refuses another language", async () => {
    const res = await invite({ email: "api.client@example.com", role: "admin" });
    expect(res.status).toBe(201);
    const [mail] = sink.to("api.client@example.com");
    expect(mail?.subject).toBe("Votre accès à la console amiable / Your access to the amiable console");
    const text = mail?.text ?? "";
    expect(text.indexOf("en tant qu'administrateur")).toBeGreaterThan(-1);
    expect(text.indexOf("as an administrator")).toBeGreaterThan(text.indexOf("en tant qu'administrateur"));
    // One link, the same in both languages.
    expect(new Set(text.match(new RegExp(LINK, "g")))).toHaveProperty("size", 1);

    const bad = await invite({ email: "x@example.com", role: "collector", language: "de" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: "language", message: "must be fr or en" }]);
  });

  it("keeps the invitation in the outbox and gives the admin the link when the SMTP server refuses it", async () => {
    const res = await invite({ email: REFUSED, role: "collector", language: "fr" });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({ purpose: "invite", delivery: "outbox" });
    expect(res.body.invitation.link).toMatch(LINK);
    expect(sink.to(REFUSED)).toEqual([]);
    const kept = await t.db.prisma.staffMail.findFirstOrThrow({ where: { to: REFUSED } });
    expect(kept.subject).toBe("Votre accès à la console amiable");
    expect(kept.text).toContain(res.body.invitation.link);
  });

  it("logs an SMTP refusal with the SMTP code only: no address, no link", async () => {
    const lines: string[] = [];
    const log = createLogger("info", { write: (line: string) => void lines.push(line) });
    const send = invitationSender({ stores: t.service.ctx.stores, env: t.service.ctx.env, log });
    const link = `${t.service.ctx.publicUrl}/console/password#token=${"x".repeat(43)}`;
    const sent = await send({
      to: REFUSED,
      purpose: "reset",
      role: "",
      link,
      expiresAt: new Date("2026-12-10T11:30:00Z"),
      invitedBy: "admin@test.local",
    });
    expect(sent).toEqual({ delivery: "outbox" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 40,
      msg: "invitation e-mail not sent by SMTP: kept in the outbox",
      purpose: "reset",
      responseCode: 550,
    });
    expect(lines[0]).not.toContain(REFUSED);
    expect(lines[0]).not.toContain("admin@test.local");
    expect(lines[0]).not.toContain("token=");
  });
});

describe("invitation e-mails without an SMTP server", () => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("puts the invitation in the outbox and hands the admin the link", async () => {
    const res = await t.api("POST", "/api/users", {
      token: t.tokens.admin,
      body: { email: "sans.smtp@example.com", role: "collector", language: "fr" },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({ purpose: "invite", delivery: "outbox" });
    const mail = await t.db.prisma.staffMail.findFirstOrThrow({ where: { to: "sans.smtp@example.com" } });
    expect(mail.subject).toBe("Votre accès à la console amiable");
    expect(mail.text).toContain(res.body.invitation.link);
    expect(mail.text).toContain("en tant que conseiller");
  });
});
