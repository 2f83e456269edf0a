// The collector console, assembled: its HTTP routes and pages (one router), the /console socket.io
// namespace and the promise review timer. service.ts builds it once the chat service exists, mounts
// `router`, calls `attach(io)` and `stop()` on close.
import { Router } from "express";
import type { Server } from "socket.io";
import type { ChatService } from "./app/chat/chat-service.js";
import { type ConsoleDeps, DEFAULT_BROKEN_AFTER_DAYS } from "./app/console/deps.js";
import { type ReviewResult, startPromiseReviews } from "./app/console/promise-tracker.js";
import type { AppContext } from "./app/context.js";
import type { PeriodicJob } from "./app/jobs.js";
import { startStudioWorker } from "./app/policy-studio/worker.js";
import type { SendInvitation } from "./app/team/mailer.js";
import { consolePages } from "./http/routes/console-pages.js";
import { consoleReportRoutes } from "./http/routes/console-report-routes.js";
import { consoleRoutes } from "./http/routes/console-routes.js";
import { deskRoutes } from "./http/routes/desk-routes.js";
import { policyRoutes } from "./http/routes/policy-routes.js";
import { ssoRoutes } from "./http/routes/sso-routes.js";
import { teamRoutes } from "./http/routes/team-routes.js";
import { attachConsoleNamespace, type ConsoleNamespace } from "./socket/console-namespace.js";

export interface ConsoleOptions {
  /** Grace period before an unpaid instalment breaks its promise (default 7 days). */
  readonly brokenAfterDays?: number;
  /** How often promises are reviewed; 0 disables the timer (tests call the review directly). */
  readonly reviewIntervalMs?: number;
  /** The review job exists but only runs when `reviews.tick()` is called (multi-instance tests). */
  readonly reviewManual?: boolean;
  /** Called after each review this instance ran (tests count them). */
  readonly onReview?: (result: ReviewResult) => void;
  /** Where the built console lives (default web/dist/console). */
  readonly pagesDir?: string;
  /** How often the background job worker looks for work; 0 disables it (default 1 s). */
  readonly jobPollMs?: number;
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
  /** The promise review job once attached (null when disabled). */
  readonly reviews: PeriodicJob | null;
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
  router.use(policyRoutes(ctx));
  router.use(
    teamRoutes(ctx, {
      ...(options.sendInvitation ? { sendInvitation: options.sendInvitation } : {}),
      linkLimit: options.linkLimit,
    }),
  );
  router.use(consolePages(options.pagesDir));
  let namespace: ConsoleNamespace | null = null;
  let reviews: PeriodicJob | null = null;
  let jobs: { stop(): Promise<void> } | null = null;
  return {
    deps,
    router,
    get reviews() {
      return reviews;
    },
    attach(io) {
      namespace = attachConsoleNamespace(io, ctx);
      jobs = startStudioWorker(ctx, options.jobPollMs ?? 1000);
      const interval = options.reviewIntervalMs ?? DEFAULT_REVIEW_INTERVAL_MS;
      if (namespace && (interval > 0 || options.reviewManual)) {
        reviews = startPromiseReviews(ctx, {
          brokenAfterDays: deps.settings.brokenAfterDays,
          chat,
          intervalMs: interval > 0 ? interval : DEFAULT_REVIEW_INTERVAL_MS,
          ...(options.reviewManual ? { manual: true } : {}),
          ...(options.onReview ? { onReview: options.onReview } : {}),
        });
      }
    },
    async stop() {
      namespace?.close();
      await reviews?.stop();
      await jobs?.stop();
    },
  };
}
