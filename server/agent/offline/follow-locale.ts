// The language to answer in: the debtor's, detected message by message. A debtor who switches to
// English is answered in English from then on; a short or neutral message ("ok", "75011") keeps the
// language of the conversation so far. The case's locale is where it starts.
import type { Locale } from "../../domain/case-facts.js";
import type { TurnContext } from "../language-layer.js";
import { detectLocale } from "./nlu/locale.js";
import { prepare } from "./nlu/text/prepare.js";

/** Words needed before a message may switch the language: "ok" or "yes" alone never do. */
const MIN_WORDS = 3;

function switchTo(text: string, current: Locale): Locale {
  const p = prepare(text);
  if (p.words.length < MIN_WORDS) return current;
  return detectLocale(text, p.tokens, current);
}

export function followLocale(ctx: Pick<TurnContext, "locale" | "history" | "debtorText">): Locale {
  const debtor = ctx.history.filter((m) => m.role === "debtor").map((m) => m.text);
  if (debtor.at(-1) !== ctx.debtorText) debtor.push(ctx.debtorText);
  return debtor.slice(-6).reduce<Locale>((current, text) => switchTo(text, current), ctx.locale);
}

const LANGUAGE_VERBS = new Set(
  "speak talk write chat continue answer reply communicate parler parle parlez ecrire ecrivez continuer continuons repondre repondez discuter".split(
    " ",
  ),
);
const LANGUAGES = new Set(["english", "anglais", "french", "francais"]);

/**
 * "can we speak english please", "vous pouvez m'écrire en français ?": a short message that asks
 * for a language and nothing else (a proposal or a question in it is answered as such instead).
 */
export function asksForLanguage(text: string): boolean {
  const words = prepare(text).words;
  if (words.length > 10) return false;
  return words.some((w) => LANGUAGE_VERBS.has(w.text)) && words.some((w) => LANGUAGES.has(w.text));
}
