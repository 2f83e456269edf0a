// `npm run db:seed`: adds the demo creditor and its French business case to the configured
// database (DATABASE_URL, or the embedded one in DATA_DIR) and prints a fresh demo debtor link.
// Idempotent: run again, it creates nothing twice and only replaces the demo link. The service
// seeds the embedded database by itself; on PostgreSQL only this script does.
import { seedDemo } from "../server/app/bootstrap/seed-demo.js";
import { ConfigError, loadEnv } from "../server/config/env.js";
import { createLogger } from "../server/logging/logger.js";
import { openCore } from "../server/service.js";

try {
  const env = loadEnv();
  const core = await openCore({ env, log: createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL) });
  try {
    const demo = await seedDemo(core.ctx, core.admin.email);
    process.stdout.write(
      `${demo.created ? "Seeded" : "Already seeded; new link for"} the demo case on ${core.ctx.db.kind}.\n` +
        `  demo debtor: ${demo.link}\n`,
    );
  } finally {
    await core.close();
  }
  // The schema engine used for migrations leaves a timer running: exit explicitly.
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
