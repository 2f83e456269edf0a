// The collector console, assembled: its HTTP routes and pages (one router), the /console socket.io
// namespace and the promise review timer. service.ts builds it once the chat service exists, mounts
// `router`, calls `attach(io)` and `stop()` on close.
import { Router } from "express";
import type { Server } from "socket.io";
import type { ChatService } from "./app/chat/chat-service.js";
import { type ConsoleDeps, DEFAULT_BROKEN_AFTER_DAYS } from "./app/console/deps.js";
import { startPromiseReviews } from "./app/console/promise-tracker.js";
import type { AppContext } from "./app/context.js";
import type { SendInvitation } from "./app/team/mailer.js";
import { consolePages } from "./http/routes/console-pages.js";
import { consoleReportRoutes } from "./http/routes/console-report-routes.js";
import { consoleRoutes } from "./http/routes/console-routes.js";
import { deskRoutes } from "./http/routes/desk-routes.js";
import { ssoRoutes } from "./http/routes/sso-routes.js";
import { teamRoutes } from "./http/routes/team-routes.js";
import { attachConsoleNamespace, type ConsoleNamespace } from "./socket/console-namespace.js";

export interface ConsoleOptions {
  /** Grace period before an unpaid instalment breaks its promise (default 7 days). */
  readonly brokenAfterDays?: number;
  /** How often promises are reviewed; 0 disables the timer (tests call the review directly). */
  readonly reviewIntervalMs?: number;
  /** Where the built console lives (default web/dist/console). */
  readonly pagesDir?: string;
  /** How invitation and reset links are sent (default: SMTP_URL, else the StaffMail outbox). */
  readonly sendInvitation?: SendInvitation;
  /** Requests per window to the public password-link routes (tests raise it). */
  readonly linkLimit?: number;
}

export const DEFAULT_REVIEW_INTERVAL_MS = 15 * 60_000;

export interface ConsoleModule {
  readonly deps: ConsoleDeps;
  /** Mount before the case routes: it serves GET /api/cases with the console's filters. */
  readonly router: Router;
  attach(io: Server): void;
  stop(): Promise<void>;
}

export function createConsole(
  ctx: AppContext,
  chat: ChatService,
  options: ConsoleOptions = {},
): ConsoleModule {
  const deps: ConsoleDeps = {
    ctx,
    chat,
    settings: { brokenAfterDays: options.brokenAfterDays ?? DEFAULT_BROKEN_AFTER_DAYS },
  };
  const router = Router();
  router.use(consoleReportRoutes(deps));
  router.use(deskRoutes(deps));
  router.use(ssoRoutes(ctx, { limit: options.linkLimit }));
  router.use(consoleRoutes(deps));
  router.use(
    teamRoutes(ctx, {
      ...(options.sendInvitation ? { sendInvitation: options.sendInvitation } : {}),
      linkLimit: options.linkLimit,
    }),
  );
  router.use(consolePages(options.pagesDir));
  let namespace: ConsoleNamespace | null = null;
  let reviews: { stop(): Promise<void> } | null = null;
  return {
    deps,
    router,
    attach(io) {
      namespace = attachConsoleNamespace(io, ctx, chat);
      const interval = options.reviewIntervalMs ?? DEFAULT_REVIEW_INTERVAL_MS;
      if (namespace && interval > 0) {
        reviews = startPromiseReviews(ctx, {
          brokenAfterDays: deps.settings.brokenAfterDays,
          chat,
          intervalMs: interval,
        });
      }
    },
    async stop() {
      namespace?.close();
      await reviews?.stop();
    },
  };
}
