import { describe, expect, it } from "vitest";
import { LlmConfigError, llmSettingsFromEnv } from "./llm-config.js";

describe("llmSettingsFromEnv", () => {
  it("is null when neither a key nor a base URL is set: the offline engine runs alone", () => {
    expect(llmSettingsFromEnv({})).toBeNull();
    expect(llmSettingsFromEnv({ OPENAI_API_KEY: "  ", OPENAI_MODEL: "gpt-4o" })).toBeNull();
  });

  it("uses OpenAI's defaults with just a key", () => {
    expect(llmSettingsFromEnv({ OPENAI_API_KEY: "sk-1" })).toEqual({
      apiKey: "sk-1",
      model: "gpt-4o-mini",
      timeoutMs: 20_000,
      maxRetries: 2,
    });
  });

  it("accepts a local OpenAI-compatible server without a key", () => {
    expect(
      llmSettingsFromEnv({
        OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
        OPENAI_MODEL: "llama3.1",
        OPENAI_TIMEOUT_MS: "60000",
      }),
    ).toEqual({
      apiKey: "not-needed",
      baseUrl: "http://127.0.0.1:11434/v1",
      model: "llama3.1",
      timeoutMs: 60_000,
      maxRetries: 2,
    });
  });

  it("names the variable of a bad value", () => {
    expect(() => llmSettingsFromEnv({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "ftp://x" })).toThrow(
      /OPENAI_BASE_URL/,
    );
    expect(() => llmSettingsFromEnv({ OPENAI_API_KEY: "k", OPENAI_TIMEOUT_MS: "5" })).toThrow(LlmConfigError);
    expect(() => llmSettingsFromEnv({ OPENAI_API_KEY: "k", OPENAI_MAX_RETRIES: "9" })).toThrow(
      /OPENAI_MAX_RETRIES/,
    );
  });
});
