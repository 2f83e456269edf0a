// Builds the web once before the browser tests (the pages are served from web/dist).
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export default async function setup(): Promise<void> {
  await mkdir("test-artifacts/screenshots", { recursive: true });
  if (process.env.E2E_SKIP_BUILD === "1") return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
