// The build's precompressed twins are served to clients that accept them (brotli first, then
// gzip), with the original's Content-Type, Vary and the cache policy; others get the plain file.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressed } from "./precompressed.js";

const JS = `export const answer = ${JSON.stringify("x".repeat(4000))};\n`;

/** A raw GET (node:http does not decompress, unlike fetch). */
function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on("error", reject);
    },
  );
}

describe("precompressed assets", () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "amiable-precompressed-"));
    await writeFile(join(dir, "app-1234.js"), JS);
    await writeFile(join(dir, "app-1234.js.br"), brotliCompressSync(JS));
    await writeFile(join(dir, "app-1234.js.gz"), gzipSync(JS));
    await writeFile(join(dir, "plain.css"), "body{}");
    const app = express();
    app.use("/assets", precompressed(dir, { cacheControl: "public, max-age=31536000, immutable" }));
    app.use("/assets", express.static(dir));
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/assets`;
  });
  afterAll(async () => {
    server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("sends brotli when accepted, with the script's type, Vary and a year's immutable cache", async () => {
    const res = await raw(`${base}/app-1234.js`, { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body.length).toBeLessThan(JS.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(JS);
  });

  it("falls back to gzip, then to the plain file; q=0 refuses an encoding", async () => {
    const gz = await raw(`${base}/app-1234.js`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    const refused = await raw(`${base}/app-1234.js`, { "accept-encoding": "br;q=0, gzip" });
    expect(refused.headers["content-encoding"]).toBe("gzip");
    const plain = await raw(`${base}/app-1234.js`, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    const noTwin = await raw(`${base}/plain.css`, { "accept-encoding": "br" });
    expect(noTwin.headers["content-encoding"]).toBeUndefined();
    expect(noTwin.body.toString()).toBe("body{}");
  });

  it("never serves outside its folder", async () => {
    const res = await raw(`${base}/..%2f..%2fetc%2fpasswd`, { "accept-encoding": "br" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.status).not.toBe(200);
  });
});
