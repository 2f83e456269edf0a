// Browser tests: real service (PGlite), the built debtor page, Debian's Chromium via
// playwright-core. Run alone with `vitest run --config web/e2e/vitest.config.ts`, or as the "e2e"
// project of the root config. The global setup builds the web once (E2E_SKIP_BUILD=1 skips it).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["web/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["web/e2e/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A browser and a service per file: two files at a time on two cores.
    maxWorkers: 2,
  },
});
