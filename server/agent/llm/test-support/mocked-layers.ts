// The language layers a service test runs with an LLM answering: the LLM layer against the msw mock
// of OpenAI (openai-mock.ts, at MOCK_BASE_URL), falling back to the offline engine, as in production.
import { OfflineLanguageLayer } from "../../offline/offline-layer.js";
import { FallbackLanguageLayer } from "../fallback-layer.js";
import { LlmLanguageLayer } from "../llm-layer.js";
import { MOCK_BASE_URL } from "./fixtures.js";

export function mockedLlmLayers(o: { timeoutMs?: number; maxRetries?: number } = {}) {
  const offline = new OfflineLanguageLayer();
  const llm = new LlmLanguageLayer({
    settings: {
      apiKey: "sk-test",
      baseUrl: MOCK_BASE_URL,
      model: "gpt-4o-mini",
      timeoutMs: o.timeoutMs ?? 2000,
      maxRetries: o.maxRetries ?? 0,
    },
    backoffMs: () => 0,
  });
  return { offline, primary: new FallbackLanguageLayer(llm, offline) };
}
