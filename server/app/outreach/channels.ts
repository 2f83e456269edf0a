// Delivery channels. E-mail through SMTP (nodemailer) when SMTP_URL is set, SMS through a
// Twilio-style HTTP API when SMS_PROVIDER_URL is set; otherwise the message stays in the outbox table
// (the console shows it), which is how `npm start` demonstrates the sequences without any server.
// A refused recipient (5xx, or an HTTP 4xx from the SMS API) is permanent: recorded, not retried.
import type { Env } from "../../config/env.js";

export type DeliveryResult =
  | { readonly ok: true; readonly transport: string }
  | { readonly ok: false; readonly permanent: boolean; readonly error: string };

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** One-click unsubscribe URL: List-Unsubscribe (RFC 2369) with List-Unsubscribe-Post (RFC 8058). */
  readonly unsubscribeUrl?: string;
  readonly attachments?: readonly { filename: string; content: Buffer; contentType: string }[];
}

export interface Channels {
  email(message: OutgoingEmail): Promise<DeliveryResult>;
  sms(to: string, body: string): Promise<DeliveryResult>;
}

const OUTBOX: DeliveryResult = { ok: true, transport: "outbox" };

function smtpFailure(error: unknown): DeliveryResult {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const code = e.responseCode;
  // Only the SMTP reply code and nodemailer's error code are kept: the message may quote the address.
  const what = code ? `SMTP ${code}` : `SMTP ${e.code ?? "error"}`;
  return { ok: false, permanent: code !== undefined && code >= 500, error: what };
}

/** nodemailer (about 40 modules) is imported on the first e-mail, not at boot (decision 0106). */
const smtpTransport = (url: string) =>
  import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(url));

export function channelsFromEnv(env: Env): Channels {
  const url = env.SMTP_URL;
  let transport: ReturnType<typeof smtpTransport> | undefined;
  return {
    async email(m) {
      if (!url) return OUTBOX;
      try {
        transport ??= smtpTransport(url);
        const info = await (await transport).sendMail({
          from: env.MAIL_FROM,
          to: m.to,
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
          ...(m.unsubscribeUrl
            ? {
                list: { unsubscribe: m.unsubscribeUrl },
                headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
              }
            : {}),
          ...(m.attachments ? { attachments: m.attachments.map((a) => ({ ...a })) } : {}),
        });
        if (info.rejected.length > 0) return { ok: false, permanent: true, error: "SMTP recipient refused" };
        return { ok: true, transport: "smtp" };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    async sms(to, body) {
      if (!env.SMS_PROVIDER_URL) return OUTBOX;
      try {
        const res = await fetch(env.SMS_PROVIDER_URL, {
          method: "POST",
          headers: {
            authorization: `Bearer ${env.SMS_API_KEY ?? ""}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ To: to, From: env.SMS_FROM ?? "", Body: body }).toString(),
          signal: AbortSignal.timeout(15_000),
        });
        if (res.ok) return { ok: true, transport: "sms-api" };
        const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
        return { ok: false, permanent, error: `SMS API ${res.status}` };
      } catch (error) {
        return { ok: false, permanent: false, error: `SMS API ${(error as Error).name}` };
      }
    },
  };
}
