// Entry point of `npm start`: validate the environment, migrate, serve, shut down cleanly. The demo
// case is seeded only on the embedded database (a local trial); on PostgreSQL, which may be
// production, only `npm run db:seed` creates it.
import { setSourceMapsSupport } from "node:module";

// Stack traces point into server/*.ts, but not into node_modules: `--enable-source-maps` parsed
// and kept every package's maps too (about 10 MB of heap for nothing a log reader uses). Enabled
// before the service's modules load, hence the dynamic imports below (decision 0106).
setSourceMapsSupport(true, { nodeModules: false, generatedCode: false });
const { seedDemo } = await import("./app/bootstrap/seed-demo.js");
const { ConfigError, loadEnv } = await import("./config/env.js");
const { createLogger } = await import("./logging/logger.js");
const { startService } = await import("./service.js");

/** The service stops well within this; past it the process exits anyway, with code 1. */
const SHUTDOWN_LIMIT_MS = 1900;

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(env.LOG_LEVEL);
  const service = await startService({ env, log });
  const embedded = service.ctx.db.kind === "pglite";
  const demo = embedded ? await seedDemo(service.ctx, service.admin.email) : null;

  // Printed to the terminal (not the JSON log): the operator needs these once, in clear.
  const lines = [
    "",
    `amiable is running at ${service.ctx.publicUrl}  (database: ${service.ctx.db.kind})`,
    `  console:     ${service.ctx.publicUrl}/console`,
    `  admin login: ${service.admin.email}${
      service.admin.generatedPassword
        ? `  password: ${service.admin.generatedPassword}  (generated now, shown once)`
        : service.admin.source === "environment"
          ? "  (password from ADMIN_PASSWORD)"
          : "  (password set earlier; set ADMIN_EMAIL and ADMIN_PASSWORD to reset it)"
    }`,
    demo
      ? `  demo debtor: ${demo.link}`
      : "  demo case:   not seeded on PostgreSQL (run `npm run db:seed` to add it)",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error({ limitMs: SHUTDOWN_LIMIT_MS }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    timer.unref();
    await service.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));
}

main().catch((error: unknown) => {
  // Configuration problems found after parsing (e.g. COLLECTOR_HOURS) name their variable too.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
