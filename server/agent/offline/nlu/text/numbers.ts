// Digit groups as people type them: "1 200,50", "1.200,50", "$1,200.50", "1200.50", "1'200".
// The lexer hands a chain of digit runs and the single separators between them; this
// decides which separators group thousands and which one marks decimals. Pure string work:
// values stay as digit strings so that money never passes through a float.

export interface NumberValue {
  /** Integer digits, no separators ("1200"). */
  int: string;
  /** Fraction digits ("50"), "" when none. */
  frac: string;
  /** Index of the first and last digit run of the chain used by this number. */
  first: number;
  last: number;
}

function isGrouped(runs: readonly string[], seps: readonly string[]): boolean {
  if (seps.length === 0) return true;
  const sep = seps[0];
  if (!seps.every((s) => s === sep)) return false;
  if (!/^[1-9]\d{0,2}$/.test(runs[0] ?? "")) return false;
  return runs.slice(1).every((r) => r.length === 3);
}

/** The whole chain as one number, or null when it is not a well-formed amount. */
function wholeChain(runs: readonly string[], seps: readonly string[]): { int: string; frac: string } | null {
  if (seps.length === 0) return { int: runs[0] ?? "0", frac: "" };
  const lastSep = seps[seps.length - 1] ?? "";
  const lastRun = runs[runs.length - 1] ?? "";
  if ((lastSep === "." || lastSep === ",") && lastRun.length <= 2) {
    const headRuns = runs.slice(0, -1);
    const headSeps = seps.slice(0, -1);
    // "1,200,50" mixes the decimal mark into the grouping: not a number.
    if (headSeps.includes(lastSep)) return null;
    return isGrouped(headRuns, headSeps) ? { int: headRuns.join(""), frac: lastRun } : null;
  }
  return isGrouped(runs, seps) ? { int: runs.join(""), frac: "" } : null;
}

/**
 * Splits a chain of digit runs into numbers. A chain that does not read as one number is
 * cut at its spaces ("06 12 34" is three numbers); a part that still does not read (a date
 * "15.12.2026") falls apart into its runs, and the caller keeps the separators as symbols.
 */
export function resolveDigitChain(runs: readonly string[], seps: readonly string[]): NumberValue[] {
  const whole = wholeChain(runs, seps);
  if (whole) return [{ ...whole, first: 0, last: runs.length - 1 }];
  const out: NumberValue[] = [];
  let start = 0;
  for (let i = 0; i <= seps.length; i++) {
    if (i < seps.length && seps[i] !== " ") continue;
    const partRuns = runs.slice(start, i + 1);
    const partSeps = seps.slice(start, i);
    const part = partSeps.length > 0 && partSeps.length < seps.length ? wholeChain(partRuns, partSeps) : null;
    if (part) out.push({ ...part, first: start, last: i });
    else
      for (let k = 0; k < partRuns.length; k++)
        out.push({ int: partRuns[k] as string, frac: "", first: start + k, last: start + k });
    start = i + 1;
  }
  return out;
}
