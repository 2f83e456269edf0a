// LLM cost from token counts: list prices in USD per million tokens for the models the project
// expects; EVAL_PRICE_INPUT / EVAL_PRICE_OUTPUT (USD per million) override them, e.g. for a local model.
const PRICES: Record<string, readonly [number, number]> = {
  "gpt-4o-mini": [0.15, 0.6],
  "gpt-4o": [2.5, 10],
  "gpt-4.1": [2, 8],
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4.1-nano": [0.1, 0.4],
};

export function pricePerMillion(model: string | null): readonly [number, number] | null {
  const input = process.env.EVAL_PRICE_INPUT;
  const output = process.env.EVAL_PRICE_OUTPUT;
  if (input !== undefined && output !== undefined) return [Number(input), Number(output)];
  if (!model) return null;
  const key = Object.keys(PRICES)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return key ? (PRICES[key] ?? null) : null;
}

/** USD for the given tokens, or null when the model's price is unknown. */
export function costUsd(model: string | null, inputTokens: number, outputTokens: number): number | null {
  const price = pricePerMillion(model);
  if (!price) return null;
  return (inputTokens * price[0] + outputTokens * price[1]) / 1_000_000;
}
