import { describe, expect, it } from "vitest";
import { understand } from "../understand.js";

const count = (text: string, locale: "fr" | "en" = "fr") =>
  understand(text, { locale, currency: "EUR", today: "2026-11-22" }).slots.count;

describe("counts", () => {
  it.each([
    ["en 6 fois", 6],
    ["en six fois", 6],
    ["sur 10 mois", 10],
    ["3 mensualités", 3],
    ["12 échéances de 50 €", 12],
    ["3x sans frais", 3],
    ["six months", 6],
    ["in 4 payments", 4],
    ["12 monthly instalments", 12],
    ["over twelve months", 12],
    ["split it into 3 payments", 3],
  ] as const)("%s -> %i", (text, n) => {
    expect(count(text)).toBe(n);
  });

  it.each([
    "depuis 6 mois",
    "il y a 3 mois",
    "3 months ago",
    "dans 3 mois",
    "en une fois",
    "6 mois de retard",
  ])("%s is not a plan length", (text) => {
    expect(count(text)).toBeUndefined();
  });
});
