// Reads evals/scenarios/*.yaml and validates them, reporting every problem as "file:line path:
// message" (the policy packs' format), plus the cross-file checks: unique ids, a pack that matches the
// case's jurisdiction and debtor kind, relative dates that resolve, invoices due after issue.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import {
  formatPackError,
  issuesToErrors,
  type PackError,
  readYaml,
  sortErrors,
} from "../../server/policy/pack-errors.js";
import { packIdFor } from "../../server/policy/select.js";
import { resolveDate } from "./dates.js";
import { type Scenario, scenarioFileSchema } from "./schema.js";

export type ScenarioError = PackError;

export class ScenarioLoadError extends Error {
  constructor(readonly errors: readonly ScenarioError[]) {
    super(`invalid scenario files:\n${errors.map(formatPackError).join("\n")}`);
    this.name = "ScenarioLoadError";
  }
}

export function parseScenarioFile(
  source: string,
  file: string,
): { ok: true; scenarios: Scenario[] } | { ok: false; errors: ScenarioError[] } {
  const read = readYaml(source, file);
  if (!read.ok) return read;
  const { doc, lineCounter } = read;
  const parsed = scenarioFileSchema.safeParse(read.data);
  if (!parsed.success)
    return { ok: false, errors: sortErrors(issuesToErrors(parsed.error.issues, doc, lineCounter, file)) };
  const errors: ScenarioError[] = [];
  const lineAt = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  parsed.data.scenarios.forEach((s, i) => {
    const at = (path: (string | number)[], message: string) =>
      errors.push({
        file,
        path: ["scenarios", i, ...path].join("."),
        line: lineAt(["scenarios", i, ...path]),
        message,
      });
    const expected = packIdFor(s.case.jurisdiction, s.case.debtor.kind);
    if (expected !== s.pack)
      at(
        ["pack"],
        `a ${s.case.debtor.kind} case in ${s.case.jurisdiction} is governed by ${expected}, not ${s.pack}`,
      );
    s.case.invoices.forEach((inv, j) => {
      const issued = resolveDate(inv.issuedAt, "2026-01-01");
      const due = resolveDate(inv.dueAt, "2026-01-01");
      if (due < issued) at(["case", "invoices", j, "dueAt"], "must not be before issuedAt");
    });
    if (s.debtor.rules.haggleFromBps !== undefined && s.debtor.reservation === undefined)
      at(["debtor", "reservation"], "a haggler (rules.haggleFromBps) needs a reservation price");
    if (
      s.expect.escalation &&
      !(Array.isArray(s.expect.outcome) ? s.expect.outcome : [s.expect.outcome]).includes("escalation")
    )
      at(["expect", "escalation"], 'escalation kinds are given but "escalation" is not an expected outcome');
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenarios: parsed.data.scenarios.map((s) => ({ ...s, file })) };
}

export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && [".yaml", ".yml"].includes(extname(e.name)))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Every scenario of `dir`; throws one ScenarioLoadError listing every problem of every file. */
export function loadScenarios(dir: string, root = process.cwd()): Scenario[] {
  const errors: ScenarioError[] = [];
  const all: Scenario[] = [];
  for (const path of scenarioFiles(dir)) {
    const file = relative(root, path);
    const result = parseScenarioFile(readFileSync(path, "utf8"), file);
    if (result.ok) all.push(...result.scenarios);
    else errors.push(...result.errors);
  }
  const seen = new Map<string, string>();
  for (const s of all) {
    const other = seen.get(s.id);
    if (other)
      errors.push({ file: s.file, path: "id", message: `scenario id "${s.id}" is already used in ${other}` });
    else seen.set(s.id, s.file);
  }
  if (errors.length > 0) throw new ScenarioLoadError(errors);
  return all;
}

/** Scenarios whose id, persona, pack or tags contain `filter` (comma-separated alternatives). */
export function filterScenarios(scenarios: readonly Scenario[], filter: string | undefined): Scenario[] {
  if (!filter) return [...scenarios];
  const needles = filter
    .split(",")
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  return scenarios.filter((s) => {
    const hay = [s.id, s.persona ?? "", s.pack, s.case.debtor.locale, ...s.tags].join(" ").toLowerCase();
    return needles.some((n) => hay.includes(n));
  });
}
