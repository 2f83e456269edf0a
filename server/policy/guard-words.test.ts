// The guard reads figures written in words and claims that the debt is dropped, in French and
// English, and checks them like digits. Property tests spell random amounts and percentages with a
// speller written apart from the reader (test-support/number-words.ts).
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fromRoot } from "../config/paths.js";
import { findWordFigures } from "./extract-words.js";
import { findReleaseClaims } from "./release-claims.js";
import { declineLadder, factsFor, pack, stateFor } from "./test-support/fixtures.js";
import { englishWords, frenchWords } from "./test-support/number-words.js";
import { checkText, type TextContext } from "./text-check.js";

const fb = pack("fr-business");
const facts = factsFor(fb, [
  { number: "F-001", issuedAt: "2024-11-01", dueAt: "2024-12-01", amount: 100000 },
  { number: "F-002", issuedAt: "2025-02-01", dueAt: "2025-03-01", amount: 250050 },
]);
const state = declineLadder(
  fb,
  // A debtor who offered to pay promptly: the ladder holds the waived full payment too.
  stateFor(fb, facts, "2025-09-15", {
    signals: { fullPaymentImpossible: false, hardship: false, promptPayment: true },
  }),
  4,
);
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
const violations = (text: string, over: Partial<TextContext> = {}) =>
  checkText(text, ctx(over), fb).violations.map((v) => v.kind);
const allowedMinor = new Set<number>([
  state.due.total,
  state.due.principal,
  state.due.interest,
  state.due.fees,
  state.due.indemnity,
  state.due.paid,
  ...facts.invoices.map((i) => i.amount),
  ...state.due.lines.map((l) => l.amount),
  ...state.offersMade.flatMap((o) => [
    o.total,
    ...o.instalments.map((i) => i.amount),
    state.due.total - o.total,
  ]),
]);

describe("the issue's sentences", () => {
  it.each([
    ["We can accept ten euros to close the file for good.", "unknown_amount"],
    ["I can give you a ninety percent reduction on everything you owe.", "unknown_percent"],
    ["Je peux vous accorder quatre-vingt-dix pour cent de remise.", "unknown_percent"],
    ["Nous pouvons effacer la moitié de ce que vous devez.", "unknown_percent"],
    ["You only need to pay half of what you owe.", "unknown_percent"],
    ["We could take off a quarter of the balance.", "unknown_percent"],
    [
      "the creditor has decided to drop the whole matter and will not ask you for payment.",
      "forbidden_wording",
    ],
    ["Bonne nouvelle : vous ne devez plus rien.", "forbidden_wording"],
    ["Your balance has been written off in full.", "forbidden_wording"],
    ["Le créancier renonce à sa créance.", "forbidden_wording"],
  ])("%s is blocked", (text, kind) => {
    expect(violations(text)).toContain(kind);
    expect(violations(text, { locale: "en" })).toContain(kind);
  });

  it("cites the pack's false-status rule for a release claim", () => {
    const v = checkText("They will no longer ask you for any payment.", ctx(), fb).violations;
    expect(v).toEqual([
      expect.objectContaining({ kind: "forbidden_wording", rule: "forbiddenWording.false-status" }),
    ]);
    expect(v[0]?.citations.length).toBeGreaterThan(0);
  });

  it.each([
    "I cannot cancel the debt, but I can offer you a payment plan.",
    "Je ne peux pas annuler la dette, mais je peux vous proposer un échéancier.",
    "For a prompt payment I can waive the late charges.",
    "Je peux renoncer aux frais de retard.",
    "You don't have to pay everything today.",
    "This file is closed.",
    "Half past two works for a call, or a quarter to five.",
    "Je ne peux pas parler de ce dossier avec un tiers.",
    "A third party cannot discuss this file.",
    "The first half of the month is fine.",
  ])("%s is not a figure or a release claim", (text) => {
    expect(violations(text)).toEqual([]);
  });

  it("lets an engine-approved discount through in words", () => {
    const settlement = state.offersMade.find((o) => o.kind === "settlement");
    expect(settlement?.discountBps).toBe(250);
    const withHalf = [{ ...(settlement as NonNullable<typeof settlement>), discountBps: 5000 }];
    expect(violations("We can take off half of what you owe.", { approvedOffers: withHalf })).toEqual([]);
    expect(violations("We can take off half of what you owe.")).toEqual(["unknown_percent"]);
  });

  it("says no figure in words before the identity is verified", () => {
    expect(violations("You owe two thousand euros.", { identityVerified: false })).toContain(
      "debt_before_verification",
    );
  });
});

describe("property: amounts and percentages in words", () => {
  const spell = (n: number, lang: "en" | "en-us" | "fr") =>
    lang === "fr" ? frenchWords(n) : englishWords(n, lang === "en");
  const arbLang = fc.constantFrom<"en" | "en-us" | "fr">("en", "en-us", "fr");

  it("reads every amount in words, in both languages, as digits would be", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), arbLang, (n, lang) => {
        const text =
          lang === "fr"
            ? `Nous pouvons accepter ${spell(n, lang)} euros pour clore le dossier.`
            : `We can accept ${spell(n, lang)} euros to close the file.`;
        const found = findWordFigures(text).amounts;
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ currency: "EUR", minor: n * 100 });
        const kinds = violations(text);
        if (allowedMinor.has(n * 100)) expect(kinds).not.toContain("unknown_amount");
        else expect(kinds).toContain("unknown_amount");
      }),
      { numRuns: 400 },
    );
  });

  it("reads amounts with cents in words and lets the engine's own figures through", () => {
    const figures = [...allowedMinor].filter((m) => m > 0 && m < 100_000_000);
    fc.assert(
      fc.property(fc.constantFrom(...figures), arbLang, (minor, lang) => {
        const major = Math.floor(minor / 100);
        const cents = minor % 100;
        const text =
          lang === "fr"
            ? `Vous régleriez ${spell(major, lang)} euros${cents ? ` et ${spell(cents, lang)} centimes` : ""}.`
            : `You would pay ${spell(major, lang)} euros${cents ? ` and ${spell(cents, lang)} cents` : ""}.`;
        expect(findWordFigures(text).amounts.map((a) => a.minor)).toEqual([minor]);
        expect(violations(text)).not.toContain("unknown_amount");
      }),
      { numRuns: 200 },
    );
  });

  it("reads every whole percentage in words and flags those no offer or pack gives", () => {
    const okPercents = new Set(checkAllowedPercents());
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        arbLang,
        fc.constantFrom("percent", "per cent", "%"),
        (n, lang, sign) => {
          const text =
            lang === "fr"
              ? `Je peux vous accorder ${spell(n, lang)} ${sign === "%" ? "%" : "pour cent"} de remise.`
              : `I can give you a ${spell(n, lang)} ${sign} reduction.`;
          expect(findWordFigures(text).percents.map((p) => p.bps)).toEqual([n * 100]);
          const kinds = violations(text);
          if (okPercents.has(n * 100)) expect(kinds).not.toContain("unknown_percent");
          else expect(kinds).toContain("unknown_percent");
        },
      ),
      { numRuns: 300 },
    );
  });

  /** The percentages the pack and offers allow, found by asking the guard about each one in digits. */
  function checkAllowedPercents(): number[] {
    const out: number[] = [];
    for (let n = 1; n <= 100; n++) if (!violations(`${n} %`).includes("unknown_percent")) out.push(n * 100);
    return out;
  }
});

describe("release claims, both languages", () => {
  const subjectsEn = ["the debt", "your balance", "the whole amount", "the claim", "everything you owe"];
  const verbsEn = ["cancelled", "waived", "written off", "forgiven", "dropped", "wiped out"];
  const subjectsFr = ["la dette", "votre créance", "le solde", "la totalité de la dette", "la facture"];
  const verbsFr = ["annulée", "effacée", "abandonnée", "remise", "classée sans suite"];

  it("finds '<debt> is/has been <released>' in any combination", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...subjectsEn),
        fc.constantFrom("is", "has been", "will be", "is now"),
        fc.constantFrom(...verbsEn),
        (s, aux, v) => {
          expect(findReleaseClaims(`Good news: ${s} ${aux} ${v}.`)).not.toEqual([]);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...subjectsFr),
        fc.constantFrom("est", "a été", "sera", "va être"),
        fc.constantFrom(...verbsFr),
        (s, aux, v) => {
          expect(findReleaseClaims(`Bonne nouvelle : ${s} ${aux} ${v}.`)).not.toEqual([]);
        },
      ),
    );
  });

  it("does not flag a refusal to release", () => {
    fc.assert(
      fc.property(fc.constantFrom("cancel", "waive", "write off", "forgive", "drop"), (v) => {
        expect(findReleaseClaims(`I'm sorry, I cannot ${v} the debt.`)).toEqual([]);
      }),
    );
  });

  it("finds no figure in words and no release claim in the offline catalogue", () => {
    const dir = fromRoot("prompts", "offline");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
      const doc = parse(readFileSync(`${dir}/${file}`, "utf8")) as { messages: Record<string, string[]> };
      for (const [key, variants] of Object.entries(doc.messages)) {
        for (const text of variants) {
          expect(findReleaseClaims(text), `${file} ${key}`).toEqual([]);
          const words = findWordFigures(text);
          expect([...words.amounts, ...words.percents], `${file} ${key}: ${text}`).toEqual([]);
        }
      }
    }
  });
});
