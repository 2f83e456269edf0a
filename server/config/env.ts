// Configuration comes from the environment, validated once at boot; a bad value stops the boot
// with the variable's name and the reason.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const durationDays = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default("./data"),
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, "must be at least 12 characters").optional()),
  // The key of the debtors' security answers (decision 0111): base64 of at least 32 random bytes,
  // the same on every instance. Optional: PGlite keeps one in DATA_DIR; PostgreSQL without it hashes
  // answers with scrypt.
  ANSWER_KEY: optionalString.pipe(
    z
      .string()
      .refine(
        (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length >= 32,
        "must be base64 of at least 32 bytes (openssl rand -base64 32)",
      )
      .optional(),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  DEBTOR_LINK_TTL_DAYS: durationDays(30),
  STAFF_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** Collector hours as "Mon-Fri 09:00-18:00 Europe/Paris": when nobody is on duty the debtor is told. */
  COLLECTOR_HOURS: z.string().default("Mon-Fri 09:00-18:00 Europe/Paris"),
  /** Days an instalment may stay unpaid after its due date before the promise counts as broken. */
  PROMISE_BROKEN_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /**
   * How many reverse proxies in front of the service append to X-Forwarded-For: the client IP is
   * the address that many hops from the right. "false" (or 0) ignores the header. "true" is
   * refused: it trusts every hop, so a client could name any IP and dodge the rate limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .refine(
      (v) => v !== "true",
      'must be a number of proxy hops such as 1 ("true" lets clients spoof their IP)',
    )
    .transform((v) => (v === "false" || v === "" ? "0" : v))
    .pipe(z.coerce.number<string>().int("must be a number of proxy hops").min(0).max(10)),
  /** Wall-clock budget of one assistant turn; past it the offline engine answers. */
  TURN_DEADLINE_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  /** Outreach (issue 16): SMTP server for e-mail; without it, messages stay in the console's outbox. */
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().min(3).default("amiable <no-reply@amiable.localhost>"),
  /** Twilio-style SMS API (POST To, From, Body); without it, SMS stay in the outbox. */
  SMS_PROVIDER_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SMS_API_KEY: optionalString,
  SMS_FROM: optionalString,
  /** Seconds between two runs of the outreach scheduler; 0 turns the loop off. */
  OUTREACH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Stripe secret key (sk_...): when set, debtors can pay now by card or direct debit. */
  STRIPE_SECRET_KEY: optionalString,
  /** Signing secret of the Stripe webhook endpoint (whsec_...): events without a valid signature are refused. */
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Lifetime of an invitation or password-reset link (staff e-mails go through SMTP_URL too). */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** Single sign-on (OpenID Connect): the provider's issuer URL; empty disables it. */
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError naming each bad variable and why. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) {
    const env = result.data;
    if (env.ADMIN_PASSWORD && !env.ADMIN_EMAIL) {
      throw new ConfigError(["ADMIN_EMAIL: required when ADMIN_PASSWORD is set"]);
    }
    return env;
  }
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

/** The public base URL for debtor links: PUBLIC_URL, or the listening address. */
export function publicUrl(env: Env, port: number): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host}:${port}`;
}
