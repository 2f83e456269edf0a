// Whole-service behaviour: data survives a restart on the same folder, the seed is idempotent,
// and a bad environment stops the boot with the variable's name.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "./app/bootstrap/seed-demo.js";
import { loadEnv } from "./config/env.js";
import { createLogger } from "./logging/logger.js";
import { startService } from "./service.js";
import { PASSWORD, sampleCase } from "./test-support/service.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function envFor(dataDir: string, more: Record<string, string> = {}) {
  return loadEnv({
    PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: "admin@test.local",
    ADMIN_PASSWORD: PASSWORD,
    ...more,
  });
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@test.local", password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Boots a service on the folder, creates a case through the API and stops the service. */
async function caseBeforeRestart(env: ReturnType<typeof envFor>, reference: string): Promise<{ id: string }> {
  const first = await startService({ env, log: createLogger("silent") });
  try {
    const token = await login(first.url);
    return await fetch(`${first.url}/api/cases`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(sampleCase({ reference })),
    }).then((r) => r.json() as Promise<{ id: string }>);
  } finally {
    await first.close();
  }
}

describe("service on an embedded data folder", () => {
  // A freshly started instance has no policy version cached: the first outreach work on a case
  // reads its case's version inside the transaction that locks the case's sequence. On the
  // embedded database that read once went through the root client and waited for the transaction
  // forever, and every query after it (the debtor's chat included) waited too.
  it("runs the outreach right after a restart, before any policy version is cached", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "amiable-restart-outreach-"));
    dirs.push(dataDir);
    const manual = { OUTREACH_INTERVAL_SECONDS: "0" };
    const created = await caseBeforeRestart(envFor(dataDir, manual), "OUTREACH-AFTER-RESTART");

    const second = await startService({ env: envFor(dataDir, manual), log: createLogger("silent") });
    try {
      await second.outreach.tick();
      const sequence = await second.ctx.db.prisma.outreachSequence.findUnique({
        where: { caseId: created.id },
      });
      expect(sequence?.updatedAt.getTime()).toBeGreaterThan(sequence?.createdAt.getTime() ?? Infinity);
    } finally {
      await second.close();
    }
    // The reaction to an event (a dispute stops the sequence) takes the same path.
    const third = await startService({ env: envFor(dataDir, manual), log: createLogger("silent") });
    try {
      const before = Date.now();
      await third.outreach.react(created.id);
      const sequence = await third.ctx.db.prisma.outreachSequence.findUnique({
        where: { caseId: created.id },
      });
      // Nothing stops it: the reaction asks for the sequence to be looked at again now.
      expect(sequence?.status).toBe("active");
      expect(sequence?.nextRunAt?.getTime()).toBeGreaterThanOrEqual(before);
      expect(sequence?.nextRunAt?.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await third.close();
    }
  });

  it("keeps cases across a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "amiable-restart-"));
    dirs.push(dataDir);
    const created = await caseBeforeRestart(envFor(dataDir), "SURVIVES-RESTART");

    const second = await startService({ env: envFor(dataDir), log: createLogger("silent") });
    try {
      expect(second.ctx.db.appliedMigrations).toEqual([]);
      const token2 = await login(second.url);
      const res = await fetch(`${second.url}/api/cases/${created.id}`, {
        headers: { authorization: `Bearer ${token2}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { reference: string }).reference).toBe("SURVIVES-RESTART");
    } finally {
      await second.close();
    }
  });

  it("seeds the demo case once, however often it runs, with a working link each time", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "amiable-seed-"));
    dirs.push(dataDir);
    const service = await startService({ env: envFor(dataDir), log: createLogger("silent") });
    try {
      const first = await seedDemo(service.ctx, "admin@test.local");
      const second = await seedDemo(service.ctx, "admin@test.local");
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.caseId).toBe(first.caseId);
      const prisma = service.ctx.db.prisma;
      expect(await prisma.case.count()).toBe(1);
      expect(await prisma.creditor.count()).toBe(1);
      expect(await prisma.debtor.count()).toBe(1);
      expect(await prisma.invoice.count()).toBe(2);
      expect(await prisma.debtorAccessToken.count({ where: { revokedAt: null } })).toBe(1);
      const token = second.link.split("/c/")[1] as string;
      await expect(service.chat.openSession(token)).resolves.toMatchObject({ caseId: first.caseId });
      await expect(service.chat.openSession(first.link.split("/c/")[1])).rejects.toMatchObject({
        code: "link_invalid",
      });
    } finally {
      await service.close();
    }
  });

  it("generates and reports an admin password once on a fresh embedded database", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "amiable-admin-"));
    dirs.push(dataDir);
    const env = loadEnv({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const first = await startService({ env, log: createLogger("silent") });
    await first.close();
    const second = await startService({ env, log: createLogger("silent") });
    await second.close();
    expect(first.admin.source).toBe("generated");
    expect(first.admin.generatedPassword).toMatch(/^[\w-]{20,}$/);
    expect(second.admin).toEqual({ email: "admin@amiable.local", source: "existing" });
  });
});

describe("boot", () => {
  it("stops on a bad variable, naming it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATABASE_URL: "mysql://nope" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORT: /);
    expect(run.stderr).toMatch(/DATABASE_URL: must be a postgres/);
  });
});
