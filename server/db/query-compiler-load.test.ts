// The generated client reads Prisma's query compiler from its base64 module's file instead of
// importing the module (scripts/prisma-generate.mjs, decision 0126), so that the process does not
// keep its 4.4 MB of base64 twice. This holds the patch in place and its reading to the module's own
// export: a Prisma release that generates other code, or writes the module otherwise, fails here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../config/paths.js";

const CLASS = fromRoot("server", "db", "generated", "internal", "class.ts");
const SPEC = "@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs";

describe("the query compiler, read rather than imported", () => {
  it("is what the generated client does", () => {
    const generated = readFileSync(CLASS, "utf8");
    expect(generated).toContain("decision 0126");
    expect(generated).not.toMatch(/await import\("@prisma\/client\/runtime\/[\w.-]+\.wasm-base64\.mjs"\)/);
    expect(generated).toContain(SPEC);
  });

  it("decodes the same bytes as the module's export, a valid WebAssembly module", async () => {
    const source = readFileSync(createRequire(import.meta.url).resolve(SPEC), "utf8");
    const read = source.slice(source.indexOf('"') + 1, source.lastIndexOf('"'));
    const { wasm } = (await import(SPEC)) as { wasm: string };
    expect(read).toBe(wasm);
    expect(WebAssembly.validate(Buffer.from(read, "base64"))).toBe(true);
  });
});
