// How a one-time password link reaches a new or locked-out team member: `SendInvitation`, one
// function, so it can later be wired to the shared e-mail outbox. With SMTP_URL it is sent with
// nodemailer; without (or when the SMTP server refuses it), it waits in the StaffMail table and the
// admin is shown the link to hand over. The words are in invitation-text.ts.
import type { Env } from "../../config/env.js";
import type { AppContext } from "../context.js";
import { type InvitationMail, invitationText } from "./invitation-text.js";

export type { InvitationMail } from "./invitation-text.js";

export type Delivery = "smtp" | "outbox";
export type SendInvitation = (mail: InvitationMail) => Promise<{ delivery: Delivery }>;

export function outboxSender(ctx: Pick<AppContext, "stores">): SendInvitation {
  return async (mail) => {
    const { subject, text } = invitationText(mail);
    await ctx.stores.team.queueStaffMail({ to: mail.to, subject, text });
    return { delivery: "outbox" };
  };
}

/** nodemailer is imported on the first invitation sent, not at boot (decision 0106). */
const smtpTransport = (url: string | undefined) =>
  import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(url));

export function smtpSender(env: Pick<Env, "SMTP_URL" | "MAIL_FROM">): SendInvitation {
  let transport: ReturnType<typeof smtpTransport> | undefined;
  return async (mail) => {
    transport ??= smtpTransport(env.SMTP_URL);
    await (await transport).sendMail({ from: env.MAIL_FROM, to: mail.to, ...invitationText(mail) });
    return { delivery: "smtp" };
  };
}

/**
 * SMTP when configured; when the server refuses or cannot be reached, the mail waits in the outbox
 * and the admin is given the link to hand over (the account exists already: no invitation is lost).
 * The log says why without the address (no personal data in logs).
 */
export function invitationSender(ctx: Pick<AppContext, "stores" | "env" | "log">): SendInvitation {
  const outbox = outboxSender(ctx);
  if (!ctx.env.SMTP_URL) return outbox;
  const smtp = smtpSender(ctx.env);
  return async (mail) => {
    try {
      return await smtp(mail);
    } catch (error) {
      const e = error as { code?: string; responseCode?: number };
      ctx.log.warn(
        { purpose: mail.purpose, code: e.code, responseCode: e.responseCode },
        "invitation e-mail not sent by SMTP: kept in the outbox",
      );
      return outbox(mail);
    }
  };
}
