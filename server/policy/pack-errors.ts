// Turns zod issues into messages for a policy editor, located by YAML path and line.
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";

export interface PackError {
  readonly file: string;
  /** YAML path, e.g. "limits.discountTiers[1].maxDiscountBps"; "" for the whole file. */
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

type PathKey = string | number;

export function formatPath(path: readonly PathKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    "",
  );
}

/** "file:line path: message", the format the CLI prints and editors' tools can jump to. */
export function formatPackError(e: PackError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return e.path ? `${where} ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}

const EXPECTED: Record<string, string> = {
  int: "an integer",
  number: "a number",
  string: "a text",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
};

// zod's own messages start like this; anything else was written for the editor in the schema.
const DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized key)/;

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  if (!DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return "required field is missing";
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`;
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v));
      const head = options.length === 1 ? `must be ${options[0]}` : `must be one of ${options.join(", ")}`;
      return value === undefined ? `required field is missing (${head})` : `${head}, got ${describe(value)}`;
    }
    case "too_small":
      return issue.origin === "array"
        ? `must have at least ${issue.minimum} item(s)`
        : `must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "array"
        ? `must have at most ${issue.maximum} item(s)`
        : `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** The node at `path`, or its nearest existing ancestor (a missing key is reported on its parent). */
function nearestNode(doc: Document, path: readonly PathKey[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (node && typeof node === "object" && "range" in node) return node as Node;
  }
  return undefined;
}

function lineOf(node: Node | undefined, lc: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  lc: LineCounter,
  file: string,
): PackError[] {
  const errors: PackError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") {
      // One error per unknown key, on the key's own line.
      const map = doc.getIn(path, true);
      for (const key of issue.keys) {
        const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
        const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
        errors.push({
          file,
          path: formatPath([...path, key]),
          line: lineOf(keyNode ?? nearestNode(doc, path), lc),
          message: `unknown key "${key}"`,
        });
      }
      continue;
    }
    const value = doc.getIn(path);
    errors.push({
      file,
      path: formatPath(path),
      line: lineOf(nearestNode(doc, path), lc),
      message: messageFor(issue, value),
    });
  }
  return errors;
}

export function sortErrors(errors: PackError[]): PackError[] {
  return errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.path.localeCompare(b.path));
}

export type ReadYaml =
  | { ok: true; data: unknown; doc: Document; lineCounter: LineCounter }
  | { ok: false; errors: PackError[] };

/**
 * Parses a YAML file the way policy packs and eval scenarios are written: anchors and "<<:" merge keys
 * allowed, duplicate keys refused, syntax errors reported on their line. The document and its line
 * counter come back so that schema errors can be located too (issuesToErrors).
 */
export function readYaml(text: string, file: string): ReadYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        path: "",
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax error: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 1000 }), doc, lineCounter };
}
