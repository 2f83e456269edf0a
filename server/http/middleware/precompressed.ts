// Serves the build's precompressed twins (file.br, file.gz, written by web/build/precompress.ts)
// when the client accepts them: brotli first, then gzip, else the plain file (left to the next
// handler, express.static). Content-Type is the original file's; Vary tells caches why.
import { existsSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import type { RequestHandler } from "express";

export interface PrecompressedOptions {
  /** Cache-Control for what is served (hashed files: a year, immutable). */
  readonly cacheControl: string;
  /** Extra headers (the widget's cross-origin policy). */
  readonly headers?: Record<string, string>;
}

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** Whether the Accept-Encoding header accepts `name` (a q=0 refuses it). */
function accepts(header: string, name: string): boolean {
  return header
    .toLowerCase()
    .split(",")
    .some((part) => {
      const [token, ...params] = part.trim().split(";");
      if (token !== name && token !== "*") return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return !q || Number(q.slice(2)) > 0;
    });
}

export function precompressed(root: string, options: PrecompressedOptions): RequestHandler {
  const base = resolve(root);
  const cache = new Map<string, boolean>();
  const exists = (file: string) => {
    let found = cache.get(file);
    if (found === undefined) {
      found = existsSync(file) && statSync(file).isFile();
      if (cache.size < 10_000) cache.set(file, found);
    }
    return found;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = resolve(base, `.${path}`);
    if (!file.startsWith(base + sep) || !extname(file)) return next();
    const header = String(req.headers["accept-encoding"] ?? "");
    const encoding = ENCODINGS.find((e) => accepts(header, e.name) && exists(file + e.suffix));
    res.vary("Accept-Encoding");
    if (!encoding || !exists(file)) return next();
    res.type(extname(file));
    res.setHeader("content-encoding", encoding.name);
    res.setHeader("cache-control", options.cacheControl);
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    res.sendFile(file + encoding.suffix, { cacheControl: false, lastModified: true }, (error) => {
      if (error && !res.headersSent) next();
    });
  };
}
