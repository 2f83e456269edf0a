// Settings of the LLM language layer, validated with zod. The app passes the raw environment values
// in (the layer never reads process.env itself), so tests and the eval runner can build settings
// for a mock or a local model without touching the process environment.
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const llmSettingsSchema = z
  .object({
    apiKey: z.string().min(1, { error: "must not be empty" }),
    /** Any OpenAI-compatible endpoint: Azure (…/openai/v1), Ollama, vLLM, llama.cpp. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    model: z.string().trim().min(1, { error: "must not be empty" }),
    /** Per request, not per turn: a turn may make several model calls. */
    timeoutMs: z.number().int().min(100).max(600_000),
    /** Extra attempts after a 429, a 5xx or a network error (not after a timeout). */
    maxRetries: z.number().int().min(0).max(5),
  })
  .strict();

export type LlmSettings = z.infer<typeof llmSettingsSchema>;

/** The environment values the app hands over; strings, as they come from the environment. */
export interface LlmEnv {
  readonly OPENAI_API_KEY?: string | undefined;
  readonly OPENAI_BASE_URL?: string | undefined;
  readonly OPENAI_MODEL?: string | undefined;
  readonly OPENAI_TIMEOUT_MS?: string | number | undefined;
  readonly OPENAI_MAX_RETRIES?: string | number | undefined;
}

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 2;
/** Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the OpenAI client refuses an empty one. */
export const LOCAL_PLACEHOLDER_KEY = "not-needed";

const envSchema = z.object({
  OPENAI_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(blankToUndefined, z.string().optional()),
  OPENAI_MODEL: z.preprocess(blankToUndefined, z.string().default(DEFAULT_MODEL)),
  OPENAI_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().default(DEFAULT_TIMEOUT_MS)),
  OPENAI_MAX_RETRIES: z.preprocess(blankToUndefined, z.coerce.number().default(DEFAULT_MAX_RETRIES)),
});

export class LlmConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid LLM configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "LlmConfigError";
  }
}

const ENV_NAME: Record<string, string> = {
  apiKey: "OPENAI_API_KEY",
  baseUrl: "OPENAI_BASE_URL",
  model: "OPENAI_MODEL",
  timeoutMs: "OPENAI_TIMEOUT_MS",
  maxRetries: "OPENAI_MAX_RETRIES",
};

/**
 * Settings from the environment values, or null when no LLM is configured (neither a key nor a
 * base URL): the app then runs the offline engine alone. A base URL without a key is a local
 * server. Throws LlmConfigError naming the variable when a value is present but wrong.
 */
export function llmSettingsFromEnv(env: LlmEnv): LlmSettings | null {
  const raw = envSchema.safeParse(env);
  if (!raw.success)
    throw new LlmConfigError(raw.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = raw.data;
  if (e.OPENAI_API_KEY === undefined && e.OPENAI_BASE_URL === undefined) return null;
  const candidate = {
    apiKey: e.OPENAI_API_KEY ?? LOCAL_PLACEHOLDER_KEY,
    ...(e.OPENAI_BASE_URL !== undefined ? { baseUrl: e.OPENAI_BASE_URL } : {}),
    model: e.OPENAI_MODEL,
    timeoutMs: e.OPENAI_TIMEOUT_MS,
    maxRetries: e.OPENAI_MAX_RETRIES,
  };
  const parsed = llmSettingsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  throw new LlmConfigError(
    parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? "");
      return `${ENV_NAME[key] ?? key}: ${i.message}`;
    }),
  );
}
