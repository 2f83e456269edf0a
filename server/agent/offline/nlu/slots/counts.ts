// Number of instalments or months: "en 6 fois", "sur 10 mois", "3 mensualités", "3x",
// "six months", "in 4 payments", "12 monthly instalments". A duration in the past
// ("depuis 6 mois", "3 months ago") is not a plan length.

import type { Token } from "../text/lexer.js";
import { readWordNumber } from "./number-words.js";
import { matchPhrase, phraseBefore } from "./words.js";

const UNITS = [
  "fois",
  "mois",
  "mensualites",
  "mensualite",
  "echeances",
  "echeance",
  "versements",
  "versement",
  "paiements",
  "prelevements",
  "tranches",
  "traites",
  "months",
  "month",
  "payments",
  "instalments",
  "installments",
  "repayments",
  "monthly payments",
  "monthly instalments",
  "monthly installments",
  "monthly repayments",
  "equal payments",
  "parts",
  "chunks",
  "x",
];
const PAST_BEFORE = [
  "il y a",
  "depuis",
  "ca fait",
  "cela fait",
  "since",
  "for the past",
  "for the last",
  "past",
  "last",
  "over the past",
  "over the last",
  "these",
];
const PAST_AFTER = [
  "ago",
  "de retard",
  "late",
  "overdue",
  "behind",
  "en retard",
  "d affilee",
  "in a row",
  "plus tard",
  "later",
  "old",
  "derniers",
  "passes",
];

const COMPARISON = ["plus", "moins", "more", "less", "the amount", "le montant"];

export const MAX_COUNT = 120;

/** The first instalment count in the text; marks its tokens consumed. */
export function readCount(tokens: readonly Token[], consumed: Set<number>): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const t = tokens[i] as Token;
    let value: number | undefined;
    let end = i + 1;
    if (t.kind === "num") {
      if (t.frac) continue;
      value = Number(t.int);
      if (t.suffix === "x") {
        if (value > 1 && value <= MAX_COUNT) {
          consumed.add(i);
          return value;
        }
        continue;
      }
      if (t.suffix) continue;
    } else {
      const w = readWordNumber(tokens, i);
      if (!w) continue;
      value = w.value;
      end = w.end;
    }
    const unit = matchPhrase(tokens, end, UNITS);
    if (!unit || value < 2 || value > MAX_COUNT) continue;
    if (phraseBefore(tokens, i, PAST_BEFORE) || matchPhrase(tokens, unit.end, PAST_AFTER)) continue;
    // "dans 3 mois" is a date (read before counts); "3 fois plus" is a comparison.
    if (matchPhrase(tokens, unit.end, COMPARISON)) continue;
    for (let k = i; k < unit.end; k++) consumed.add(k);
    return value;
  }
  return undefined;
}
