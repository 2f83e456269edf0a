// Money amounts in digits or words, with or without a currency: "300 €", "€300",
// "300 euros par mois", "trois cents", "$1,200.50", "1.200,50 €", "1 200,50", "1200.50 EUR",
// "£45", "fifty pounds", "two hundred dollars a month", "2k", "50 balles".
// Values become integer minor units through BigInt arithmetic on the digit strings:
// never through a float.

import { minorUnitDigits } from "../../../../domain/money.js";
import type { Token } from "../text/lexer.js";
import type { AmountSlot } from "../types.js";
import {
  CURRENCIES,
  ID_BEFORE,
  ID_NEAR_BEFORE,
  MINOR_WORDS,
  MONEY_VERBS,
  MONTH,
  MONTH_BEFORE,
  NOUN_AFTER,
  WEEK,
  WEEK_BEFORE,
} from "./amount-words.js";
import { multiplierAfterDigits, readWordNumber } from "./number-words.js";
import { matchPhrase, phraseBefore, wordAt } from "./words.js";

/** Words after a bare number that make it a count of something else ("3 enfants", "2 ans"). */
/** Words before a bare number that make it an identifier ("facture 1234", "n° 56", "code 75011"). */
/** Identifier words that may sit a few words before the number ("numéro client est le ..."). */

interface Parsed {
  int: string;
  frac: string;
  mult: number;
  end: number;
  word: boolean;
  suffixCurrency?: string;
}

const CURRENCY_PHRASES = Object.keys(CURRENCIES);

function currencyAt(
  tokens: readonly Token[],
  i: number,
  caseCurrency: string,
): { code: string; end: number } | null {
  const m = matchPhrase(tokens, i, CURRENCY_PHRASES);
  if (!m) return null;
  // "e" alone is a currency only when glued to digits (see suffix handling), never as a word.
  if (m.phrase === "e") return null;
  let code = CURRENCIES[m.phrase] as string;
  // "$" in a Canadian or Australian case means the case's dollar.
  if (m.phrase === "$" && (caseCurrency === "CAD" || caseCurrency === "AUD")) code = caseCurrency;
  return { code, end: m.end };
}

function numberAt(tokens: readonly Token[], i: number): Parsed | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === "num") {
    let mult = 1;
    let suffixCurrency: string | undefined;
    if (t.suffix === "k") mult = 1000;
    else if (t.suffix === "e") suffixCurrency = "EUR";
    else if (t.suffix) return null;
    let end = i + 1;
    const after = multiplierAfterDigits(wordAt(tokens, end));
    if (after > 1 && mult === 1) {
      mult = after;
      end++;
    }
    return { int: t.int ?? "0", frac: t.frac ?? "", mult, end, word: false, suffixCurrency };
  }
  const w = readWordNumber(tokens, i);
  if (!w) return null;
  return { int: String(w.value), frac: "", mult: 1, end: w.end, word: true };
}

// Intl lookups are slow; currencies are few.
const DIGITS = new Map<string, number>();
function digitsOf(currency: string): number {
  let d = DIGITS.get(currency);
  if (d === undefined) {
    try {
      d = minorUnitDigits(currency);
    } catch {
      d = 2;
    }
    DIGITS.set(currency, d);
  }
  return d;
}

/** Exact conversion to minor units, rounding half up; null beyond safe integers. */
export function toMinorUnits(int: string, frac: string, mult: number, digits: number): number | null {
  const scaled = BigInt(int + frac) * BigInt(mult) * 10n ** BigInt(digits);
  const div = 10n ** BigInt(frac.length);
  const v = (scaled + div / 2n) / div;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

/** Three numbers or more in a row ("06 12 34 56") are a phone number or a code. */
function inNumberRun(tokens: readonly Token[], i: number): boolean {
  let run = 1;
  for (let a = i - 1; a >= 0 && tokens[a]?.kind === "num" && run < 3; a--) run++;
  for (let b = i + 1; b < tokens.length && tokens[b]?.kind === "num" && run < 3; b++) run++;
  return run >= 3;
}

export function readAmounts(
  tokens: readonly Token[],
  caseCurrency: string,
  consumed: Set<number>,
  text: string,
): AmountSlot[] {
  const out: AmountSlot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const pre = currencyAt(tokens, i, caseCurrency);
    const start = i;
    const at = pre ? pre.end : i;
    if (consumed.has(at)) continue;
    const n = numberAt(tokens, at);
    if (!n) continue;
    let end = n.end;
    let currency = pre?.code ?? n.suffixCurrency;
    let minor = false;
    if (!currency) {
      const post = currencyAt(tokens, end, caseCurrency);
      if (post) {
        currency = post.code;
        end = post.end;
      } else {
        const m = matchPhrase(tokens, end, MINOR_WORDS);
        // "trois cents" was read as 300 by the number reader; here "cents" follows digits.
        if (m && !n.word && !n.frac) {
          minor = true;
          end = m.end;
        }
      }
    }
    let perPeriod: "month" | "week" | undefined;
    const month = matchPhrase(tokens, end, MONTH);
    const week = month ? null : matchPhrase(tokens, end, WEEK);
    if (month || week) {
      perPeriod = month ? "month" : "week";
      end = (month ?? week)?.end ?? end;
    } else if (phraseBefore(tokens, start, MONTH_BEFORE)) perPeriod = "month";
    else if (phraseBefore(tokens, start, WEEK_BEFORE)) perPeriod = "week";

    if (!currency && !minor && !perPeriod && !bareIsAmount(tokens, start, n)) continue;
    const digits = digitsOf(currency ?? caseCurrency);
    const amount = minor ? Number(n.int) : toMinorUnits(n.int, n.frac, n.mult, digits);
    if (amount === null || !Number.isSafeInteger(amount) || amount <= 0) continue;
    const first = tokens[start] as Token;
    const last = tokens[end - 1] as Token;
    const slot: AmountSlot = { amount, raw: text.slice(first.start, last.end) };
    if (currency) slot.currency = currency;
    if (perPeriod) slot.perPeriod = perPeriod;
    out.push(slot);
    for (let k = start; k < end; k++) consumed.add(k);
    i = end - 1;
  }
  return out;
}

/** A number with no currency and no period: money only if nothing says it is something else. */
function bareIsAmount(tokens: readonly Token[], i: number, n: Parsed): boolean {
  const next = tokens[n.end]?.text ?? "";
  const prev = tokens[i - 1]?.text ?? "";
  const moneyVerbBefore = [1, 2, 3].some((k) => MONEY_VERBS.has(wordAt(tokens, i - k) ?? ""));
  if (NOUN_AFTER.has(next) || ID_BEFORE.has(prev)) return false;
  // "50 pour cent" is a percentage; "800 pour clore le dossier" is money.
  if (next === "pour" && ["cent", "100"].includes(tokens[n.end + 1]?.text ?? "")) return false;
  // "mon numéro client est le 458213": an identifier word shortly before.
  if ([2, 3, 4].some((k) => ID_NEAR_BEFORE.has(wordAt(tokens, i - k) ?? ""))) return false;
  // "un", "une", "one", "a" are articles far more often than amounts.
  if (n.word) return Number(n.int) >= 20 || (moneyVerbBefore && Number(n.int) >= 2);
  const tok = tokens[i] as Token;
  // "F-1002", "INV/2024", "#56": glued to a symbol, a number is a reference.
  const before = tokens[i - 1];
  if (before?.kind === "sym" && before.end === tok.start && ["-", "/", "#", "_", "°"].includes(before.text))
    return false;
  if (n.int.length > 1 && n.int.startsWith("0")) return false;
  if (n.int.length >= 7 && n.mult === 1 && !n.frac) return false;
  if (inNumberRun(tokens, i)) return false;
  const v = Number(n.int);
  const yearLike = n.int.length === 4 && v >= 1900 && v <= 2100 && !n.frac && n.mult === 1;
  if (yearLike && !moneyVerbBefore) return false;
  // A time: "14:30", "at 5", "vers 18".
  if (next === ":") return false;
  if ((prev === "at" || prev === "vers") && !moneyVerbBefore) return false;
  return tok.kind === "num";
}
