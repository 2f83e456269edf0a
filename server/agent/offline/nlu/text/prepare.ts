// Text -> tokens ready for the rules and the slot readers: normalise, lex, expand SMS
// spellings and contractions, and flag negation words.

import { lex, type Token } from "./lexer.js";
import { normalizeText } from "./normalize.js";
import { expandWord } from "./sms.js";

export interface Prepared {
  /** The normalised text the token offsets point into. */
  text: string;
  /** Every token, symbols included, SMS forms expanded. */
  tokens: Token[];
  /** Words and numbers only: what the rules see. */
  words: Token[];
  /** Parallel to `words`: true for a negation word. */
  negators: boolean[];
}

/** Words that turn a phrase around. "no"/"non" are answers, not negations of what follows. */
const NEGATORS = new Set([
  "pas",
  "jamais",
  "rien",
  "aucun",
  "aucune",
  "nullement",
  "guere",
  "not",
  "never",
  "nor",
  "neither",
]);
/** "plus" negates only after "ne" or a verb: "je (ne) peux plus payer" but not "plus de 100". */
const PLUS_AFTER = new Set([
  "ne",
  "n",
  "peux",
  "peut",
  "pouvons",
  "pouvez",
  "peuvent",
  "veux",
  "veut",
  "arrive",
  "arrivons",
  "sais",
  "dois",
  "suis",
  "sommes",
  "vais",
]);

export function prepare(input: string): Prepared {
  const text = normalizeText(input);
  const tokens: Token[] = [];
  const lexed = lex(text);
  for (let i = 0; i < lexed.length; i++) {
    const t = lexed[i] as Token;
    // SMS forms mixing letters and digits ("mr6", "qq1") come out of the lexer in two pieces.
    const next = lexed[i + 1];
    const glued =
      t.kind === "word" && next?.kind === "num" && next.start === t.end && !next.suffix
        ? expandWord(t.text + next.text)
        : undefined;
    if (glued) i++;
    const expanded = glued ?? (t.kind === "word" ? expandWord(t.text) : undefined);
    if (expanded) for (const w of expanded) tokens.push({ ...t, text: w, kind: "word" });
    else tokens.push(t);
  }
  const words = tokens.filter((t) => t.kind !== "sym");
  const negators = words.map((t, i) => {
    if (t.kind !== "word") return false;
    if (NEGATORS.has(t.text)) return true;
    if (t.text !== "plus") return false;
    const prev = words[i - 1];
    const prev2 = words[i - 2];
    return (prev !== undefined && PLUS_AFTER.has(prev.text)) || prev2?.text === "ne" || prev2?.text === "n";
  });
  return { text, tokens, words, negators };
}
