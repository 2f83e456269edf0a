// The one composition root: assembles and runs the service (database, policies, admin, chat, HTTP,
// socket.io with its cluster adapter, console, periodic jobs, live revocation) and stops it within
// a deadline. main.ts, the tests (server/test-support), the browser tests, the evaluation harness,
// the benchmarks and `npm run db:seed` (openCore) all start it here; helpers wrap it with options.

import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Server as SocketServer } from "socket.io";
import { llmSettingsFromEnv } from "./agent/llm/llm-config.js";
import { OfflineLanguageLayer } from "./agent/offline/offline-layer.js";
import { type AdminBootstrap, ensureAdmin } from "./app/bootstrap/admin.js";
import { ChatService } from "./app/chat/chat-service.js";
import { FIRST_PAGE_WAIT_MS, openFirstPage } from "./app/chat/first-page.js";
import type { Layers } from "./app/chat/turn-runner.js";
import { parseDutyHours } from "./app/console/duty-hours.js";
import { type AppContext, type Clock, systemClock } from "./app/context.js";
import { EventBus } from "./app/events.js";
import { type Channels, channelsFromEnv } from "./app/outreach/channels.js";
import { OutreachService } from "./app/outreach/outreach-service.js";
import { PolicyRegistry } from "./app/policy-registry.js";
import { answerHasher } from "./auth/answer-hash.js";
import { resolveAnswerKey } from "./auth/answer-key.js";
import { ConfigError, type Env, publicUrl } from "./config/env.js";
import { fromRoot } from "./config/paths.js";
import { type ConsoleModule, type ConsoleOptions, createConsole } from "./console.js";
import { type Database, openDatabase } from "./db/open.js";
import { createHttpApp, type HttpOptions } from "./http/app.js";
import { debtorPageRoutes } from "./http/routes/debtor-pages.js";
import { outreachRoutes } from "./http/routes/outreach-routes.js";
import type { Logger } from "./logging/logger.js";
import { createPayments } from "./payments.js";
import { attachClusterAdapter, type ClusterLink } from "./socket/cluster-adapter.js";
import { coalesceWrites } from "./socket/coalesced-writes.js";
import { attachDebtorNamespace } from "./socket/debtor-namespace.js";
import { attachRevocation } from "./socket/revocation.js";

export interface CoreOptions {
  readonly env: Env;
  readonly log: Logger;
  readonly clock?: Clock;
  /** An already open database (tests); otherwise opened from the environment and closed by close(). */
  readonly db?: Database;
  /** Language layers; by default the offline engine (an LLM when configured, see agent/). */
  readonly layers?: Layers;
  /** The policy packs to run (default policies/): the evaluation suite replays a draft folder. */
  readonly policiesDir?: string;
  /** Outreach delivery channels (tests); by default SMTP / SMS API from the environment, or the outbox. */
  readonly channels?: Channels;
}

export interface ServiceOptions extends CoreOptions {
  readonly http?: HttpOptions;
  /** Debtor messages per case: burst and refill per second (benchmarks and evals raise it). */
  readonly debtorRateLimit?: { burst: number; perSecond: number };
  /** The collector console: promise review interval, grace period, built pages folder. */
  readonly console?: ConsoleOptions;
  /**
   * How long close() lets turns in progress finish before abandoning them (default 1000 ms): the
   * whole shutdown stays under 2 s even with clients that no longer answer.
   */
  readonly shutdownGraceMs?: number;
}

/**
 * The context as the composition root holds it: the use cases' context, whose database still
 * carries its client for what inspects storage from outside the use cases (tests, the evals'
 * graders). Use cases receive it as an AppContext, which has no client (decision 0085).
 */
export interface RootContext extends AppContext {
  readonly db: Database;
}

/** The application without its transports: what a script (the demo seed) needs. */
export interface Core {
  readonly ctx: RootContext;
  readonly admin: AdminBootstrap;
  readonly chat: ChatService;
  /** Closes the database when openCore opened it (a script waits for its own work first). */
  close(): Promise<void>;
}

export interface RunningService extends Core {
  readonly url: string;
  readonly server: Server;
  readonly io: SocketServer;
  readonly console: ConsoleModule;
  /** "postgres" when socket.io rooms span every instance sharing the database. */
  readonly cluster: ClusterLink["kind"];
  readonly outreach: OutreachService;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const { env, log } = options;
  try {
    parseDutyHours(env.COLLECTOR_HOURS);
  } catch (error) {
    throw new ConfigError([`COLLECTOR_HOURS: ${(error as Error).message}`]);
  }
  const db = options.db ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const ownDb = !options.db;
  try {
    if (db.appliedMigrations.length) log.info({ migrations: db.appliedMigrations }, "applied migrations");
    const policies = await PolicyRegistry.open(db, options.policiesDir);
    const answerKey = resolveAnswerKey({
      envKey: env.ANSWER_KEY,
      databaseKind: db.kind,
      dataDir: env.DATA_DIR,
    });
    if (answerKey.source === "none")
      log.warn(
        "ANSWER_KEY is not set: debtors' security answers are hashed with scrypt (44 ms of CPU a check); set it on every instance (openssl rand -base64 32)",
      );
    const ctx: RootContext = {
      stores: db.stores,
      db,
      env,
      log,
      policies,
      clock: options.clock ?? systemClock,
      events: new EventBus(),
      answers: answerHasher(answerKey.key),
      publicUrl: publicUrl(env, env.PORT),
    };
    const admin = await ensureAdmin(ctx);
    const offline = new OfflineLanguageLayer();
    // The LLM layer (LangChain and the OpenAI SDK, about 60 MB in memory) is loaded only when one is
    // configured (docs/decisions/0091-idle-memory.md).
    const llm = llmSettingsFromEnv(env);
    const primary = llm
      ? (await import("./agent/llm/index.js")).languageLayerFor(offline, llm, {
          promptsDir: fromRoot("prompts", "llm"),
          turnDeadlineMs: env.TURN_DEADLINE_MS,
          onFallback: (error) => log.warn({ err: error }, "LLM failed; the offline engine answered"),
        })
      : offline;
    const chat = new ChatService(ctx, options.layers ?? { offline, primary });
    log.info(
      { languageLayer: primary.name, model: primary === offline ? null : env.OPENAI_MODEL },
      "language layer",
    );
    return {
      ctx,
      admin,
      chat,
      async close() {
        if (ownDb) await db.close();
      },
    };
  } catch (error) {
    if (ownDb) await db.close();
    throw error;
  }
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { env, log } = options;
  const core = await openCore(options);
  const { ctx, chat } = core;
  const consoleModule = createConsole(ctx, chat, {
    brokenAfterDays: env.PROMISE_BROKEN_AFTER_DAYS,
    ...options.console,
  });
  // Reminders, confirmations and their delivery (issue 16); row locks make it safe on every instance.
  const outreach = new OutreachService(ctx, options.channels ?? channelsFromEnv(env));
  const payments = createPayments(consoleModule.deps);
  const app = createHttpApp(ctx, {
    ...options.http,
    rawBodyRoutes: [payments.beforeBody, ...(options.http?.rawBodyRoutes ?? [])],
    extraRoutes: [
      consoleModule.router,
      outreachRoutes(ctx, outreach),
      payments.router,
      ...(options.http?.extraRoutes ?? []),
      debtorPageRoutes(ctx, {
        history: (token) =>
          openFirstPage(chat, token, FIRST_PAGE_WAIT_MS, (err) => log.error({ err }, "greeting failed")),
      }),
    ],
  });
  const server = createServer(app);
  // Every TCP connection, upgraded websockets included: at shutdown the ones whose clients stopped
  // answering are destroyed instead of holding the process for ws's 30 s close handshake.
  const connections = new Set<Socket>();
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  const io = new SocketServer(server, {
    serveClient: false,
    maxHttpBufferSize: 16_384,
    // Replays room broadcasts missed during a short disconnection (see debtor-namespace.ts). The
    // PostgreSQL adapter cannot replay: there a reconnecting debtor gets the whole history again.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  coalesceWrites(io);
  const cluster = attachClusterAdapter(io, ctx.db, log);
  const debtorNamespace = attachDebtorNamespace(io, chat, ctx, options.debtorRateLimit);
  consoleModule.attach(io);
  const stopRevocation = attachRevocation(io, ctx);
  // ADMIN_PASSWORD changed: the admin's old sessions were revoked; close their sockets everywhere.
  if (core.admin.revokedUserId)
    ctx.events.publish({ type: "access.revoked", scope: "user", id: core.admin.revokedUserId });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(env.PORT, env.HOST, () => resolve());
    });
  } catch (error) {
    await consoleModule.stop();
    debtorNamespace.close();
    await io.close();
    await cluster.close();
    await core.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  if (!env.PUBLIC_URL) ctx.publicUrl = publicUrl(env, port);
  outreach.start(env.OUTREACH_INTERVAL_SECONDS * 1000);
  const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;

  const graceMs = options.shutdownGraceMs ?? 1000;
  let closing: Promise<void> | undefined;
  return {
    ...core,
    url,
    server,
    io,
    console: consoleModule,
    cluster: cluster.kind,
    outreach,
    close() {
      closing ??= (async () => {
        const started = Date.now();
        // 1. Stop accepting connections and starting periodic jobs.
        server.close();
        await outreach.stop();
        await consoleModule.stop();
        stopRevocation();
        // 2. Tell clients to reconnect: io.close() closes every transport without a socket.io
        // disconnect packet, which clients read as "transport close" and reconnect (to another
        // instance behind the proxy). It also closes the cluster adapter.
        const ioClosed = io.close().catch(() => {});
        // 3. Let turns in progress finish, within the grace period; then they are abandoned (a
        // turn commits in one transaction, so an abandoned one leaves nothing half-written).
        await within(chat.idle(), graceMs);
        debtorNamespace.close();
        // 4. Clients that stopped answering never complete the close handshake: cut them.
        server.closeAllConnections();
        for (const socket of connections) socket.destroy();
        await within(ioClosed, 200);
        // 5. Close the database.
        await within(cluster.close(), 300);
        await core.close().catch((error: unknown) => log.warn({ err: error }, "database close failed"));
        log.info({ ms: Date.now() - started }, "service stopped");
      })();
      return closing;
    },
  };
}

/** Waits for `work`, at most `ms` milliseconds. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
