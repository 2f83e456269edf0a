// Reads policy packs from YAML. The only module of the policy engine that touches the file system.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { canonicalJson } from "./canonical.js";
import { formatPackError, issuesToErrors, type PackError, readYaml, sortErrors } from "./pack-errors.js";
import { type PolicyPack, policyPackSchema } from "./schema.js";

export type { PackError } from "./pack-errors.js";

export type ParseResult = { ok: true; pack: PolicyPack; hash: string } | { ok: false; errors: PackError[] };

export interface LoadedPack {
  readonly pack: PolicyPack;
  /** sha256 of the canonical JSON of the validated pack (defaults applied): the pack's version. */
  readonly hash: string;
  readonly file: string;
  readonly source: string;
}

export type LoadResult = ({ ok: true } & LoadedPack) | { ok: false; errors: PackError[] };

/** Content hash: same meaning, same hash; any change that alters the validated pack changes it. */
export function packHash(pack: PolicyPack): string {
  return createHash("sha256").update(canonicalJson(pack)).digest("hex");
}

export function parsePack(text: string, file: string): ParseResult {
  // Editors may share blocks with anchors and "<<:" merge keys; duplicate keys are errors.
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { data, doc, lineCounter } = read;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ file, path: "", line: 1, message: "a policy pack must be a YAML mapping" }],
    };
  }
  const result = policyPackSchema.safeParse(data);
  if (!result.success)
    return { ok: false, errors: sortErrors(issuesToErrors(result.error.issues, doc, lineCounter, file)) };
  return { ok: true, pack: result.data, hash: packHash(result.data) };
}

export function loadPackFile(file: string): LoadResult {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    return { ok: false, errors: [{ file, path: "", message: `cannot read file: ${(e as Error).message}` }] };
  }
  const parsed = parsePack(source, file);
  return parsed.ok ? { ...parsed, file, source } : parsed;
}

export class PolicyLoadError extends Error {
  constructor(readonly errors: readonly PackError[]) {
    super(`invalid policy packs:\n${errors.map(formatPackError).join("\n")}`);
    this.name = "PolicyLoadError";
  }
}

/**
 * Checks that span packs: the id matches the file name (so a pack is found where its id says), ids
 * are unique, and exactly one pack covers each (jurisdiction, debtor kind), so selection is never
 * ambiguous.
 */
export function crossCheckPacks(loaded: readonly { pack: PolicyPack; file: string }[]): PackError[] {
  const errors: PackError[] = [];
  const ids = new Map<string, string>();
  const coveredBy = new Map<string, string>();
  for (const { pack, file } of loaded) {
    const expectedId = basename(file, extname(file));
    if (pack.id !== expectedId)
      errors.push({
        file,
        path: "id",
        message: `pack id "${pack.id}" must match the file name "${expectedId}"`,
      });
    const other = ids.get(pack.id);
    if (other) errors.push({ file, path: "id", message: `pack id "${pack.id}" is already used by ${other}` });
    else ids.set(pack.id, file);
    for (const j of pack.jurisdictions) {
      for (const k of pack.debtorKinds) {
        const owner = coveredBy.get(`${j}/${k}`);
        if (owner)
          errors.push({
            file,
            path: "jurisdictions",
            message: `${j} ${k} debtors are already covered by pack "${owner}"`,
          });
        else coveredBy.set(`${j}/${k}`, pack.id);
      }
    }
  }
  return errors;
}

export function packFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && [".yaml", ".yml"].includes(extname(e.name)))
    .map((e) => join(dir, e.name))
    .sort();
}

/**
 * Loads every *.yaml directly in `dir` (sub-folders such as broken/ are ignored). Throws one
 * PolicyLoadError listing every problem: a server must not start with a partial set of packs.
 */
export function loadPacks(dir = "policies"): Map<string, LoadedPack> {
  const errors: PackError[] = [];
  const loaded: LoadedPack[] = [];
  for (const file of packFilesIn(dir)) {
    const result = loadPackFile(file);
    if (result.ok) loaded.push({ pack: result.pack, hash: result.hash, file, source: result.source });
    else errors.push(...result.errors);
  }
  errors.push(...crossCheckPacks(loaded));
  if (errors.length > 0) throw new PolicyLoadError(errors);
  return new Map(loaded.map((l) => [l.pack.id, l]));
}
