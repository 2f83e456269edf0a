// findWordFigures skips the lexing of a text that cannot hold a figure in words (most replies: their
// figures are digits). The skip must never hide a figure: on every text below, the quick test says
// "may hold" whenever the full reading finds something, and it does say "cannot" for plain replies
// (or the skip would be dead weight).
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fromRoot } from "../config/paths.js";
import { findWordFigures, mayHoldWordFigures, readWordFigures } from "./extract-words.js";
import { englishWords, frenchWords } from "./test-support/number-words.js";

const found = (t: string) => {
  const r = readWordFigures(t);
  return r.amounts.length + r.percents.length > 0;
};

/** Every string value of a YAML document (the catalogue's texts). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const corpusDir = fromRoot("server", "agent", "offline", "nlu", "corpus");
const debtorTexts = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((f) => readFileSync(`${corpusDir}/${f}`, "utf8").trim().split("\n"))
  .map((line) => (JSON.parse(line) as { text: string }).text);
const catalogueTexts = ["fr", "en"].flatMap((l) =>
  strings(parse(readFileSync(fromRoot("prompts", "offline", `${l}.yaml`), "utf8"))),
);

describe("the quick test before reading figures in words", () => {
  it("never skips a text of the NLU corpus or the catalogue that holds one", () => {
    const texts = [...debtorTexts, ...catalogueTexts];
    expect(texts.length).toBeGreaterThan(700);
    const skippedWithFigures = texts.filter((t) => !mayHoldWordFigures(t) && found(t));
    expect(skippedWithFigures).toEqual([]);
    // Some of them do hold figures in words: the comparison above is not vacuous.
    expect(texts.filter(found).length).toBeGreaterThan(5);
  });

  const spelled = fc.oneof(
    fc.integer({ min: 1, max: 999_999 }).map((n) => frenchWords(n)),
    fc.integer({ min: 1, max: 999_999 }).map((n) => englishWords(n)),
    fc.constantFrom("un", "une", "a", "one", "k", "cent", "mille", "dix", "vingt-et-un"),
  );
  const unit = fc.constantFrom(
    "euros",
    "euro",
    "€",
    "EUR",
    "Euros",
    "dollars",
    "bucks",
    "$",
    "pounds",
    "quid",
    "£",
    "livres sterling",
    "livre",
    "pour cent",
    "pourcent",
    "pr cent",
    "per cent",
    "percent",
    "%",
    "％",
    "et cinquante centimes",
    "",
  );
  const separator = fc.constantFrom(" ", "  ", "\u00a0", "\u202f", "-", "'", "\t", "", " (", ", ");
  const filler = fc.constantFrom(
    "",
    "je peux payer",
    "la moitié de",
    "un tiers de la dette",
    "a quarter of what I owe,",
    "les trois quarts du solde",
    "half past",
    "Le montant dû est de 1 300,74 €.",
    "jpeu donner",
  );

  it("never skips a number in words followed by a currency, a percent or a fraction, however written", () => {
    fc.assert(
      fc.property(filler, spelled, separator, unit, filler, fc.boolean(), (a, n, sep, u, b, upper) => {
        const raw = `${a} ${n}${sep}${u} ${b}`;
        const text = upper ? raw.toUpperCase() : raw;
        if (found(text)) expect(mayHoldWordFigures(text)).toBe(true);
        expect(findWordFigures(text)).toEqual(readWordFigures(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("skips the usual reply, whose figures are digits", () => {
    const reply =
      "Merci, c'est bien vous. Le dossier BENCH-999 pour Bench Creditor concerne la facture B-999 du " +
      "1er juillet 2026 (1 209,99 €, échue le 31 juillet 2026). Le montant dû aujourd'hui est de 1 300,74 €, " +
      "dont 1 209,99 € de principal, 50,75 € de pénalités de retard, 40,00 € d'indemnité forfaitaire de " +
      "recouvrement. Avant tout, j'aimerais comprendre : qu'est-ce qui a bloqué le paiement ?";
    expect(mayHoldWordFigures(reply)).toBe(false);
    expect(mayHoldWordFigures("Je vous propose 3 versements de 433,58 € pour un total de 1 300,74 €.")).toBe(
      false,
    );
    expect(mayHoldWordFigures("cinquante euros")).toBe(true);
  });
});
