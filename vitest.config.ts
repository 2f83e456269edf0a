import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "evals/**/*.test.ts", "scripts/**/*.test.ts", "web/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**", "web/e2e/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite and Chromium are heavy: two cores, so keep file parallelism modest.
    maxWorkers: 2,
  },
});
