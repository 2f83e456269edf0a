// The policy:check command's logic, kept beside the loader so that it is tested with it. It prints
// one "file:line path: message" line per problem, or one "ok" line per valid pack with its hash.
import { crossCheckPacks, type LoadedPack, loadPackFile, packFilesIn } from "./load.js";
import { formatPackError, type PackError } from "./pack-errors.js";

export interface CheckReport {
  readonly ok: boolean;
  readonly errors: readonly PackError[];
  readonly lines: readonly string[];
}

export function checkPackFiles(files: readonly string[] = packFilesIn("policies")): CheckReport {
  const errors: PackError[] = [];
  const loaded: LoadedPack[] = [];
  const lines: string[] = [];
  if (files.length === 0) errors.push({ file: "policies", path: "", message: "no policy pack to check" });
  for (const file of files) {
    const result = loadPackFile(file);
    if (result.ok) loaded.push(result);
    else errors.push(...result.errors);
  }
  errors.push(...crossCheckPacks(loaded));
  const failed = new Set(errors.map((e) => e.file));
  for (const l of loaded) if (!failed.has(l.file)) lines.push(`ok ${l.file} (${l.pack.id}) sha256:${l.hash}`);
  lines.push(...errors.map(formatPackError));
  return { ok: errors.length === 0, errors, lines };
}
