// Outreach over HTTP. Public: the one-click unsubscribe page of an e-mail (GET shows a button, POST
// unsubscribes: RFC 8058 clients POST "List-Unsubscribe=One-Click" directly) and the SMS provider's
// inbound webhook (Twilio-style signature, checked). Staff: a case's sequence, pause and resume,
// "send the link now", the outbox with filters, message detail, the letter PDF and the task list.
import { createHmac } from "node:crypto";
import express, { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import {
  inboundSms,
  pauseSequence,
  resumeSequence,
  sendLinkNow,
  unsubscribe,
} from "../../app/outreach/actions.js";
import { caseFileZip, handOff } from "../../app/outreach/hand-off.js";
import type { OutreachService } from "../../app/outreach/outreach-service.js";
import { escapeHtml } from "../../app/outreach/render.js";
import { caseSequence, completeTask, letterPdf, messageDetail, outbox } from "../../app/outreach/views.js";
import { safeEqual } from "../../auth/tokens.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { actorOf, requireRole } from "../middleware/auth.js";

const PAGE = {
  fr: {
    title: "Se désabonner",
    ask: "Ne plus recevoir d'e-mails de relance pour ce dossier ?",
    button: "Me désabonner",
    done: "C'est noté : vous ne recevrez plus d'e-mails de relance pour ce dossier. Les confirmations de vos propres démarches restent envoyées.",
    invalid: "Ce lien n'est pas valide.",
  },
  en: {
    title: "Unsubscribe",
    ask: "Stop receiving reminder e-mails about this account?",
    button: "Unsubscribe",
    done: "Done: you will receive no more reminder e-mails about this account. Confirmations of your own actions are still sent.",
    invalid: "This link is not valid.",
  },
} as const;

function page(lang: "fr" | "en", body: string): string {
  const w = PAGE[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(w.title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#18181b}button{font-size:1rem;padding:.6rem 1.2rem}</style></head><body>${body}</body></html>`;
}

/** Twilio's scheme: base64 HMAC-SHA1 of the full URL followed by the sorted POST params (key+value). */
export function smsSignature(secret: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac("sha1", secret).update(data, "utf8").digest("base64");
}

const inboundSmsBody = z
  .object({ From: z.string().regex(/^\+[1-9]\d{7,14}$/), Body: z.string().max(1600) })
  .loose();
const sendLinkBody = z.object({ channel: z.enum(["email", "sms"]) }).strict();

export function outreachRoutes(ctx: AppContext, service: OutreachService): Router {
  const router = Router();
  const staff = requireRole(ctx, "collector", "admin");
  const form = express.urlencoded({ extended: false, limit: "16kb" });

  router.get("/u/:token", async (req, res) => {
    res.setHeader("cache-control", "no-store");
    res.setHeader("referrer-policy", "no-referrer");
    const lang = req.acceptsLanguages("fr", "en") === "fr" ? "fr" : "en";
    const w = PAGE[lang];
    // GET never unsubscribes: mail scanners follow links; the button POSTs.
    res
      .type("html")
      .send(
        page(
          lang,
          `<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.ask)}</p><form method="post"><button type="submit">${escapeHtml(w.button)}</button></form>`,
        ),
      );
  });

  router.post("/u/:token", form, async (req, res) => {
    res.setHeader("cache-control", "no-store");
    const done = await unsubscribe(ctx, req.params.token);
    const lang = done?.locale ?? "en";
    if (!done) {
      res
        .status(404)
        .type("html")
        .send(page(lang, `<p>${escapeHtml(PAGE[lang].invalid)}</p>`));
      return;
    }
    res
      .type("html")
      .send(page(lang, `<h1>${escapeHtml(PAGE[lang].title)}</h1><p>${escapeHtml(PAGE[lang].done)}</p>`));
  });

  router.post("/api/outreach/sms/inbound", form, async (req, res) => {
    const secret = ctx.env.SMS_API_KEY;
    const params = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    const given = req.get("x-twilio-signature") ?? "";
    const expected = secret ? smsSignature(secret, `${ctx.publicUrl}${req.originalUrl}`, params) : "";
    if (!secret || !given || !safeEqual(given, expected))
      throw new AppError("unauthenticated", "Bad or missing webhook signature.");
    const body = parseOrThrow(inboundSmsBody, params, "inbound SMS");
    await inboundSms(ctx, body.From, body.Body);
    res.type("text/xml").send("<Response></Response>");
  });

  router.get("/api/cases/:id/outreach", staff, async (req, res) => {
    res.json(await caseSequence(ctx, parseOrThrow(z.uuid(), req.params.id, "case id")));
  });
  router.post("/api/cases/:id/outreach/pause", staff, async (req, res) => {
    const id = parseOrThrow(z.uuid(), req.params.id, "case id");
    await pauseSequence(ctx, actorOf(req), id);
    res.json(await caseSequence(ctx, id));
  });
  router.post("/api/cases/:id/outreach/resume", staff, async (req, res) => {
    const id = parseOrThrow(z.uuid(), req.params.id, "case id");
    await resumeSequence(ctx, actorOf(req), id);
    await service.tick();
    res.json(await caseSequence(ctx, id));
  });
  router.post("/api/cases/:id/outreach/send-link", staff, async (req, res) => {
    const id = parseOrThrow(z.uuid(), req.params.id, "case id");
    const { channel } = parseOrThrow(sendLinkBody, req.body ?? {}, "send-link request");
    res.status(201).json(await sendLinkNow(ctx, service, actorOf(req), id, channel));
  });
  router.get("/api/outreach/messages", staff, async (req, res) => {
    res.json(await outbox(ctx, req.query));
  });
  router.get("/api/outreach/messages/:id", staff, async (req, res) => {
    res.json(await messageDetail(ctx, parseOrThrow(z.uuid(), req.params.id, "message id")));
  });
  router.get("/api/outreach/messages/:id/letter.pdf", staff, async (req, res) => {
    const { pdf, filename } = await letterPdf(ctx, parseOrThrow(z.uuid(), req.params.id, "message id"));
    res.setHeader("content-type", "application/pdf");
    res.setHeader("content-disposition", `attachment; filename="${filename}"`);
    res.setHeader("cache-control", "no-store");
    res.send(pdf);
  });
  router.get("/api/outreach/tasks", staff, async (_req, res) => {
    res.json(await outbox(ctx, { channel: "task", status: "open" }));
  });
  router.post("/api/outreach/tasks/:id/done", staff, async (req, res) => {
    res.json(await completeTask(ctx, actorOf(req), parseOrThrow(z.uuid(), req.params.id, "task id")));
  });
  router.post("/api/cases/:id/hand-off", staff, async (req, res) => {
    const id = parseOrThrow(z.uuid(), req.params.id, "case id");
    res.json(await handOff(ctx, actorOf(req), id, req.body ?? {}));
  });
  router.get("/api/cases/:id/case-file.zip", staff, async (req, res) => {
    const { zip, filename } = await caseFileZip(ctx, parseOrThrow(z.uuid(), req.params.id, "case id"));
    res.setHeader("content-type", "application/zip");
    res.setHeader("content-disposition", `attachment; filename="${filename}"`);
    res.setHeader("cache-control", "no-store");
    res.send(zip);
  });
  return router;
}
