// Text folding for the wording guard. A forbidden term must be caught however it is dressed up:
// accents or none ("huissier", "HUISSIÉR"), look-alike letters (Cyrillic "а", leetspeak "hu1ss1er",
// "b@iliff"), invisible characters, or letters split by spaces and punctuation ("h.u.i.s.s.i.e.r").
// Tokens keep their offsets in the original text so that a violation can quote what was written.

export interface Token {
  /** Folded: lower-case a-z only. */
  readonly text: string;
  /** Offsets in the original text: [start, end). */
  readonly start: number;
  readonly end: number;
}

const SPECIAL: Readonly<Record<string, string>> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  // Cyrillic and Greek look-alikes of Latin letters.
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  к: "k",
  м: "m",
  т: "t",
  в: "b",
  н: "h",
  α: "a",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
};

/** Symbols and digits that stand for letters inside a word ("hu1ss1er", "$eizure"). */
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/** Characters removed outright: zero-width spaces and joiners, soft hyphen, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/u;

// Every reply and debtor message is folded character by character (several times per character):
// the answer per character is remembered. Texts use few distinct characters; the bound only stops
// hostile input from growing the table without end.
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

/** Lower-cases and strips accents; returns "" for anything that is not a letter. */
export function foldChar(ch: string): string {
  const known = folded.get(ch);
  if (known !== undefined) return known;
  const lower = ch.toLowerCase();
  const special = SPECIAL[lower];
  const base = special ?? lower.normalize("NFKD").replace(/\p{M}/gu, "");
  const result = special ?? (/^[a-z]+$/.test(base) ? base : "");
  if (folded.size < FOLDED_MAX) folded.set(ch, result);
  return result;
}

/** Folds a whole phrase to its letters only: "Commissaire de Justice" -> "commissairedejustice". */
export function foldLetters(text: string): string {
  return [...text].map(foldChar).join("");
}

/** Collapses repeated letters, so "huissier", "huisier" and "huisssier" compare equal. */
export function collapseRepeats(s: string): string {
  return s.replace(/(.)\1+/g, "$1");
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}@$]/u.test(ch) || foldChar(ch) !== "";
}

/** How tokenize treats a character: dropped, part of a word, or a word break. */
const INVISIBLE_CHAR = 0;
const WORD_CHAR = 1;
const BREAK_CHAR = 2;
type CharClass = typeof INVISIBLE_CHAR | typeof WORD_CHAR | typeof BREAK_CHAR;

// The class of each character seen, remembered like foldChar's answers (same bound).
const classes = new Map<string, CharClass>();

function classOf(ch: string): CharClass {
  const known = classes.get(ch);
  if (known !== undefined) return known;
  const result = INVISIBLE.test(ch)
    ? INVISIBLE_CHAR
    : isWordChar(ch) || /\p{M}/u.test(ch)
      ? WORD_CHAR
      : BREAK_CHAR;
  if (classes.size < FOLDED_MAX) classes.set(ch, result);
  return result;
}

/**
 * Splits text into word tokens. A run of letters, digits, "@" and "$" is one word; its digits and
 * symbols become letters (leetspeak) only when the run also holds a letter, so "300" and "$500" are
 * numbers, not words. Invisible characters are dropped without splitting the word.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let start = -1;
  // The run's folded letters, and the same with leetspeak read as letters.
  let letters = "";
  let folded = "";
  // Most words are plain a-z already (every reply is tokenized): while the run stays so, its token is
  // a slice of the text rather than a string built letter by letter.
  let plain = false;
  const unplain = () => {
    if (!plain) return;
    letters = text.slice(start, offset);
    folded = letters;
    plain = false;
  };
  const flush = (end: number) => {
    if (plain) tokens.push({ text: text.slice(start, end), start, end });
    else if (start >= 0 && letters !== "" && folded !== "") tokens.push({ text: folded, start, end });
    start = -1;
    letters = "";
    folded = "";
    plain = false;
  };
  for (const ch of text) {
    const kind = classOf(ch);
    if (kind === INVISIBLE_CHAR) {
      unplain();
      offset += ch.length;
      continue;
    }
    if (kind === WORD_CHAR) {
      if (start < 0) {
        start = offset;
        plain = true;
      }
      const code = ch.charCodeAt(0);
      if (!(plain && code >= 97 && code <= 122)) {
        unplain();
        const f = foldChar(ch);
        letters += f;
        folded += f || LEET[ch] || "";
      }
    } else {
      flush(offset);
    }
    offset += ch.length;
  }
  flush(offset);
  return tokens;
}

/** Edit distance at most one (insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
