// The real service with the collector console installed, for console tests: like startTestService
// (fresh database, settable clock, a token per role) plus a second collector, optional language
// layers (a slow mocked LLM for the hard-lock test) and the console module on the live server.
import { Router } from "express";
import type { Layers } from "../app/chat/turn-runner.js";
import { hashPassword } from "../auth/passwords.js";
import { loadEnv } from "../config/env.js";
import { type ConsoleModule, createConsole } from "../console.js";
import { upsertUser } from "../db/users.js";
import { createLogger } from "../logging/logger.js";
import { startService } from "../service.js";
import { openTestDatabase, type TestTarget } from "./databases.js";
import { PASSWORD, TestClock, type TestService } from "./service.js";

export interface ConsoleTestService extends TestService {
  readonly console: ConsoleModule;
  readonly tokens: TestService["tokens"] & { collector2: string };
  readonly userIds: Record<"collector" | "collector2" | "admin", string>;
}

export async function startConsoleTestService(
  target: TestTarget,
  options: {
    env?: Record<string, string>;
    layers?: Layers;
    brokenAfterDays?: number;
    pagesDir?: string;
    /** Mounted after the console (the browser tests add the debtor pages). */
    extraRoutes?: Router[];
  } = {},
): Promise<ConsoleTestService> {
  const db = await openTestDatabase(target);
  const clock = new TestClock();
  // Staff sessions last 90 days here: tests move the clock weeks ahead to break promises.
  const env = loadEnv({
    PORT: "0",
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: "admin@test.local",
    ADMIN_PASSWORD: PASSWORD,
    STAFF_SESSION_TTL_HOURS: "2160",
    // The outreach loop runs only when a test ticks it (server/app/outreach).
    OUTREACH_INTERVAL_SECONDS: "0",
    ...options.env,
  });
  const slot = Router();
  const service = await startService({
    env,
    log: createLogger("silent"),
    clock,
    db,
    http: { loginLimit: 1000, apiLimit: 100_000, extraRoutes: [slot, ...(options.extraRoutes ?? [])] },
    ...(options.layers ? { layers: options.layers } : {}),
  });
  const module = createConsole(service.ctx, service.chat, {
    reviewIntervalMs: 0,
    ...(options.brokenAfterDays !== undefined ? { brokenAfterDays: options.brokenAfterDays } : {}),
    ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}),
  });
  slot.use(module.router);
  module.attach(service.io);

  const passwordHash = await hashPassword(PASSWORD);
  const collector = await upsertUser(db.prisma, {
    email: "collector@test.local",
    role: "collector",
    passwordHash,
  });
  const collector2 = await upsertUser(db.prisma, {
    email: "collector2@test.local",
    role: "collector",
    passwordHash,
  });
  await upsertUser(db.prisma, { email: "editor@test.local", role: "policy_editor", passwordHash });
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@test.local" } });

  const api: TestService["api"] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const login = async (email: string) => {
    const res = await api("POST", "/api/login", { body: { email, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const tokens = {
    collector: await login("collector@test.local"),
    collector2: await login("collector2@test.local"),
    policy_editor: await login("editor@test.local"),
    admin: await login("admin@test.local"),
  };
  return {
    service,
    db,
    clock,
    url: service.url,
    tokens,
    userIds: { collector: collector.id, collector2: collector2.id, admin: admin.id },
    console: module,
    api,
    async close() {
      await module.stop();
      await service.close();
      await db.close();
    },
  };
}
