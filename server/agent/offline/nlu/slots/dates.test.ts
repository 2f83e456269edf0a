import { describe, expect, it } from "vitest";
import type { NluContext } from "../types.js";
import { understand } from "../understand.js";
import { addMonths, nextDayOfMonth, nextWeekday, parseIso, prevDayOfMonth, toIso } from "./calendar.js";

// 2026-11-22 is a Sunday.
const FR: NluContext = { locale: "fr", currency: "EUR", today: "2026-11-22" };
const US: NluContext = { locale: "en", currency: "USD", today: "2026-11-22" };
const dates = (text: string, ctx: NluContext = FR) => understand(text, ctx).slots.dates;

describe("dates", () => {
  it.each([
    ["le 15", "2026-12-15"],
    ["le 22", "2026-11-22"],
    ["le 30", "2026-11-30"],
    ["le 1er", "2026-12-01"],
    ["le 15 du mois prochain", "2026-12-15"],
    ["à partir du 15", "2026-12-15"],
    ["from the 1st of next month", "2026-12-01"],
    ["fin du mois", "2026-11-30"],
    ["fin du mois prochain", "2026-12-31"],
    ["début du mois prochain", "2026-12-01"],
    ["vendredi prochain", "2026-11-27"],
    ["lundi", "2026-11-23"],
    ["dimanche", "2026-11-29"],
    ["next Friday", "2026-11-27"],
    ["on Monday", "2026-11-23"],
    ["15/12", "2026-12-15"],
    ["10/01", "2027-01-10"],
    ["15/12/2026", "2026-12-15"],
    ["15.12.2026", "2026-12-15"],
    ["2026-12-15", "2026-12-15"],
    ["15 décembre", "2026-12-15"],
    ["le 5 janvier 2027", "2027-01-05"],
    ["Dec 15", "2026-12-15"],
    ["December 15th, 2026", "2026-12-15"],
    ["the 15th of December", "2026-12-15"],
    ["the 28th", "2026-11-28"],
    ["fin décembre", "2026-12-31"],
    ["mi-janvier", "2027-01-15"],
    ["demain", "2026-11-23"],
    ["après-demain", "2026-11-24"],
    ["aujourd'hui", "2026-11-22"],
    ["tomorrow", "2026-11-23"],
    ["in two weeks", "2026-12-06"],
    ["in a week", "2026-11-29"],
    ["in 3 months time", "2027-02-22"],
    ["dans 10 jours", "2026-12-02"],
    ["dans une semaine", "2026-11-29"],
    ["d'ici 15 jours", "2026-12-07"],
    ["la semaine prochaine", "2026-11-29"],
    ["next month", "2026-12-01"],
    ["end of the month", "2026-11-30"],
  ] as const)("%s -> %s", (text, iso) => {
    expect(dates(text)).toEqual([iso]);
  });

  it("reads several dates in order", () => {
    expect(dates("$150 on the 15th and $150 on the 30th", US)).toEqual(["2026-12-15", "2026-11-30"]);
  });

  it("reads month first in US cases when the day cannot tell", () => {
    expect(dates("12/10", US)).toEqual(["2026-12-10"]);
    expect(dates("12/10")).toEqual(["2027-10-12"]);
    expect(dates("25/12", US)).toEqual(["2026-12-25"]);
  });

  it("looks back for payments already made", () => {
    expect(dates("J'ai déjà payé le 3 novembre.")).toEqual(["2026-11-03"]);
    expect(dates("I already paid it on the 3rd", US)).toEqual(["2026-11-03"]);
    expect(dates("The payment went through on Monday.", US)).toEqual(["2026-11-16"]);
  });

  it("reads a month named without a day: a month to come from its first day, this one to its end", () => {
    expect(dates("500 € maintenant et le reste en janvier")).toEqual(["2027-01-01"]);
    expect(dates("je paierai le solde courant février")).toEqual(["2027-02-01"]);
    expect(dates("au mois de mars 2027")).toEqual(["2027-03-01"]);
    expect(dates("je peux régler en novembre")).toEqual(["2026-11-30"]);
    expect(dates("I can pay the rest in March", US)).toEqual(["2027-03-01"]);
    expect(dates("J'ai payé en octobre.")).toEqual(["2026-10-01"]);
    // A start: "from January" is its first day.
    expect(dates("300 € par mois à partir de janvier")).toEqual(["2027-01-01"]);
    expect(dates("300 par mois dès février")).toEqual(["2027-02-01"]);
    expect(dates("à compter de mars je peux payer")).toEqual(["2027-03-01"]);
    expect(dates("300 a month from January", US)).toEqual(["2027-01-01"]);
    expect(dates("j'ai reçu des relances")).toEqual([]);
  });

  it("reads a year named alone: one to come from its first day, this one to its end", () => {
    expect(dates("je paierai tout en 2030")).toEqual(["2030-01-01"]);
    expect(dates("2000 par mois à partir de l'an 2030")).toEqual(["2030-01-01"]);
    expect(dates("je pourrai tout payer l'année prochaine")).toEqual(["2027-01-01"]);
    expect(dates("I can pay next year", US)).toEqual(["2027-01-01"]);
    expect(dates("je peux régler en 2026")).toEqual(["2026-12-31"]);
    // Money and months stay theirs.
    expect(dates("je peux payer en 2000 euros")).toEqual([]);
    expect(dates("en mars 2027")).toEqual(["2027-03-01"]);
  });

  it.each([
    "le 15 mois",
    "il y a 3 jours",
    "le premier paiement",
    "in 6 months",
    "31/02",
    "en 3 fois",
    "je suis en vacances",
  ])("%s is not a date", (text) => {
    expect(dates(text)).toEqual([]);
  });
});

describe("calendar", () => {
  const d = parseIso("2026-01-31");
  it("clamps month arithmetic to the month's last day", () => {
    expect(toIso(addMonths(d, 1))).toBe("2026-02-28");
    expect(toIso(addMonths(parseIso("2028-01-31"), 1))).toBe("2028-02-29");
  });
  it("skips months that lack the day", () => {
    expect(toIso(nextDayOfMonth(parseIso("2026-11-22"), 31) ?? d)).toBe("2026-12-31");
    expect(toIso(prevDayOfMonth(parseIso("2026-11-22"), 31) ?? d)).toBe("2026-10-31");
  });
  it("takes the weekday strictly after today", () => {
    expect(toIso(nextWeekday(parseIso("2026-11-22"), 0))).toBe("2026-11-29");
  });
});
