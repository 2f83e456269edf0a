// The demo case: seeded at boot on the embedded database only; on PostgreSQL (possibly production)
// the service never seeds it and never prints a debtor link, and `npm run db:seed` adds it on
// request (idempotent: a second run creates nothing and only replaces the link).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_REFERENCE } from "./app/bootstrap/seed-demo.js";
import { PROJECT_ROOT } from "./config/paths.js";
import { openTestDatabase, type TestDatabase } from "./test-support/databases.js";

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** Runs a TypeScript entry point; resolves with its output once `until` appears or it exits. */
function run(args: string[], env: Record<string, string>, until?: RegExp) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise<{ output: string; code: number | null }>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`timed out:\n${output}`)), 120_000);
    const done = (code: number | null) => {
      clearTimeout(timer);
      resolve({ output, code });
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) done(null);
    });
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", done);
  });
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups) await cleanup();
});

describe("demo seed", () => {
  it("npm run db:seed seeds the embedded database once, then only renews the link", {
    timeout: 240_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "amiable-seed-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir };
    const first = await run(["scripts/db-seed.ts"], env);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Seeded the demo case on pglite\.\n {2}demo debtor: http:\/\/\S+\/c\/\S+/);
    const second = await run(["scripts/db-seed.ts"], env);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/Already seeded; new link for the demo case on pglite/);
    const link = (o: string) => o.match(/\/c\/(\S+)/)?.[1];
    expect(link(second.output)).not.toBe(link(first.output));
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)(
    process.env.TEST_DATABASE_URL ? "on PostgreSQL" : "on PostgreSQL (skipped: set TEST_DATABASE_URL)",
    () => {
      it("is never seeded at boot, only by npm run db:seed", { timeout: 240_000 }, async () => {
        const db: TestDatabase = await openTestDatabase("postgres");
        cleanups.push(() => db.close());
        const env = {
          DATABASE_URL: db.url as string,
          PORT: "0",
          ADMIN_EMAIL: "admin@seed.local",
          ADMIN_PASSWORD: "seed-test-password-123",
        };
        const boot = await run(["server/main.ts"], env, /demo case: {3}not seeded/);
        expect(boot.output).toMatch(/database: postgres/);
        expect(boot.output).not.toMatch(/demo debtor:/);
        children.at(-1)?.kill("SIGTERM");
        expect(await db.prisma.case.count({ where: { reference: DEMO_REFERENCE } })).toBe(0);

        const seeded = await run(["scripts/db-seed.ts"], env);
        expect(seeded.code, seeded.output).toBe(0);
        expect(seeded.output).toMatch(/Seeded the demo case on postgres/);
        expect(await db.prisma.case.count({ where: { reference: DEMO_REFERENCE } })).toBe(1);
      });
    },
  );
});
