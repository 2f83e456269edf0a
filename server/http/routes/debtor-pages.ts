// The debtor's pages: the chat page behind /c/<token> (the built web app), its header data, the
// receipt (PDF) and calendar (.ics) of the case's own promises, the widget script and the static
// assets. A link that cannot open the chat gets a bilingual page saying what to do instead.
// The token is a secret: it is never logged (see scrubPath) nor echoed in a page.

import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import express, { type Response, Router } from "express";
import { INLINE_HISTORY_ID, type InlineHistory } from "../../../contract/debtor-page.js";
import type { AppContext } from "../../app/context.js";
import { payNowConfigured } from "../../app/payments/instructions.js";
import type { DebtorLinkRow } from "../../app/ports/payments.js";
import { loadReceipt } from "../../app/receipts/receipt-data.js";
import { buildReceiptIcs } from "../../app/receipts/receipt-ics.js";
import { buildReceiptPdf } from "../../app/receipts/receipt-pdf.js";
import { fileStem } from "../../app/receipts/receipt-text.js";
import { hashToken, looksLikeToken } from "../../auth/tokens.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { precompressed } from "../middleware/precompressed.js";
import { LINK_PAGE_CSS, LINK_PAGE_CSS_PATH, type LinkProblem, linkProblemPage } from "./debtor-link-page.js";
import { prerenderConversation } from "./debtor-prerender.js";
import { inlineJson } from "./inline-json.js";

export interface DebtorPageOptions {
  /** The vite build output (web/dist), resolved from the working directory by default. */
  readonly webDist?: string;
  /** Origins allowed to frame the chat page (the widget on creditors' sites). Default: any. */
  readonly frameAncestors?: readonly string[];
  /**
   * Opens a live link (or throws the contract's link error) and gives what reads the conversation
   * so far, written into the chat page so that it shows before the socket connects (decisions 0092
   * and 0105: a returning debtor's page is one statement). Without it the page carries no history.
   */
  readonly history?: (token: string) => Promise<() => Promise<InlineHistory | null>>;
}

type LinkState =
  | { readonly kind: "live"; readonly link: DebtorLinkRow }
  | { readonly kind: LinkProblem; readonly link?: DebtorLinkRow };

const PROMISE_FILE = {
  pdf: /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i,
  ics: /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i,
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export function debtorPageRoutes(ctx: AppContext, options: DebtorPageOptions = {}): Router {
  const dist = resolve(options.webDist ?? "web/dist");
  const ancestors = (options.frameAncestors ?? ["*"]).join(" ");
  const router = Router();

  async function linkState(token: string): Promise<LinkState> {
    if (!looksLikeToken(token)) return { kind: "invalid" };
    const link = await ctx.stores.debtorPages.link(hashToken(token));
    if (!link) return { kind: "invalid" };
    if (link.revokedAt || link.expiresAt <= ctx.clock.now()) return { kind: "expired", link };
    if (link.case.conversation?.lockedAt) return { kind: "locked", link };
    return { kind: "live", link };
  }

  /** The live link of a JSON or download request, or the link error of the contract. */
  async function liveLink(token: string): Promise<DebtorLinkRow> {
    const state = await linkState(token);
    if (state.kind === "live") return state.link;
    if (state.kind === "locked")
      throw new AppError("link_locked", "This link is locked. A member of our team will contact you.");
    throw new AppError("link_invalid", "This link is not valid or has expired.");
  }

  /** The chat page may sit in the widget's iframe on a creditor's site. */
  function allowFraming(res: Response): void {
    const csp = res.getHeader("content-security-policy");
    if (typeof csp === "string") {
      res.setHeader(
        "content-security-policy",
        csp
          .replace(/frame-ancestors[^;]*/, `frame-ancestors ${ancestors}`)
          // The creditor's logo (an https URL an admin set) may come from its own site.
          .replace(/img-src([^;]*)/, "img-src$1 https:"),
      );
    }
    res.removeHeader("x-frame-options");
  }

  // Hashed names change with their content: cached for a year, sent precompressed when accepted.
  router.use(
    "/assets",
    precompressed(join(dist, "assets"), { cacheControl: "public, max-age=31536000, immutable" }),
  );
  router.use(
    "/assets",
    express.static(join(dist, "assets"), {
      index: false,
      immutable: true,
      maxAge: "365d",
      fallthrough: true,
    }),
  );
  router.get(
    "/widget.js",
    precompressed(dist, {
      cacheControl: "public, max-age=3600",
      headers: { "cross-origin-resource-policy": "cross-origin" },
    }),
  );
  router.get("/widget.js", (_req, res, next) => {
    res.sendFile(
      join(dist, "widget.js"),
      { maxAge: "1h", headers: { "cross-origin-resource-policy": "cross-origin" } },
      (err) => {
        if (err) next(notFound("Widget"));
      },
    );
  });
  router.get(LINK_PAGE_CSS_PATH, (_req, res) => {
    res.type("text/css").set("cache-control", "public, max-age=3600").send(LINK_PAGE_CSS);
  });

  router.get("/c/:token", async (req, res) => {
    res.set("cache-control", "no-store");
    allowFraming(res);
    // A live link opens with its conversation in one statement; a dead one (or HEAD, or a page
    // without history) is looked at apart, with what its problem page needs.
    let inlineHistory: (() => Promise<InlineHistory | null>) | undefined;
    if (options.history && req.method !== "HEAD") {
      try {
        inlineHistory = await options.history(req.params.token);
      } catch (error) {
        if (!(error instanceof AppError))
          ctx.log.error({ err: error }, "the chat page's link failed to open");
      }
    }
    if (!inlineHistory) {
      const state = await linkState(req.params.token);
      if (state.kind !== "live") {
        const creditor = state.link?.case.creditor;
        res
          .status(state.kind === "locked" ? 423 : 404)
          .type("html")
          .send(linkProblemPage(state.kind, creditor));
        return;
      }
    }
    let html: string;
    try {
      html = await readFile(join(dist, "debtor", "index.html"), "utf8");
    } catch {
      ctx.log.error({ dist }, "the debtor page is not built: run `vite build --config web/vite.config.ts`");
      res.status(503).type("text/plain").send("Service indisponible / Service unavailable");
      return;
    }
    res.type("html");
    if (!inlineHistory) {
      res.send(html);
      return;
    }
    // Everything before </body> leaves at once, so that the browser fetches the scripts and styles
    // while the conversation is read (and a first visit greeted); the module script runs only once
    // the document is complete, so it always finds the history element. The conversation comes
    // twice: as HTML the debtor reads at once (decision 0125), and as data for the app.
    const cut = html.lastIndexOf("</body>");
    const [head, tail] = cut >= 0 ? [html.slice(0, cut), html.slice(cut)] : [html, ""];
    res.status(200).write(head);
    let inline = "";
    try {
      const found = await inlineHistory();
      if (found)
        inline =
          prerenderConversation(found.messages, found.locale ?? "fr") + inlineJson(INLINE_HISTORY_ID, found);
    } catch (error) {
      // The database failed meanwhile: the socket says or brings it.
      if (!(error instanceof AppError)) ctx.log.error({ err: error }, "the chat page's history failed");
    }
    res.end(`${inline}${tail}`);
  });

  router.get("/c/:token/info", async (req, res) => {
    const link = await liveLink(req.params.token);
    const c = link.case;
    const verified = Boolean(c.conversation?.verifiedAt);
    // Before the debtor has answered the verification question, only what the letter already says.
    const promises = verified ? await ctx.stores.debtorPages.promisesOfCase(link.caseId) : [];
    res.set("cache-control", "no-store").json({
      creditor: {
        name: c.creditor.name,
        ...(c.creditor.displayName ? { displayName: c.creditor.displayName } : {}),
        ...(c.creditor.logoUrl ? { logoUrl: c.creditor.logoUrl } : {}),
        ...(c.creditor.contactEmail ? { contactEmail: c.creditor.contactEmail } : {}),
        ...(c.creditor.contactPhone ? { contactPhone: c.creditor.contactPhone } : {}),
      },
      locale: c.debtor.locale,
      timeZone: c.debtor.timeZone,
      status: c.status,
      verified,
      ...(verified ? { reference: c.reference } : {}),
      // Whether the offer card may offer "Accept and pay now" (Stripe Checkout is configured).
      payNow: verified && payNowConfigured(ctx),
      promises: promises.map((p) => ({
        id: p.id,
        offerId: p.offerId,
        status: p.status,
        total: Number(p.total),
        currency: p.currency,
        acceptedAt: p.acceptedAt.toISOString(),
        instalments: p.instalments.map((i) => ({
          seq: i.seq,
          dueDate: day(i.dueDate),
          amount: Number(i.amount),
        })),
      })),
    });
  });

  async function receiptFor(token: string, file: string, pattern: RegExp) {
    const link = await liveLink(token);
    const promiseId = pattern.exec(file)?.[1]?.toLowerCase();
    if (!promiseId) throw notFound("Receipt");
    const data = await loadReceipt(ctx, link.caseId, promiseId);
    if (!data) throw notFound("Receipt");
    return data;
  }

  router.get("/c/:token/receipt/:file", async (req, res) => {
    const data = await receiptFor(req.params.token, req.params.file, PROMISE_FILE.pdf);
    const pdf = await buildReceiptPdf(data);
    res
      .set({
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${fileStem(data)}.pdf"`,
        "cache-control": "no-store",
      })
      .send(pdf);
  });

  router.get("/c/:token/calendar/:file", async (req, res) => {
    const data = await receiptFor(req.params.token, req.params.file, PROMISE_FILE.ics);
    res
      .set({
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${fileStem(data)}.ics"`,
        "cache-control": "no-store",
      })
      .send(buildReceiptIcs(data));
  });
  return router;
}
