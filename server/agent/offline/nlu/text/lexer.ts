// Lexer: normalised text -> words, numbers and symbols, each tagged with its sentence and
// clause. Rules match inside a sentence; negation never reaches across a clause.
// One linear pass over regex "pieces" (letters, digits, spaces, single characters), so
// no input can make it backtrack.

import { resolveDigitChain } from "./numbers.js";

export interface Token {
  kind: "word" | "num" | "sym";
  /** word: the word; num: the digits as read ("1200.50"); sym: the character. */
  text: string;
  start: number;
  end: number;
  sentence: number;
  clause: number;
  /** num: integer digits without separators. */
  int?: string;
  /** num: fraction digits, "" when none. */
  frac?: string;
  /** num: letters glued to the digits ("3x", "1er", "15th", "2k", "50e", "14h"). */
  suffix?: string;
}

interface Piece {
  type: "L" | "D" | "S" | "P";
  text: string;
  start: number;
}

// What /(\p{L}+)|(\d+)|(\s+)|([\s\S])/gu would cut, read in one pass over the code points: letters,
// ASCII digits and spaces run together, anything else stands alone. Each character's kind is
// remembered (texts use few distinct characters; the bound only stops hostile input).
const kinds = new Map<string, Piece["type"]>();
const KINDS_MAX = 20_000;

function kindOf(ch: string): Piece["type"] {
  let kind = kinds.get(ch);
  if (kind === undefined) {
    kind = /\p{L}/u.test(ch) ? "L" : /\d/.test(ch) ? "D" : /\s/u.test(ch) ? "S" : "P";
    if (kinds.size < KINDS_MAX) kinds.set(ch, kind);
  }
  return kind;
}

function pieces(s: string): Piece[] {
  const out: Piece[] = [];
  let current: Piece | undefined;
  let offset = 0;
  for (const ch of s) {
    const type = kindOf(ch);
    if (current && type !== "P" && current.type === type) current.text += ch;
    else {
      current = { type, text: ch, start: offset };
      out.push(current);
    }
    offset += ch.length;
  }
  return out;
}

/** French elided words: "j'ai" -> "j" + "ai", "qu'il" -> "qu" + "il". */
const ELISIONS = new Set([
  "j",
  "l",
  "d",
  "n",
  "m",
  "t",
  "s",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
  "presqu",
  "quelqu",
]);
const NUMBER_SUFFIXES = new Set([
  "x",
  "er",
  "ere",
  "re",
  "e",
  "eme",
  "em",
  "ieme",
  "st",
  "nd",
  "rd",
  "th",
  "k",
  "h",
  "mn",
  "min",
  "am",
  "pm",
]);
const SENTENCE_END = new Set([".", "!", "?", ";", "\u2026"]);
const CLAUSE_END = new Set([",", ":", "(", ")", "[", "]", "/", '"']);
/** Conjunctions that open a new clause: "je ne sais pas, mais je peux payer" keeps "pas" away from "payer". */
const CLAUSE_WORDS = new Set([
  "mais",
  "but",
  "however",
  "cependant",
  "pourtant",
  "sinon",
  "otherwise",
  "though",
  "although",
  "sauf",
  "except",
  "unless",
]);

const DIGIT_SEPARATORS = new Set([".", ",", "'", " "]);

export function lex(s: string): Token[] {
  const ps = pieces(s);
  const out: Token[] = [];
  let sentence = 0;
  let clause = 0;
  const push = (t: Lexed) => out.push({ ...t, sentence, clause });
  let i = 0;
  while (i < ps.length) {
    const p = ps[i] as Piece;
    if (p.type === "S") {
      if (p.text.includes("\n")) {
        sentence++;
        clause++;
      }
      i++;
    } else if (p.type === "D") {
      const { tokens, next } = lexNumber(ps, i);
      for (const t of tokens) push(t);
      i = next;
    } else if (p.type === "L") {
      i = lexWord(ps, i, (text, start, end) => {
        if (CLAUSE_WORDS.has(text)) clause++;
        push({ kind: "word", text, start, end });
      });
    } else {
      const prev = ps[i - 1];
      const next = ps[i + 1];
      // A hyphen inside a word ("peut-être", "quatre-vingt") only separates words.
      const innerHyphen = p.text === "-" && prev?.type === "L" && next?.type === "L";
      if (!innerHyphen) {
        push({ kind: "sym", text: p.text, start: p.start, end: p.start + p.text.length });
        if (SENTENCE_END.has(p.text)) {
          sentence++;
          clause++;
        } else if (CLAUSE_END.has(p.text)) clause++;
      }
      i++;
    }
  }
  return out;
}

type Lexed = Omit<Token, "sentence" | "clause">;

/** Reads a digit chain starting at piece i; returns its tokens and the next piece index. */
function lexNumber(ps: readonly Piece[], i: number): { tokens: Lexed[]; next: number } {
  const runs: Piece[] = [ps[i] as Piece];
  const seps: Piece[] = [];
  let j = i + 1;
  for (;;) {
    const sep = ps[j];
    const run = ps[j + 1];
    if (!sep || !run || run.type !== "D" || !DIGIT_SEPARATORS.has(sep.text)) break;
    seps.push(sep);
    runs.push(run);
    j += 2;
  }
  const values = resolveDigitChain(
    runs.map((r) => r.text),
    seps.map((x) => x.text),
  );
  const tokens: Lexed[] = [];
  values.forEach((v, k) => {
    const first = runs[v.first] as Piece;
    const last = runs[v.last] as Piece;
    const end = last.start + last.text.length;
    tokens.push({
      kind: "num",
      text: v.frac ? `${v.int}.${v.frac}` : v.int,
      start: first.start,
      end,
      int: v.int,
      frac: v.frac,
    });
    // Separators between numbers that fell apart ("15.12.2026") stay as symbols for dates.
    const sep = seps[v.last] as Piece | undefined;
    if (values[k + 1] && sep && sep.text !== " ")
      tokens.push({ kind: "sym", text: sep.text, start: sep.start, end: sep.start + 1 });
  });
  const glued = ps[j];
  const lastTok = tokens[tokens.length - 1];
  if (glued?.type === "L" && NUMBER_SUFFIXES.has(glued.text) && lastTok) {
    lastTok.suffix = glued.text;
    lastTok.end = glued.start + glued.text.length;
    // "14h30": the minutes belong to the time, not to a new number.
    const minutes = ps[j + 1];
    if (glued.text === "h" && minutes?.type === "D") {
      lastTok.end = minutes.start + minutes.text.length;
      return { tokens, next: j + 2 };
    }
    return { tokens, next: j + 1 };
  }
  return { tokens, next: j };
}

function lexWord(
  ps: readonly Piece[],
  i: number,
  emit: (text: string, start: number, end: number) => void,
): number {
  let text = (ps[i] as Piece).text;
  let start = (ps[i] as Piece).start;
  let j = i + 1;
  for (;;) {
    const apo = ps[j];
    const next = ps[j + 1];
    if (apo?.text !== "'" || next?.type !== "L") break;
    if (text === "aujourd" && next.text === "hui") {
      text = "aujourdhui";
    } else if (ELISIONS.has(text)) {
      emit(text, start, apo.start);
      text = next.text;
      start = next.start;
    } else if (next.text === "ll") {
      emit(text, start, apo.start);
      text = "will";
      start = next.start;
    } else if (next.text === "d" && (text === "i" || text === "you" || text === "we" || text === "they")) {
      emit(text, start, apo.start);
      text = "would";
      start = next.start;
    } else {
      // English contractions join: "don't" -> "dont", "i'm" -> "im"; the SMS table expands them.
      text += next.text;
    }
    j += 2;
  }
  const last = ps[j - 1] as Piece;
  emit(text, start, last.start + last.text.length);
  return j;
}
