// Exports the published packs back to YAML files (policies/ can be refreshed from the database,
// which is the source of truth at run time: decision 0060). The stored content is written as is:
// a version seeded from a file keeps its comments, one created in the studio is YAML from its JSON.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyVersionsStore } from "../ports/policies.js";

export async function exportPublishedPacks(versions: PolicyVersionsStore, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const stamp of await versions.publishedStamps()) {
    const row = await versions.get(stamp.id);
    if (!row) continue;
    const file = join(dir, `${row.packId}.yaml`);
    writeFileSync(file, row.content.endsWith("\n") ? row.content : `${row.content}\n`);
    written.push(file);
  }
  return written;
}
