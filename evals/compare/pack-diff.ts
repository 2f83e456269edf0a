// What a draft folder of policy packs changes against the published folder, field by field, so a
// policy editor reads "fr-business limits.maxInstalments: 12 → 18" next to the effect on the suite.
import { loadPacks } from "../../server/policy/index.js";

export interface FieldChange {
  /** Dotted path inside the pack, list items by index: "limits.discountTiers[1].maxBps". */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface PackChange {
  readonly packId: string;
  readonly change: "added" | "removed" | "changed";
  readonly beforeHash: string | null;
  readonly afterHash: string | null;
  readonly fields: readonly FieldChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaf-level differences between two parsed values (absent on one side: undefined). */
export function diffValues(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffValues(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/**
 * Loads both folders with the same validation as the server (a draft with a mistake throws the
 * PolicyLoadError that names every file, line and field) and lists what differs.
 */
export function diffPackFolders(publishedDir: string, draftDir: string): PackChange[] {
  const before = loadPacks(publishedDir);
  const after = loadPacks(draftDir);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: PackChange[] = [];
  for (const packId of ids) {
    const b = before.get(packId);
    const a = after.get(packId);
    if (b && a && b.hash === a.hash) continue;
    changes.push({
      packId,
      change: !b ? "added" : !a ? "removed" : "changed",
      beforeHash: b?.hash ?? null,
      afterHash: a?.hash ?? null,
      fields: diffValues(b?.pack, a?.pack),
    });
  }
  return changes;
}
