import { describe, expect, it } from "vitest";
import { answerForms, compact, readDate } from "./answer-forms.js";

const matches = (stored: string, typed: string, monthFirst = false) =>
  answerForms(typed, { monthFirst, thisYear: 2026 }).includes(compact(stored));

describe("verification answer forms", () => {
  it.each([
    ["03/11/1979", "3 novembre 1979"],
    ["03/11/1979", "3/11/1979"],
    ["03/11/1979", "03-11-79"],
    ["03/11/1979", "c'est le 3/11/1979"],
    ["03/11/1979", "1979-11-03"],
    ["3 novembre 1979", "03/11/1979"],
    ["1er janvier 1980", "01/01/1980"],
    ["03/11/1979", "November 3rd, 1979"],
    ["03/11/1979", "3 Nov 1979"],
    ["75011", "75 011"],
    ["75011", "bonjour, mon code postal est 75011 merci"],
    ["SW1A 1AA", "my postcode is sw1a 1aa"],
    ["Dupont", "dupont"],
    ["1 200", "1200"],
  ])("accepts %j typed as %j", (stored, typed) => {
    expect(matches(stored, typed)).toBe(true);
  });

  it("reads numeric dates month first in the US", () => {
    expect(matches("11/03/1979", "November 3, 1979", true)).toBe(true);
    expect(matches("11/03/1979", "3 Nov 1979", false)).toBe(false);
  });

  it.each([
    ["03/11/1979", "04/11/1979"],
    ["03/11/1979", "11/03/1979"],
    ["75011", "75012"],
    ["75011", "75011 75012"],
    ["Dupont", "Durand"],
  ])("refuses %j typed as %j", (stored, typed) => {
    expect(matches(stored, typed)).toBe(false);
  });

  it("reads one date or none", () => {
    expect(readDate("3/11/1979 ou 4/11/1979")).toBeNull();
    expect(readDate("31/02/1990")).toBeNull();
    expect(readDate("le 3 novembre 1979")).toEqual({ y: 1979, m: 11, d: 3 });
  });
});
