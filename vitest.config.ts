import { defineConfig } from "vitest/config";

// One run, two projects: everything beside the code ("unit": unit, HTTP, socket.io and database
// tests) and the browser tests in web/e2e (their own config builds the web once first).
export default defineConfig({
  test: {
    // Timeouts catch hangs, not slowness (speed targets live in the benchmarks): starting PGlite and
    // diffing the schema take 10-15 s alone and three times that when another suite shares the
    // two cores, so leave room.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // PGlite and Chromium are heavy: two cores, so keep file parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "contract/**/*.test.ts",
            "server/**/*.test.ts",
            "evals/**/*.test.ts",
            "scripts/**/*.test.ts",
            "web/**/*.test.ts",
          ],
          exclude: ["node_modules/**", "dist/**", "web/e2e/**"],
          environment: "node",
        },
      },
      "web/e2e/vitest.config.ts",
    ],
  },
});
