// How a one-time password link reaches a new or locked-out team member: `SendInvitation`, one
// function, so it can later be wired to the shared e-mail outbox. With SMTP_URL it is sent with
// nodemailer; without, it waits in the StaffMail table (and the admin is shown the link to hand over).
import nodemailer from "nodemailer";
import type { Env } from "../../config/env.js";
import type { AppContext } from "../context.js";

export interface InvitationMail {
  readonly to: string;
  readonly purpose: "invite" | "reset";
  readonly role: string;
  readonly link: string;
  readonly expiresAt: Date;
}

export type Delivery = "smtp" | "outbox";
export type SendInvitation = (mail: InvitationMail) => Promise<{ delivery: Delivery }>;

/** Subject and plain text, in French then English (the console has both languages). */
export function invitationText(mail: InvitationMail): { subject: string; text: string } {
  const until = mail.expiresAt.toISOString().slice(0, 16).replace("T", " ");
  if (mail.purpose === "invite")
    return {
      subject: "Invitation à la console amiable / Invitation to the amiable console",
      text: [
        `Vous êtes invité(e) à rejoindre la console amiable (rôle : ${mail.role}).`,
        `Choisissez votre mot de passe ici : ${mail.link}`,
        `Ce lien sert une seule fois et expire le ${until} UTC.`,
        "",
        `You are invited to the amiable console (role: ${mail.role}).`,
        `Choose your password here: ${mail.link}`,
        `This link works once and expires on ${until} UTC.`,
      ].join("\n"),
    };
  return {
    subject: "Nouveau mot de passe amiable / New amiable password",
    text: [
      `Un administrateur a réinitialisé votre mot de passe. Choisissez-en un nouveau : ${mail.link}`,
      `Ce lien sert une seule fois et expire le ${until} UTC.`,
      "",
      `An administrator reset your password. Choose a new one: ${mail.link}`,
      `This link works once and expires on ${until} UTC.`,
    ].join("\n"),
  };
}

export function outboxSender(ctx: Pick<AppContext, "stores">): SendInvitation {
  return async (mail) => {
    await ctx.stores.team.queueStaffMail({ to: mail.to, ...invitationText(mail) });
    return { delivery: "outbox" };
  };
}

export function smtpSender(env: Pick<Env, "SMTP_URL" | "MAIL_FROM">): SendInvitation {
  const transport = nodemailer.createTransport(env.SMTP_URL);
  return async (mail) => {
    await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, ...invitationText(mail) });
    return { delivery: "smtp" };
  };
}

export function invitationSender(ctx: Pick<AppContext, "stores" | "env">): SendInvitation {
  return ctx.env.SMTP_URL ? smtpSender(ctx.env) : outboxSender(ctx);
}
