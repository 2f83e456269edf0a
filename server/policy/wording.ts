// Forbidden wording. Terms and text are folded (normalize.ts) and compared as runs of whole tokens,
// so "hui ssier" and "h.u.i.s.s.i.e.r" match "huissier" but "courtesy" never matches "court" nor
// "issue" "sue". Misspellings: repeated letters are collapsed on both sides, and a single-word term
// of 7+ letters also matches one edit away ("huisser", "garnishmnt") when the first letter agrees.
// The terms of the conversation's locale always apply; the other locale's terms apply only from 7
// letters on, because short words mean different things across languages (French "court" = short).
import type { Locale } from "../domain/case-facts.js";
import { collapseRepeats, foldLetters, type Token, tokenize, withinOneEdit } from "./normalize.js";
import type { PolicyPack } from "./schema.js";
import type { CaseFlag, ForbiddenWording } from "./schema-text.js";

export interface WordingHit {
  readonly entry: ForbiddenWording;
  readonly term: string;
  /** The text as written. */
  readonly match: string;
}

interface CompiledTerm {
  readonly entry: ForbiddenWording;
  readonly term: string;
  readonly locale: Locale;
  /** Folded, repeats collapsed. */
  readonly key: string;
  readonly words: number;
}

const FUZZY_MIN = 7;
const CROSS_LOCALE_MIN = 7;
/** A term split across several tokens only counts from this length (or when spelt letter by letter). */
const SPLIT_MIN = 6;
const MAX_RUN = 8;

/**
 * Ordinary words one edit away from a forbidden term. Fuzzy matching must not flag them.
 * Found by running the polite-sentence lists in wording.test.ts; extend when a new term collides.
 */
const NEAR_MISSES: ReadonlySet<string> = new Set(["procurer"].map((w) => collapseRepeats(foldLetters(w))));

const cache = new WeakMap<PolicyPack, CompiledTerm[]>();

function compile(pack: PolicyPack): CompiledTerm[] {
  const cached = cache.get(pack);
  if (cached) return cached;
  const terms: CompiledTerm[] = [];
  for (const entry of pack.forbiddenWording) {
    for (const locale of ["fr", "en"] as const) {
      for (const term of entry.terms[locale]) {
        const key = collapseRepeats(foldLetters(term));
        if (key) terms.push({ entry, term, locale, key, words: tokenize(term).length });
      }
    }
  }
  cache.set(pack, terms);
  return terms;
}

/** Entries switched off by the case's flags, unless the time bar forbids their category regardless. */
function active(entry: ForbiddenWording, flags: ReadonlySet<CaseFlag>, pack: PolicyPack): boolean {
  if (flags.has("time_barred") && pack.limitation.timeBarred.forbidCategories.includes(entry.category))
    return true;
  return !(entry.allowedWithFlags.length > 0 && entry.allowedWithFlags.every((f) => flags.has(f)));
}

interface Selection {
  readonly exact: ReadonlyMap<string, CompiledTerm[]>;
  /** Every prefix of an exact key: a run whose key is not one can never grow into a match. */
  readonly prefixes: ReadonlySet<string>;
  /** Fuzzy terms by first letter (a fuzzy match needs the first letter to agree), in term order. */
  readonly fuzzy: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly maxLen: number;
}

// The terms that apply to a locale and a set of case flags, indexed once per pack (every turn's
// reply is checked, and most cases share a handful of flag sets).
const selections = new WeakMap<PolicyPack, Map<string, Selection>>();

function selection(pack: PolicyPack, locale: Locale, flags: ReadonlySet<CaseFlag>): Selection {
  let byKey = selections.get(pack);
  if (!byKey) {
    byKey = new Map();
    selections.set(pack, byKey);
  }
  const key = `${locale}|${[...flags].sort().join(",")}`;
  const found = byKey.get(key);
  if (found) return found;
  const terms = compile(pack).filter(
    (t) => active(t.entry, flags, pack) && (t.locale === locale || t.key.length >= CROSS_LOCALE_MIN),
  );
  const exact = new Map<string, CompiledTerm[]>();
  for (const t of terms) exact.set(t.key, [...(exact.get(t.key) ?? []), t]);
  const prefixes = new Set<string>();
  for (const key of exact.keys()) for (let n = 1; n <= key.length; n++) prefixes.add(key.slice(0, n));
  const fuzzy = new Map<string, CompiledTerm[]>();
  for (const t of terms) {
    if (t.words !== 1 || t.key.length < FUZZY_MIN) continue;
    const first = t.key[0] as string;
    fuzzy.set(first, [...(fuzzy.get(first) ?? []), t]);
  }
  const maxLen = Math.max(0, ...terms.map((t) => t.key.length)) + 1;
  const made = { exact, prefixes, fuzzy, maxLen };
  byKey.set(key, made);
  return made;
}

export function findForbiddenWording(
  text: string,
  pack: PolicyPack,
  locale: Locale,
  flags: ReadonlySet<CaseFlag>,
): WordingHit[] {
  const { exact, prefixes, fuzzy, maxLen } = selection(pack, locale, flags);

  const tokens = tokenize(text);
  const hits: WordingHit[] = [];
  const seen = new Set<string>();
  const record = (t: CompiledTerm, run: readonly Token[]) => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last || seen.has(`${t.entry.id}@${first.start}`)) return;
    seen.add(`${t.entry.id}@${first.start}`);
    hits.push({ entry: t.entry, term: t.term, match: text.slice(first.start, last.end) });
  };

  for (let i = 0; i < tokens.length; i++) {
    // The run's letters joined and collapsed incrementally (collapsing a concatenation equals
    // collapsing each new token against the last letter kept): no regex or slice per run.
    let joinedLength = 0;
    let key = "";
    let lettersOnly = true;
    for (let j = i; j < tokens.length && j - i < MAX_RUN; j++) {
      const token = tokens[j] as Token;
      joinedLength += token.text.length;
      if (joinedLength > maxLen * 2) break;
      for (const ch of token.text) if (ch !== key[key.length - 1]) key += ch;
      lettersOnly &&= token.text.length === 1;
      const length = j - i + 1;
      const matches = exact.get(key);
      const single = length === 1 && !NEAR_MISSES.has(key);
      if (matches || single) {
        const run = tokens.slice(i, j + 1);
        for (const t of matches ?? []) {
          // A split match needs either a long term or a letter-by-letter spelling: otherwise two
          // innocent words could spell a short term.
          if (length === 1 || length === t.words || key.length >= SPLIT_MIN || lettersOnly) record(t, run);
        }
        if (single) {
          for (const t of fuzzy.get(key[0] as string) ?? []) if (withinOneEdit(t.key, key)) record(t, run);
        }
      }
      // The key only grows as the run does: once no exact key starts with it, none ever will
      // (fuzzy matches are single tokens, checked above).
      if (!prefixes.has(key)) break;
    }
  }
  return hits;
}
