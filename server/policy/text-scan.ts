// What the output guard reads in a message before it judges it: forbidden wording, release claims,
// and every figure in digits or words. A pure function of the text, the pack, the locale and the
// case flags, so the answer for one text is remembered per pack: the same words are checked over and
// over (each conversation's greeting is one of a few texts, a safe template or a fixed reply recurs),
// and scanning is most of the guard's work. The newest few hundred texts are kept; results are
// read-only (checkText builds its violations from them without changing them).
import type { Locale } from "../domain/case-facts.js";
import {
  type FoundAmount,
  type FoundDate,
  type FoundPercent,
  findAmounts,
  findDates,
  findPercents,
} from "./extract.js";
import { findWordFigures, type WordFigures } from "./extract-words.js";
import { findReleaseClaims, type ReleaseClaim } from "./release-claims.js";
import type { PolicyPack } from "./schema.js";
import type { CaseFlag } from "./schema-text.js";
import { findForbiddenWording, type WordingHit } from "./wording.js";

export interface TextScan {
  readonly wording: readonly WordingHit[];
  readonly claims: readonly ReleaseClaim[];
  readonly words: WordFigures;
  readonly amounts: readonly FoundAmount[];
  readonly percents: readonly FoundPercent[];
  readonly dates: readonly FoundDate[];
}

const KEPT = 512;
/** Longer texts are scanned every time rather than kept. */
const KEPT_CHARS = 4000;
const scans = new WeakMap<PolicyPack, Map<string, TextScan>>();

export function scanText(
  text: string,
  pack: PolicyPack,
  locale: Locale,
  flags: ReadonlySet<CaseFlag>,
): TextScan {
  if (text.length > KEPT_CHARS) return scan(text, pack, locale, flags);
  let byText = scans.get(pack);
  if (!byText) {
    byText = new Map();
    scans.set(pack, byText);
  }
  const key = `${locale}|${[...flags].sort().join(",")}|${text}`;
  const known = byText.get(key);
  if (known) {
    // Most recently used last: the oldest leaves first when the table is full.
    byText.delete(key);
    byText.set(key, known);
    return known;
  }
  const made = scan(text, pack, locale, flags);
  if (byText.size >= KEPT) {
    const oldest = byText.keys().next().value;
    if (oldest !== undefined) byText.delete(oldest);
  }
  byText.set(key, made);
  return made;
}

function scan(text: string, pack: PolicyPack, locale: Locale, flags: ReadonlySet<CaseFlag>): TextScan {
  return {
    wording: findForbiddenWording(text, pack, locale, flags),
    claims: findReleaseClaims(text),
    words: findWordFigures(text),
    amounts: findAmounts(text),
    percents: findPercents(text),
    dates: findDates(text, locale),
  };
}
