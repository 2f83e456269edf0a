// Public surface of the LLM language layer. The app builds it from the environment values; with no
// LLM configured it gets the offline layer back unchanged.
import type { LanguageLayer, TurnContext } from "../language-layer.js";
import { FallbackLanguageLayer } from "./fallback-layer.js";
import type { LlmSettings } from "./llm-config.js";
import { LlmLanguageLayer, type LlmLayerOptions } from "./llm-layer.js";

export { LlmFailure, type LlmFailureReason } from "./errors.js";
export { DEFAULT_TURN_DEADLINE_MS, FallbackLanguageLayer, fallbackReasonOf } from "./fallback-layer.js";
export { LlmConfigError, type LlmEnv, type LlmSettings, llmSettingsFromEnv } from "./llm-config.js";
export { LlmLanguageLayer, type LlmLayerOptions } from "./llm-layer.js";

/**
 * The language layer the conversation uses: the offline engine alone when `settings` is null,
 * otherwise the LLM with the offline engine as its fallback.
 */
export function languageLayerFor(
  offline: LanguageLayer,
  settings: LlmSettings | null,
  options: Omit<LlmLayerOptions, "settings"> & {
    onFallback?: (error: unknown, ctx: TurnContext) => void;
    /** One deadline per turn, after which the offline engine answers (TURN_DEADLINE_MS). */
    turnDeadlineMs?: number;
  } = {},
): LanguageLayer {
  if (!settings) return offline;
  const { onFallback, turnDeadlineMs, ...llmOptions } = options;
  return new FallbackLanguageLayer(
    new LlmLanguageLayer({ ...llmOptions, settings }),
    offline,
    onFallback,
    turnDeadlineMs !== undefined ? { turnDeadlineMs } : {},
  );
}
