// The real service with the collector console, for console tests: startTestService (fresh
// database, settable clock, a token per role, the console's review timer off) plus a second
// collector, staff sessions of 90 days and the users' ids.
import type { Router } from "express";
import type { Layers } from "../app/chat/turn-runner.js";
import type { Stores } from "../app/ports/index.js";
import { hashPassword } from "../auth/passwords.js";
import type { ConsoleModule } from "../console.js";
import type { TestTarget } from "./databases.js";
import { PASSWORD, startTestService, type TestService } from "./service.js";

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
  // Staff sessions last 90 days here: tests move the clock weeks ahead to break promises.
  const t = await startTestService(
    target,
    { STAFF_SESSION_TTL_HOURS: "2160", ...options.env },
    { extraRoutes: options.extraRoutes ?? [] },
    {
      ...(options.layers ? { layers: options.layers } : {}),
      console: {
        reviewIntervalMs: 0,
        ...(options.brokenAfterDays !== undefined ? { brokenAfterDays: options.brokenAfterDays } : {}),
        ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}),
      },
    },
  );
  try {
    const collector2 = await t.db.stores.users.upsert({
      email: "collector2@test.local",
      role: "collector",
      passwordHash: await hashPassword(PASSWORD),
    });
    const [collector, admin] = await Promise.all([
      userByEmail(t, "collector@test.local"),
      userByEmail(t, "admin@test.local"),
    ]);
    const login = await t.api("POST", "/api/login", {
      body: { email: "collector2@test.local", password: PASSWORD },
    });
    if (login.status !== 200) throw new Error(`login failed for collector2: ${JSON.stringify(login.body)}`);
    return {
      ...t,
      console: t.service.console,
      tokens: { ...t.tokens, collector2: login.body.token as string },
      userIds: { collector: collector.id, collector2: collector2.id, admin: admin.id },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}

async function userByEmail(t: { db: { stores: Stores } }, email: string) {
  const user = await t.db.stores.users.findByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  return user;
}
