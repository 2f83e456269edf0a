// Text normalisation before lexing: one canonical form so that rules never care about
// case, accents, typographic quotes, odd spaces or control characters.

/** Longer messages keep their head and tail: injections often sit at the end. */
export const MAX_CHARS = 4000;
const HEAD_CHARS = 3000;
const TAIL_CHARS = 1000;

const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[œ]/g, "oe"],
  [/[æ]/g, "ae"],
  [/ß/g, "ss"],
  [/ø/g, "o"],
  [/ł/g, "l"],
  [/đ/g, "d"],
  // Typographic apostrophes and accents used as apostrophes.
  [/[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u00ab\u00bb\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\r\n?/g, "\n"],
  // Control and format characters (zero-width spaces, bidi marks), line separators: a space.
  [/(?!\n)[\p{Cc}\p{Cf}\u2028\u2029]/gu, " "],
  // Every remaining horizontal space variant (NBSP, narrow NBSP, tabs) becomes one space.
  [/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " "],
];

/** No character above U+007F (control characters included: the replacements below handle them). */
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Lower case, diacritics removed (é -> e, ç -> c), ligatures expanded, fancy quotes and
 * spaces unified, control characters dropped. Compatibility decomposition (NFKD) also
 * folds full-width digits and letters to ASCII.
 */
export function normalizeText(input: string): string {
  let s = input.length > MAX_CHARS ? `${input.slice(0, HEAD_CHARS)}\n${input.slice(-TAIL_CHARS)}` : input;
  // ASCII has nothing to decompose and no marks, before or after lower-casing: skip those passes.
  if (!NON_ASCII.test(s)) s = s.toLowerCase();
  else {
    s = s
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
    // Lower-casing can produce combining marks again (e.g. "İ"), so strip once more.
    s = s.normalize("NFKD").replace(/\p{M}+/gu, "");
  }
  for (const [re, to] of REPLACEMENTS) s = s.replace(re, to);
  return s;
}
