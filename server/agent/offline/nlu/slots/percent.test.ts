import { describe, expect, it } from "vitest";
import { understand } from "../understand.js";

const percent = (text: string) =>
  understand(text, { locale: "fr", currency: "EUR", today: "2026-11-22" }).slots.percent;

describe("percent", () => {
  it.each([
    ["50%", 50],
    ["une remise de 20 %", 20],
    ["30 pour cent", 30],
    ["15 percent off", 15],
    ["la moitié maintenant", 50],
    ["half off", 50],
    ["un tiers", 33],
    ["a quarter off", 25],
  ] as const)("%s -> %i", (text, n) => {
    expect(percent(text)).toBe(n);
  });

  it.each(["half past two", "250 %", "rien"])("%s has no percentage", (text) => {
    expect(percent(text)).toBeUndefined();
  });
});
