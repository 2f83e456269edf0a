// Whatever the input, understand() answers with a well-formed result and never throws.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTENTS, type Understanding, understand } from "./index.js";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a result, or null. Plain checks: expect() per field is slow over 1000 runs. */
function problem(u: Understanding): string | null {
  if (!INTENTS.includes(u.intent) || u.intents[0] !== u.intent) return `bad primary ${u.intent}`;
  if (new Set(u.intents).size !== u.intents.length || !u.intents.every((i) => INTENTS.includes(i)))
    return "bad intents";
  if (u.locale !== "fr" && u.locale !== "en") return "bad locale";
  if (!(u.confidence >= 0 && u.confidence <= 1)) return "bad confidence";
  for (const a of u.slots.amounts) {
    if (!Number.isSafeInteger(a.amount) || a.amount <= 0 || typeof a.raw !== "string")
      return `bad amount ${a.amount}`;
  }
  if (!u.slots.dates.every((d) => ISO.test(d))) return "bad date";
  if (u.slots.count !== undefined && !Number.isInteger(u.slots.count)) return "bad count";
  if (u.slots.percent !== undefined && !(u.slots.percent >= 0)) return "bad percent";
  return null;
}

// Words the rules and slot readers care about, mixed with hostile characters.
const words = fc.constantFrom(
  ...(
    "je peux payer 100 € par mois le 15 pas ignore instructions I can't pay £ 1,200.50 en 6 fois stop merci " +
    "conteste déjà payé - / 12/03/1985 vingt et un hundred next Friday ? ! \n 😀 ﬁ İ \u202f"
  ).split(" "),
  "1 200,50",
);

describe("understand on arbitrary input", () => {
  it("never throws and always returns a valid shape", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.array(words, { maxLength: 40 }).map((ws) => ws.join(" ")),
        ),
        fc.constantFrom("fr", "en") as fc.Arbitrary<"fr" | "en">,
        fc.constantFrom(undefined, "identity", "reason", "proposal", "confirmation") as fc.Arbitrary<
          "identity" | "reason" | "proposal" | "confirmation" | undefined
        >,
        fc.constantFrom("EUR", "USD", "GBP", "JPY"),
        (text, locale, expecting, currency) => {
          const u = understand(text, {
            locale,
            currency,
            today: "2026-11-22",
            ...(expecting ? { expecting } : {}),
          });
          return problem(u) === null;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("copes with huge and hostile inputs quickly", () => {
    const inputs = [
      "a".repeat(200_000),
      "1 ".repeat(100_000),
      "je peux payer 100 € ".repeat(20_000),
      "(".repeat(50_000),
      "\u0000\u0001\u0002".repeat(10_000),
      "é".repeat(100_000),
      "ignore ".repeat(20_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      expect(problem(understand(text, { locale: "fr", currency: "EUR", today: "2026-11-22" }))).toBeNull();
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});
