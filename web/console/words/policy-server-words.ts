// The policy studio's sentences that come from the server, in the console's language: the server
// writes each in English (`message`, `text`) and, when it has one, in French (`messageFr`, `textFr`).
// The studio's refusals (publish, approve, roll back) are fixed English sentences: their French is
// looked up here, and an unknown one shows as the server wrote it.
import { labelOf } from "../../../contract/policy-labels.js";
import type { ApiError } from "../api.js";
import { currentLang, t } from "../i18n.js";
import type { PageText } from "../words-fr.js";

export function checkErrorText(e: { message: string; messageFr?: string }): string {
  return currentLang() === "fr" && e.messageFr ? e.messageFr : e.message;
}

export function changeText(c: { text: string; textFr?: string }): string {
  return currentLang() === "fr" && c.textFr ? c.textFr : c.text;
}

/** A pack path as a person names it ("maximum instalments"), in the console's language. */
export function fieldLabel(path: string): string {
  return labelOf(path, currentLang());
}

/** A YAML that does not parse: the library's words in English, a sentence with the place in French. */
export function yamlErrorText(e: unknown): string {
  const error = e as { message?: string; linePos?: { line: number; col: number }[] };
  if (currentLang() === "en") return error.message?.split("\n")[0] ?? "YAML syntax error";
  const at = error.linePos?.[0];
  if (!at) return t("The pack must be a mapping of keys (YAML).");
  return t("The YAML cannot be read at line {line}, column {col}.", { line: at.line, col: at.col });
}

// The notes the system itself writes on a version (the first load, a roll-back from the console).
const SYSTEM_NOTES: Record<string, PageText> = {
  "loaded from policies/": "loaded from policies/",
  "roll-back from the console": "roll-back from the console",
};

/** A version's note: a person's words as written, the system's own notes in the console's language. */
export function versionNote(note: string | null | undefined): string {
  if (!note) return "";
  return SYSTEM_NOTES[note] ? t(SYSTEM_NOTES[note]) : note;
}

const REFUSALS: Record<string, PageText> = {
  "The draft's simulation is still running: wait for its result.":
    "The draft's simulation is still running: wait for its result.",
  "The draft is awaiting approval by a second person.": "The draft is awaiting approval by a second person.",
  "Only a draft awaiting approval can be approved.": "Only a draft awaiting approval can be approved.",
  "A second person must approve: the draft's author cannot.":
    "A second person must approve: the draft's author cannot.",
  "Another version was published since this draft was made.":
    "Another version was published since this draft was made.",
  "This version is already published.": "This version is already published.",
  "Only an earlier published version can be rolled back to.":
    "Only an earlier published version can be rolled back to.",
  "The draft is the same as the published version: nothing to publish.":
    "The draft is the same as the published version: nothing to publish.",
  "This content is an earlier version: roll back to it instead.":
    "This content is an earlier version: roll back to it instead.",
  "A draft keeps its pack's id.": "A draft keeps its pack's id.",
};

// Refusals that carry the first problem after a colon: the problem comes in French in the details.
const WITH_DETAIL: [prefix: string, french: PageText][] = [
  ["The draft is not a valid policy pack: ", "The draft is not a valid policy pack: {problem}"],
  [
    "The draft breaks the law of its jurisdiction: ",
    "The draft breaks the law of its jurisdiction: {problem}",
  ],
  ["The simulation blocks publishing: ", "The simulation blocks publishing: {problem}"],
  ["The draft overlaps another pack: ", "The draft overlaps another pack: {problem}"],
];

/** An error of the studio's API in the console's language. */
export function studioErrorText(error: ApiError): string {
  if (currentLang() === "en") return error.message;
  const fixed = REFUSALS[error.message];
  if (fixed) return t(fixed);
  const details = error.fieldErrors() as { path: string; message: string; messageFr?: string }[];
  for (const [prefix, french] of WITH_DETAIL)
    if (error.message.startsWith(prefix)) {
      const first = details[0];
      const problem = first ? `${first.path}: ${checkErrorText(first)}` : error.message.slice(prefix.length);
      return t(french, { problem });
    }
  return error.message;
}
