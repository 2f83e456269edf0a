// The JavaScript a debtor downloads for the chat page: the entry script of the built HTML and
// every chunk it imports, gzipped (level 9, as a CDN or the reverse proxy would serve it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  readonly files: readonly { file: string; bytes: number; gzip: number }[];
  readonly bytes: number;
  readonly gzip: number;
}

export function debtorBundleSize(dist = "web/dist"): BundleSize {
  const html = readFileSync(join(dist, "debtor", "index.html"), "utf8");
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/(assets\/[^"]+\.js)"/g))
    queue.push(m[1] as string);
  const files: { file: string; bytes: number; gzip: number }[] = [];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    files.push({ file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length });
    // Static imports between chunks ("./x-hash.js" in the same folder).
    for (const m of code
      .toString("utf8")
      .matchAll(/from\s*["']\.\/([\w.-]+\.js)["']|import\s*["']\.\/([\w.-]+\.js)["']/g)) {
      queue.push(`assets/${m[1] ?? m[2]}`);
    }
  }
  return {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

export const JS_BUDGET_GZIP = 150 * 1024;
