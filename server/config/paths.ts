// The project's root folder (the one holding package.json), found by walking up from this file,
// so data folders (prisma/, prompts/, policies/, web/dist/) resolve the same whether the server
// runs from sources (tsx) or from the compiled dist/ folder.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);

export function fromRoot(...parts: string[]): string {
  return resolve(PROJECT_ROOT, ...parts);
}
