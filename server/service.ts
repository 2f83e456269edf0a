// Assembles and runs the service: database (migrated), policies, admin, HTTP and socket.io.
// Used by main.ts and by the tests, which start real listening servers on port 0.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as SocketServer } from "socket.io";
import { languageLayerFor, llmSettingsFromEnv } from "./agent/llm/index.js";
import { OfflineLanguageLayer } from "./agent/offline/offline-layer.js";
import { type AdminBootstrap, ensureAdmin } from "./app/bootstrap/admin.js";
import { ChatService } from "./app/chat/chat-service.js";
import type { Layers } from "./app/chat/turn-runner.js";
import { parseDutyHours } from "./app/console/duty-hours.js";
import { type AppContext, type Clock, systemClock } from "./app/context.js";
import { EventBus } from "./app/events.js";
import { PolicyRegistry } from "./app/policy-registry.js";
import { ConfigError, type Env, publicUrl } from "./config/env.js";
import { fromRoot } from "./config/paths.js";
import { createConsole } from "./console.js";
import { type Database, openDatabase } from "./db/open.js";
import { createHttpApp, type HttpOptions } from "./http/app.js";
import { debtorPageRoutes } from "./http/routes/debtor-pages.js";
import type { Logger } from "./logging/logger.js";
import { createPayments } from "./payments.js";
import { attachDebtorNamespace } from "./socket/debtor-namespace.js";

export interface ServiceOptions {
  readonly env: Env;
  readonly log: Logger;
  readonly clock?: Clock;
  /** An already open database (tests); otherwise opened from the environment. */
  readonly db?: Database;
  readonly http?: HttpOptions;
  /** Language layers; by default the offline engine (an LLM when configured, see agent/). */
  readonly layers?: Layers;
  /** Debtor messages per connection: burst and refill per second (benchmarks and evals raise it). */
  readonly debtorRateLimit?: { burst: number; perSecond: number };
  /** The policy packs to run (default policies/): the evaluation suite replays a draft folder. */
  readonly policiesDir?: string;
}

export interface RunningService {
  readonly ctx: AppContext;
  readonly url: string;
  readonly server: Server;
  readonly admin: AdminBootstrap;
  readonly chat: ChatService;
  readonly io: SocketServer;
  close(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { env, log } = options;
  try {
    parseDutyHours(env.COLLECTOR_HOURS);
  } catch (error) {
    throw new ConfigError([`COLLECTOR_HOURS: ${(error as Error).message}`]);
  }
  const db = options.db ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  if (db.appliedMigrations.length) log.info({ migrations: db.appliedMigrations }, "applied migrations");
  const policies = await PolicyRegistry.open(db, options.policiesDir);
  const ctx: AppContext = {
    db,
    env,
    log,
    policies,
    clock: options.clock ?? systemClock,
    events: new EventBus(),
    publicUrl: publicUrl(env, env.PORT),
  };
  const admin = await ensureAdmin(ctx);
  const offline = new OfflineLanguageLayer();
  const primary = languageLayerFor(offline, llmSettingsFromEnv(env), {
    promptsDir: fromRoot("prompts", "llm"),
    onFallback: (error) => log.warn({ err: error }, "LLM failed; the offline engine answered"),
  });
  const chat = new ChatService(ctx, options.layers ?? { offline, primary });
  log.info(
    { languageLayer: primary.name, model: primary === offline ? null : env.OPENAI_MODEL },
    "language layer",
  );
  const consoleModule = createConsole(ctx, chat, { brokenAfterDays: env.PROMISE_BROKEN_AFTER_DAYS });
  const payments = createPayments(consoleModule.deps);
  const app = createHttpApp(ctx, {
    ...options.http,
    rawBodyRoutes: [payments.beforeBody, ...(options.http?.rawBodyRoutes ?? [])],
    extraRoutes: [
      consoleModule.router,
      payments.router,
      ...(options.http?.extraRoutes ?? []),
      debtorPageRoutes(ctx),
    ],
  });
  const server = createServer(app);
  const io = new SocketServer(server, {
    serveClient: false,
    maxHttpBufferSize: 16_384,
    // Replays room broadcasts missed during a short disconnection (see debtor-namespace.ts).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  attachDebtorNamespace(io, chat, ctx, options.debtorRateLimit);
  consoleModule.attach(io);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (!env.PUBLIC_URL) ctx.publicUrl = publicUrl(env, port);
  const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    ctx,
    url,
    server,
    admin,
    chat,
    io,
    close() {
      closing ??= (async () => {
        await consoleModule.stop();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await chat.idle();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        if (!options.db) await db.close();
      })();
      return closing;
    },
  };
}
