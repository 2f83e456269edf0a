// Starts the real service (HTTP + socket.io) on a free port over a fresh test database, with a
// settable clock, and gives tests a logged-in user per role.

import type { Clock } from "../app/context.js";
import { hashPassword } from "../auth/passwords.js";
import { loadEnv } from "../config/env.js";
import type { HttpOptions } from "../http/app.js";
import { createLogger } from "../logging/logger.js";
import { type RunningService, type ServiceOptions, startService } from "../service.js";
import { openTestDatabase, type TestDatabase, type TestTarget } from "./databases.js";

export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-22T10:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export const PASSWORD = "test-password-123";

export interface TestService {
  service: RunningService;
  db: TestDatabase;
  clock: TestClock;
  url: string;
  tokens: Record<"collector" | "policy_editor" | "admin", string>;
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function startTestService(
  target: TestTarget,
  envOverrides: Record<string, string> = {},
  http: HttpOptions = {},
  extra: Pick<
    ServiceOptions,
    "layers" | "debtorRateLimit" | "policiesDir" | "console" | "shutdownGraceMs"
  > & {
    /** An open test database to use (two instances on one PostgreSQL); closed by its opener. */
    db?: TestDatabase;
  } = {},
): Promise<TestService> {
  const { db: given, ...options } = extra;
  const db = given ?? (await openTestDatabase(target));
  const clock = new TestClock();
  const env = loadEnv({
    PORT: "0",
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: "admin@test.local",
    ADMIN_PASSWORD: PASSWORD,
    // The outreach loop runs only when a test ticks it (server/app/outreach).
    OUTREACH_INTERVAL_SECONDS: "0",
    ...envOverrides,
  });
  const service = await startService({
    env,
    log: createLogger("silent"),
    clock,
    db,
    http: { loginLimit: 1000, apiLimit: 100_000, ...http },
    // The console's review timer is off: tests run the review through the API or the job's tick().
    ...options,
    console: { reviewIntervalMs: 0, ...options.console },
  });
  const passwordHash = await hashPassword(PASSWORD);
  await db.stores.users.upsert({ email: "collector@test.local", role: "collector", passwordHash });
  await db.stores.users.upsert({ email: "editor@test.local", role: "policy_editor", passwordHash });

  const api: TestService["api"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
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
    policy_editor: await login("editor@test.local"),
    admin: await login("admin@test.local"),
  };
  return {
    service,
    db,
    clock,
    url: service.url,
    tokens,
    api,
    async close() {
      await service.close();
      if (!given) await db.close();
    },
  };
}

/** A valid case body; override what a test is about. */
export function sampleCase(overrides: Record<string, unknown> = {}) {
  return {
    reference: `INV-${Math.random().toString(36).slice(2, 10)}`,
    creditor: { name: "Acme Fournitures" },
    debtor: { name: "Dupont Transport SARL", kind: "business", email: "compta@dupont.example", locale: "fr" },
    jurisdiction: "FR",
    currency: "EUR",
    invoices: [
      { number: "F-1001", issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 120_000 },
      { number: "F-1002", issuedAt: "2026-08-01", dueAt: "2026-08-31", amount: 30_050 },
    ],
    verification: { question: "Code postal ?", answer: "75011" },
    ...overrides,
  };
}
