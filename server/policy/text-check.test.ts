import { describe, expect, it } from "vitest";
import { findAmounts, findDates, findPercents, parseNumber } from "./extract.js";
import type { PolicyPack } from "./schema.js";
import { declineLadder, factsFor, pack, stateFor } from "./test-support/fixtures.js";
import { checkText, type TextContext } from "./text-check.js";

const inv = (number: string, issuedAt: string, dueAt: string, amount: number) => ({
  number,
  issuedAt,
  dueAt,
  amount,
});

describe("figures in text", () => {
  it.each([
    ["1 234,56 €", "EUR", 123456],
    ["1\u202f234,56\u00a0€", "EUR", 123456],
    ["€1,234.56", "EUR", 123456],
    ["1234.56 EUR", "EUR", 123456],
    ["EUR 1.234,56", "EUR", 123456],
    ["300 euros", "EUR", 30000],
    ["300€", "EUR", 30000],
    ["$1,234", "USD", 123400],
    ["US$ 99.9", "USD", 9990],
    ["£12,500.00", "GBP", 1250000],
    ["40 livres sterling", "GBP", 4000],
    ["1,5 €", "EUR", 150],
  ])("reads %j", (text, currency, minor) => {
    expect(findAmounts(`Total : ${text} à payer`)).toEqual([{ match: text.trim(), currency, minor }]);
  });

  it("ignores numbers without a currency", () => {
    expect(findAmounts("en 6 fois, sous 30 jours, facture 2025-001")).toEqual([]);
    expect(parseNumber("1.234.567", 2)).toBe(123456700);
  });

  it("reads percentages", () => {
    expect(
      findPercents("une remise de 12,5 % ou 10%, soit 3 pour cent, 2.15 percent").map((p) => p.bps),
    ).toEqual([1250, 1000, 300, 215]);
  });

  it("reads dates in both languages, with every possible reading", () => {
    const fr = findDates("le 15/03/2025, le 1er avril 2025, le 2025-05-02 et le 3 mai", "fr");
    expect(fr.map((d) => d.readings)).toEqual([
      [{ year: 2025, month: 3, day: 15 }],
      [{ year: 2025, month: 4, day: 1 }],
      [{ year: 2025, month: 5, day: 2 }],
      [{ month: 5, day: 3 }],
    ]);
    const en = findDates("by March 15th, 2025, on 4 April or 03/04/2025", "en");
    expect(en.map((d) => d.readings)).toEqual([
      [{ year: 2025, month: 3, day: 15 }],
      [{ month: 4, day: 4 }],
      [
        { year: 2025, month: 4, day: 3 },
        { year: 2025, month: 3, day: 4 },
      ],
    ]);
    expect(findDates("You may pay in 3 instalments of 12 each.", "en")).toEqual([]);
  });
});

describe("checkText", () => {
  const fb = pack("fr-business");
  const facts = factsFor(fb, [
    inv("F-001", "2024-11-01", "2024-12-01", 100000),
    inv("F-002", "2025-02-01", "2025-03-01", 250050),
  ]);
  const state = declineLadder(
    fb,
    // A debtor who offered to pay promptly: the ladder holds the waived full payment too.
    stateFor(fb, facts, "2025-09-15", {
      signals: { fullPaymentImpossible: false, hardship: false, promptPayment: true },
    }),
    4,
  );
  const [full, waived, plan, settlement] = state.offersMade;
  const ctx = (over: Partial<TextContext> = {}): TextContext => ({
    locale: "fr",
    facts,
    due: state.due,
    approvedOffers: state.offersMade,
    moment: "message",
    disclosuresShown: ["ai-notice", "privacy-notice", "amount-breakdown"],
    identityVerified: true,
    now: "2025-09-15T09:00:00Z",
    ...over,
  });
  const check = (text: string, over: Partial<TextContext> = {}, p: PolicyPack = fb) =>
    checkText(text, ctx(over), p);
  const kinds = (text: string, over: Partial<TextContext> = {}) =>
    check(text, over).violations.map((v) => `${v.kind}:${v.match}`);

  it("accepts the case's and the offers' figures", () => {
    expect(full && waived && plan && settlement).toBeTruthy();
    const text =
      "Le total dû est de 3 856,15 € (principal 3 500,50 €, pénalités 275,65 €, indemnités 80,00 €). " +
      "Payez 3 500,50 € avant le 23/09/2025 et nous renonçons à 355,65 €. " +
      "Ou 3 mensualités : 1 285,38 € le 29 septembre 2025, puis le 29 octobre et le 29 novembre ; " +
      "ou 3 759,75 € en une fois (remise de 2,50 %) d'ici le 30 septembre 2025. " +
      "Facture F-001 échue le 1er décembre 2024. Taux BCE + 10 points, soit 12,15 %. Nous sommes le 15/09/2025.";
    expect(check(text).violations).toEqual([]);
  });

  it("flags an amount, a percentage or a date that no fact or offer gives", () => {
    expect(kinds("Vous devez 4 000,00 € avec 15 % de remise d'ici le 12 octobre 2025.")).toEqual([
      "unknown_amount:4 000,00 €",
      "unknown_percent:15 %",
      "unknown_date:12 octobre 2025",
    ]);
    expect(kinds("Total : $3,856.15")).toEqual(["unknown_amount:$3,856.15"]); // right figure, wrong currency
  });

  it("says nothing about the debt before the identity is verified", () => {
    const v = kinds("Bonjour, concernant la facture F-002 de 2 500,50 € échue le 01/03/2025…", {
      identityVerified: false,
    });
    expect(v).toEqual([
      "debt_before_verification:2 500,50 €",
      "debt_before_verification:F-002",
      "debt_before_verification:01/03/2025",
    ]);
    expect(
      check("Bonjour, pouvez-vous confirmer votre identité ?", { identityVerified: false }).violations,
    ).toEqual([]);
  });

  it("reports forbidden wording with its rule and citations", () => {
    expect(check("Un huissier viendra.").violations).toEqual([
      {
        kind: "forbidden_wording",
        rule: "forbiddenWording.authority",
        citations: ["FR-3"],
        match: "huissier",
      },
    ]);
  });

  it("appends session-start disclosures until shown, the amount breakdown with the first figure, offer texts with every offer", () => {
    const ids = (over: Partial<TextContext>, text = "Bonjour.") =>
      check(text, over).disclosuresToAppend.map((d) => d.id);
    expect(ids({ moment: "session_start", disclosuresShown: [] })).toEqual(["ai-notice", "privacy-notice"]);
    expect(ids({ moment: "message", disclosuresShown: ["ai-notice"] })).toEqual(["privacy-notice"]);
    expect(
      ids(
        { moment: "message", disclosuresShown: ["ai-notice", "privacy-notice"] },
        "Le total est de 3 856,15 €.",
      ),
    ).toEqual(["amount-breakdown"]);
    expect(ids({ moment: "offer" })).toEqual(["offer-terms"]);
    expect(
      ids({
        moment: "offer",
        disclosuresShown: ["ai-notice", "privacy-notice", "amount-breakdown", "offer-terms"],
      }),
    ).toEqual(["offer-terms"]);
    const first = check("Bonjour.", { moment: "session_start", disclosuresShown: [] }).disclosuresToAppend[0];
    expect(first?.text).toBe(
      "Vous échangez avec un assistant automatisé (intelligence artificielle) qui agit pour le compte d'Acme Supplies. Vous pouvez demander à parler à une personne à tout moment.",
    );
    expect(
      check("Hello.", { locale: "en", moment: "session_start", disclosuresShown: [] }).disclosuresToAppend[0]
        ?.text,
    ).toMatch(/^You are chatting with an automated assistant/);
  });

  it("fills the R124-4 letter reference in agency mode, and reports it missing rather than showing a gap", () => {
    const agency = {
      moment: "session_start" as const,
      disclosuresShown: ["ai-notice", "privacy-notice"],
      flags: ["agency_mode" as const],
    };
    expect(
      check("Bonjour.", { ...agency, variables: { letterReference: "LR-42", letterDate: "2025-09-01" } })
        .disclosuresToAppend,
    ).toEqual([
      {
        id: "r124-letter",
        text: "Ce message fait suite à notre lettre référence LR-42 du 2025-09-01, adressée au nom d'Acme Supplies.",
      },
    ]);
    const missing = check("Bonjour.", agency);
    expect(missing.disclosuresToAppend).toEqual([]);
    expect(missing.violations).toEqual([
      {
        kind: "missing_disclosure",
        rule: "disclosures.r124-letter",
        citations: ["FR-1"],
        match: "r124-letter: {letterReference}, {letterDate}",
      },
    ]);
  });

  it("adds the time-bar notice on a barred case and forbids litigation words even when authorized", () => {
    const barredFacts = factsFor(fb, [inv("F-9", "2019-01-01", "2019-02-01", 50000)]);
    const barred = stateFor(fb, barredFacts, "2025-09-15");
    const r = check("Nous irons au tribunal.", {
      facts: barredFacts,
      due: barred.due,
      approvedOffers: [],
      flags: ["litigation_authorized"],
    });
    expect(r.violations.map((v) => v.rule)).toEqual(["forbiddenWording.litigation"]);
    expect(r.disclosuresToAppend.map((d) => d.id)).toEqual(["time-barred"]);
  });

  it("US: mini-Miranda every session, debt-collector notice and STOP opt-out on every message", () => {
    const us = pack("us-consumer");
    const usFacts = factsFor(us, [inv("A-1", "2025-01-01", "2025-02-01", 50000)]);
    const usDue = stateFor(us, usFacts, "2025-09-15").due;
    const base = { locale: "en" as const, facts: usFacts, due: usDue, approvedOffers: [] };
    const start = checkText(
      "Hello.",
      ctx({
        ...base,
        moment: "session_start",
        disclosuresShown: ["ai-notice", "privacy-notice", "mini-miranda"],
      }),
      us,
    );
    expect(start.disclosuresToAppend.map((d) => d.id)).toEqual(["mini-miranda", "debt-collector", "opt-out"]);
    const later = checkText(
      "Thanks.",
      ctx({ ...base, moment: "message", disclosuresShown: ["ai-notice", "privacy-notice", "mini-miranda"] }),
      us,
    );
    expect(later.disclosuresToAppend.map((d) => d.text)).toEqual([
      "This message is from a debt collector.",
      "Reply STOP to stop receiving messages through this channel.",
    ]);
  });

  it("UK: the settlement notice comes with every settlement offer", () => {
    const uk = pack("uk-consumer");
    const ukFacts = factsFor(uk, [inv("A-1", "2024-01-01", "2024-02-01", 50000)]);
    const ukDue = stateFor(uk, ukFacts, "2025-09-15").due;
    const r = checkText(
      "Here is the offer.",
      ctx({
        locale: "en",
        facts: ukFacts,
        due: ukDue,
        approvedOffers: [],
        moment: "settlement",
        disclosuresShown: ["ai-notice", "privacy-notice", "debt-advice"],
      }),
      uk,
    );
    expect(r.disclosuresToAppend.map((d) => d.id)).toEqual(["offer-terms", "settlement-remainder"]);
  });
});
