// Before identity is verified, only a message shaped like an answer spends one of the three
// attempts. A greeting, a question or chit-chat ("bonjour", "c quoi ?", "whats this about") gets a
// short explanation of why we ask, so a confused debtor does not lock their own link.
import { type Locale, understand } from "./nlu/index.js";

/** Intents that say something other than an answer, read without the identity context. */
const NOT_AN_ANSWER = new Set([
  "greeting",
  "thanks",
  "accept",
  "decline",
  "question_debt",
  "ask_fees",
  "off_topic",
  "injection",
  "abuse",
  "want_plan",
  "pay_full",
  "ask_discount",
  "forgot",
  "admin_problem",
  "hardship",
]);

/**
 * Openings of a question or of confusion, written without accents, lower case. "I don't know" and
 * "no idea" are answers (someone who does not know it): they count.
 */
const QUESTION_START =
  /^(c(est)? ?(quoi|koi)|quoi|koi|quel|quelle|pourquoi|pk|pq|qui|comment|cmt|ou|what|whats|wat|wot|why|who|whos|how|where|which|huh|hein|euh|hmm+|je (ne )?(comprends|comprend|capte) pas|jcomprends|i (do not|dont|don t) (understand|get it))\b/;

function plain(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const DONT_KNOW =
  /\b(no idea|no clue|(do not|dont|don t) know|(can t|cannot|can not|don t|do not) remember|forgot|forgotten|aucune idee|(sais|sait) (pas|plus)|souviens (pas|plus)|rappelle (pas|plus)|oublie)\b/;

export function isAnswerShaped(text: string, locale: Locale): boolean {
  const t = plain(text);
  if (t.length === 0) return false;
  // Postcodes, dates, invoice numbers: a message with a digit is an attempt.
  if (/\p{N}/u.test(t)) return true;
  // Not knowing the answer is an answer: a person guessing on someone else's file spends attempts.
  if (DONT_KNOW.test(t)) return true;
  if (t.includes("?") || QUESTION_START.test(t)) return false;
  if (t.split(" ").length > 8) return false;
  const u = understand(text, { locale, currency: "EUR", today: "2000-01-01" });
  return !u.intents.some((i) => NOT_AN_ANSWER.has(i));
}
