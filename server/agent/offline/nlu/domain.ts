// Whether a message talks about the debt at all. Used only to tell "off topic" (a long
// message about something else) from "unknown" (a message about the debt we did not get).

import type { Token } from "./text/lexer.js";

const DOMAIN_STEMS = [
  "factur", "dett", "pay", "paie", "paid", "regl", "rembours", "montant", "euro", "argent", "somme", "creanc",
  "echean", "mensualit", "credit", "virement", "cheque", "prelev", "solde", "frais", "relanc", "dossier",
  "compte", "invoice", "bill", "debt", "owe", "amount", "money", "balance", "payment", "instal", "charge",
  "fee", "collect", "account", "refund", "bank", "banque", "card", "carte", "transfer", "cash", "withdraw",
  "dollar", "pound", "penalt", "interest", "interet", "contrat", "contract", "offre", "offer", "plan",
  "remise", "discount", "delai", "recouvr", "transaction", "purchase", "achat", "commande", "order", "statement",
  "releve", "receipt", "recu", "atm", "debit",
];

export function mentionsDebt(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === "num" || (t.kind === "word" && DOMAIN_STEMS.some((s) => t.text.startsWith(s))));
}
