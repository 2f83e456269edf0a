// The outside data sets (red-team lines, public banking messages) live in ../shared/data beside the
// clone (or where EVAL_SHARED_DATA points). CI has them; someone who just cloned the repository does
// not. Tests that read them skip with a message saying why when they are missing, except under CI
// (CI=true), where a missing folder must fail the run instead of silently checking nothing.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../config/paths.js";

export function sharedDataDir(): string {
  return resolve(process.env.EVAL_SHARED_DATA ?? resolve(PROJECT_ROOT, "../shared/data"));
}

const warned = new Set<string>();

/**
 * Why tests reading `shared/data/<parts>` must skip, or null when they can run (the folder exists,
 * or CI is set: then the test runs and fails on the missing files).
 */
export function sharedDataMissing(...parts: string[]): string | null {
  const dir = resolve(sharedDataDir(), ...parts);
  if (existsSync(dir) || process.env.CI) return null;
  const reason = `skipped: ${dir} not found (clone shared/ beside the repository or set EVAL_SHARED_DATA; CI runs it)`;
  if (!warned.has(dir)) {
    warned.add(dir);
    console.warn(reason);
  }
  return reason;
}

/** The describe() title with the reason appended when skipping. */
export function titled(title: string, missing: string | null): string {
  return missing ? `${title} (${missing})` : title;
}
