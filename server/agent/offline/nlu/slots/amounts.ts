// Money amounts in digits or words, with or without a currency: "300 €", "€300",
// "300 euros par mois", "trois cents", "$1,200.50", "1.200,50 €", "1 200,50", "1200.50 EUR",
// "£45", "fifty pounds", "two hundred dollars a month", "2k", "50 balles".
// Values become integer minor units through BigInt arithmetic on the digit strings:
// never through a float.

import { minorUnitDigits } from "../../../../domain/money.js";
import type { Token } from "../text/lexer.js";
import type { AmountSlot } from "../types.js";
import { multiplierAfterDigits, readWordNumber } from "./number-words.js";
import { matchPhrase, phraseBefore, wordAt } from "./words.js";

// biome-ignore format: a table reads better in rows
const CURRENCIES: Readonly<Record<string, string>> = {
  "€": "EUR", eur: "EUR", euro: "EUR", euros: "EUR", balles: "EUR", e: "EUR",
  $: "USD", usd: "USD", dollar: "USD", dollars: "USD", bucks: "USD", buck: "USD",
  "£": "GBP", gbp: "GBP", pound: "GBP", pounds: "GBP", quid: "GBP", "livres sterling": "GBP", "livre sterling": "GBP",
  chf: "CHF", "francs suisses": "CHF", cad: "CAD", aud: "AUD", jpy: "JPY", yen: "JPY", "¥": "JPY",
};
const MINOR_WORDS = ["centimes", "centime", "cents", "cent", "cts", "ct", "pence", "penny", "p"];

const MONTH = [
  "par mois", "/ mois", "/ m", "/ mo", "/ month", "mensuel", "mensuels", "mensuellement", "chaque mois", "tous les mois",
  "la mensualite", "par mensualite", "a month", "per month", "a mth", "monthly", "each month", "every month",
  "pm", "p / m", "per calendar month", "pcm", "a mois",
];
const WEEK = [
  "par semaine", "/ semaine", "/ sem", "hebdo", "chaque semaine", "toutes les semaines", "a week", "per week", "/ week",
  "/ wk", "weekly", "each week", "every week", "pw", "p / w",
];
const MONTH_BEFORE = ["mensualites de", "mensualite de", "monthly payments of", "monthly instalments of", "monthly installments of", "chaque mois", "tous les mois", "every month", "each month", "monthly"];
const WEEK_BEFORE = ["weekly payments of", "weekly instalments of", "chaque semaine", "toutes les semaines", "every week", "each week", "weekly"];

/** Words after a bare number that make it a count of something else ("3 enfants", "2 ans"). */
const NOUN_AFTER = new Set([
  "ans", "an", "annee", "annees", "jours", "jour", "heures", "heure", "h", "minutes", "min", "fois", "mois",
  "semaines", "semaine", "enfants", "enfant", "personnes", "kids", "children", "child", "years", "year", "days",
  "day", "hours", "hour", "weeks", "week", "months", "month", "times", "people", "items", "articles", "factures",
  "invoices", "rue", "avenue", "av", "bd", "boulevard", "street", "road", "lane", "chemin", "allee", "impasse",
  "place", "km", "kg", "m2", "ans", "relances", "reminders", "letters", "lettres", "courriers", "appels", "calls",
  "messages", "mails", "emails", "employes", "salaries", "employees", "clients", "customers", "pages", "%",
  "percent", "pour", "pourcent", "x", "mensualites", "payments", "instalments", "installments", "versements",
  "echeances", "paiements", "digits", "chiffres", "derniers", "last", "am", "pm", ":", "ieme", "eme",
]);
/** Words before a bare number that make it an identifier ("facture 1234", "n° 56", "code 75011"). */
const ID_BEFORE = new Set([
  "n", "no", "num", "numero", "number", "nr", "ref", "reference", "facture", "invoice", "dossier", "case",
  "client", "customer", "account", "compte", "siret", "siren", "tel", "telephone", "phone", "portable", "mobile",
  "code", "postal", "postcode", "zip", "pin", "cp", "commande", "order", "contrat", "contract", "id",
  "identifiant", "matricule", "page", "article", "#", "°", "ticket", "lot", "version", "rue", "street", "apt",
  "appartement", "batiment", "etage", "floor", "room", "chambre", "ne", "nee", "born", "annee", "year",
  "age", "aged", "agee", "chapter", "iban", "bic",
]);
/** Identifier words that may sit a few words before the number ("numéro client est le ..."). */
const ID_NEAR_BEFORE = new Set([
  "numero", "number", "ref", "reference", "siret", "siren", "postal", "postcode", "zip", "identifiant", "matricule",
  "telephone", "phone", "tel", "iban", "dossier", "client", "customer", "account", "compte",
]);
const MONEY_VERBS = new Set([
  "payer", "paye", "paie", "regler", "verser", "verse", "propose", "proposer", "offre", "mettre", "mets", "donner",
  "donne", "rembourser", "envoyer", "virer", "pay", "paid", "offer", "give", "afford", "do", "manage", "send",
  "put", "spare", "transfer", "settle", "accept", "prendre", "take", "owe", "dois", "doit", "devoir",
]);

interface Parsed {
  int: string;
  frac: string;
  mult: number;
  end: number;
  word: boolean;
  suffixCurrency?: string;
}

function currencyAt(tokens: readonly Token[], i: number, caseCurrency: string): { code: string; end: number } | null {
  const m = matchPhrase(tokens, i, Object.keys(CURRENCIES));
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

/** Exact conversion to minor units, rounding half up; null beyond safe integers. */
export function toMinorUnits(int: string, frac: string, mult: number, digits: number): number | null {
  const scaled = BigInt(int + frac) * BigInt(mult) * 10n ** BigInt(digits);
  const div = 10n ** BigInt(frac.length);
  const v = (scaled + div / 2n) / div;
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

/** Three numbers or more in a row ("06 12 34 56") are a phone number or a code. */
function inNumberRun(tokens: readonly Token[], i: number): boolean {
  let a = i;
  while (tokens[a - 1]?.kind === "num") a--;
  let b = i;
  while (tokens[b + 1]?.kind === "num") b++;
  return b - a >= 2;
}

export function readAmounts(tokens: readonly Token[], caseCurrency: string, consumed: Set<number>, text: string): AmountSlot[] {
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
    const digits = minorUnitDigits(currency ?? caseCurrency);
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
  // "mon numéro client est le 458213": an identifier word shortly before.
  if ([2, 3, 4].some((k) => ID_NEAR_BEFORE.has(wordAt(tokens, i - k) ?? ""))) return false;
  if (n.word) return Number(n.int) >= 20 || moneyVerbBefore;
  const tok = tokens[i] as Token;
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
