// What a draft folder of policy packs changes against the published folder, field by field, so a
// policy editor reads "fr-business limits.maxInstalments: 12 → 18" next to the effect on the suite.
import { diffValues, type FieldChange } from "../../server/policy/diff.js";
import { loadPacks } from "../../server/policy/index.js";

export { diffValues, type FieldChange };

export interface PackChange {
  readonly packId: string;
  readonly change: "added" | "removed" | "changed";
  readonly beforeHash: string | null;
  readonly afterHash: string | null;
  readonly fields: readonly FieldChange[];
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
