// The service under evaluation: the real HTTP + socket.io server (startService) over a fresh
// in-memory PGlite, on a fixed clock so that every run negotiates on the same day, with the
// assistant and the two baselines behind one router. Logs in as the admin (a staff role) for the
// collector API used to create cases and read them back.
import { languageLayerFor, llmSettingsFromEnv } from "../../server/agent/llm/index.js";
import { OfflineLanguageLayer } from "../../server/agent/offline/offline-layer.js";
import type { Clock } from "../../server/app/context.js";
import type { PolicyRegistry } from "../../server/app/policy-registry.js";
import { loadEnv } from "../../server/config/env.js";
import type { Prisma } from "../../server/db/open.js";
import { createLogger } from "../../server/logging/logger.js";
import { dateInZone } from "../../server/policy/index.js";
import { type RunningService, startService } from "../../server/service.js";
import { openTestDatabase } from "../../server/test-support/databases.js";
import { NaiveLayer } from "../baselines/naive.js";
import { RigidLayer } from "../baselines/rigid.js";
import { type Arm, ArmRouter } from "../baselines/router.js";

/**
 * The evaluation instant: a Wednesday morning in Paris, while collectors are on duty. Every scenario
 * date such as "today-400d" is counted from its calendar date.
 */
export const EVAL_NOW = "2026-11-25T09:00:00Z";

/** Debtor messages per connection: far above a person's pace, so red-team lines run back to back. */
const EVAL_DEBTOR_RATE = { burst: 10_000, perSecond: 1_000 };

const ADMIN = { email: "eval-admin@amiable.local", password: "eval-password-not-secret" };

export type Provider = "offline" | "openai";

export interface EvalService {
  readonly url: string;
  readonly today: string;
  readonly prisma: Prisma;
  readonly policies: PolicyRegistry;
  readonly provider: Provider;
  readonly model: string | null;
  /** The service's clock (fixed) and COLLECTOR_HOURS: the grader knows what the guard knew. */
  readonly now: Date;
  readonly collectorHours: string;
  assign(reference: string, arm: Arm): void;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

class FixedClock implements Clock {
  constructor(private readonly at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
}

export async function startEvalService(options: {
  provider: Provider;
  now?: string;
  /** Policy packs to run instead of policies/ (a draft under evaluation). */
  policiesDir?: string;
}): Promise<EvalService> {
  const now = new Date(options.now ?? EVAL_NOW);
  const llmEnv =
    options.provider === "openai"
      ? {
          OPENAI_API_KEY: process.env.OPENAI_API_KEY,
          OPENAI_BASE_URL: process.env.OPENAI_BASE_URL,
          OPENAI_MODEL: process.env.OPENAI_MODEL,
          OPENAI_TIMEOUT_MS: process.env.OPENAI_TIMEOUT_MS,
          OPENAI_MAX_RETRIES: process.env.OPENAI_MAX_RETRIES,
        }
      : {};
  const env = loadEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...Object.fromEntries(Object.entries(llmEnv).filter(([, v]) => v !== undefined && v !== "")),
  });
  const settings = llmSettingsFromEnv(env);
  if (options.provider === "openai" && !settings)
    throw new Error("--provider openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)");
  const db = await openTestDatabase("pglite");
  const offline = new OfflineLanguageLayer();
  const assistant = languageLayerFor(offline, settings);
  const router = new ArmRouter({ assistant, rigid: new RigidLayer(), naive: new NaiveLayer() });
  let service: RunningService;
  try {
    service = await startService({
      env,
      log: createLogger("silent"),
      clock: new FixedClock(now),
      db,
      http: { loginLimit: 1000, apiLimit: 10_000_000 },
      layers: { offline, primary: router },
      debtorRateLimit: EVAL_DEBTOR_RATE,
      ...(options.policiesDir ? { policiesDir: options.policiesDir } : {}),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = await call("POST", "/api/login", ADMIN);
  if (login.status !== 200) throw new Error(`eval login failed: ${JSON.stringify(login.body)}`);
  const token = (login.body as { token: string }).token;
  return {
    url: service.url,
    today: dateInZone(now, "UTC"),
    prisma: service.ctx.db.prisma,
    policies: service.ctx.policies,
    provider: options.provider,
    model: settings ? settings.model : null,
    now,
    collectorHours: env.COLLECTOR_HOURS,
    assign: (reference, arm) => router.assign(reference, arm),
    api: (method, path, body) => call(method, path, body, token) as never,
    async close() {
      await service.close();
      await db.close();
    },
  };
}
