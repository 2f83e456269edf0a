// A tiny pattern language over words, so that rules read like the phrases they catch:
//
//   "stop (contacting|calling) me"      words in sequence; (a b|c) is a choice of phrases
//   "pay*|regl*"                        a|b is a choice of single words; * is a prefix (stem)
//   "the? bill"                         ? makes the previous element optional
//   "peux .. payer"  "pay ..5 full"     .. skips up to 3 words (..N up to N), in one sentence
//   "^ stop $"                          ^ and $ pin the start and end of a sentence
//   "#"                                 any number
//
// Words are written normalised (lower case, no accents). Patterns compile once, at load.

export type Element =
  | { kind: "alt"; options: string[][]; optional: boolean }
  | { kind: "gap"; max: number }
  | { kind: "start" }
  | { kind: "end" };

export interface Pattern {
  source: string;
  elements: Element[];
  /** Keys one of which the first matched token must carry, or null when any token may start. */
  firstKeys: string[] | null;
}

const WORD_RE = /^(?:#|[a-z0-9]+\*?)$/;

/** "pay*" -> "s:pay", "bill" -> "w:bill", "#" -> "#". */
export function unitKey(word: string): string {
  if (!WORD_RE.test(word)) throw new SyntaxError(`bad pattern word "${word}"`);
  if (word === "#") return "#";
  return word.endsWith("*") ? `s:${word.slice(0, -1)}` : `w:${word}`;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  // "(debt )?respite" is two parts: a group ends its part once closed (and its "?" read).
  let groupClosed = false;
  const flush = () => {
    if (cur) parts.push(cur);
    cur = "";
    groupClosed = false;
  };
  for (const ch of source) {
    if (groupClosed && ch !== "?") flush();
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) throw new SyntaxError(`unbalanced ")" in "${source}"`);
    if (ch === " " && depth === 0) {
      flush();
      continue;
    }
    cur += ch;
    if (ch === ")" && depth === 0 && cur.startsWith("(")) groupClosed = true;
    else if (ch === "?" && groupClosed) flush();
  }
  if (depth !== 0) throw new SyntaxError(`unbalanced "(" in "${source}"`);
  flush();
  return parts;
}

function parsePart(part: string, source: string): Element {
  if (part === "^") return { kind: "start" };
  if (part === "$") return { kind: "end" };
  const gap = /^\.\.(\d*)$/.exec(part);
  if (gap) return { kind: "gap", max: gap[1] ? Number(gap[1]) : 3 };
  const optional = part.endsWith("?");
  const body = optional ? part.slice(0, -1) : part;
  let options: string[][];
  if (body.startsWith("(") && body.endsWith(")")) {
    options = body
      .slice(1, -1)
      .split("|")
      .map((seq) => seq.trim().split(/ +/).map(unitKey));
  } else if (body.includes("(") || body.includes(")")) {
    throw new SyntaxError(`bad group "${part}" in "${source}"`);
  } else {
    options = body.split("|").map((w) => [unitKey(w)]);
  }
  if (options.some((o) => o.length === 0)) throw new SyntaxError(`empty choice in "${source}"`);
  return { kind: "alt", options, optional };
}

export function compilePattern(source: string): Pattern {
  const elements = splitTopLevel(source.trim()).map((p) => parsePart(p, source));
  if (!elements.some((e) => e.kind === "alt" && !e.optional)) {
    throw new SyntaxError(`pattern "${source}" has no required word`);
  }
  return { source, elements, firstKeys: firstKeysOf(elements) };
}

/**
 * The keys a match can begin with: those of the first required word, plus those of any
 * optional words before it. A leading gap means any token may start (null).
 */
function firstKeysOf(elements: readonly Element[]): string[] | null {
  const keys: string[] = [];
  for (const e of elements) {
    if (e.kind === "start") continue;
    if (e.kind !== "alt") return null;
    for (const o of e.options) keys.push(o[0] as string);
    if (!e.optional) return keys;
  }
  return null;
}

/**
 * A source whose top level is a choice of phrases ("opt out|unsubscribe|cease and desist")
 * compiles to one pattern per phrase; anything else to a single pattern.
 */
export function compilePatterns(source: string): Pattern[] {
  const pieces: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of source) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "|" && depth === 0) {
      pieces.push(cur);
      cur = "";
    } else cur += ch;
  }
  pieces.push(cur);
  const phrases = pieces.length > 1 && pieces.some((p) => p.trim().includes(" "));
  return phrases ? pieces.map((p) => compilePattern(p.trim())) : [compilePattern(source)];
}

/** Every unit key a pattern uses, for building the vocabulary. */
export function patternKeys(p: Pattern): string[] {
  const keys: string[] = [];
  for (const e of p.elements) if (e.kind === "alt") for (const o of e.options) keys.push(...o);
  return keys;
}
