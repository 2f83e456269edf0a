// Runs `prisma generate`. The CLI insists on a schema-engine binary even though generate does not
// use it, and that binary cannot be downloaded here: point it at a stand-in file unless one is set.
// Migrations never go through the CLI (see server/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  const dir = join(tmpdir(), "amiable-prisma");
  mkdirSync(dir, { recursive: true });
  const standIn = join(dir, "schema-engine-stand-in");
  writeFileSync(standIn, "#!/bin/sh\necho 'use server/db/schema-engine.ts for migrations' >&2\nexit 1\n", {
    mode: 0o755,
  });
  env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", "prisma/schema.prisma"], {
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
if (result.status !== 0) process.exit(result.status ?? 1);

// The generated client imports Prisma's query compiler as a JavaScript module holding 4.4 MB of
// base64, which the process then keeps for its whole life twice (the module's source and the
// string it exports). It reads the same file and decodes it instead, so that both are garbage once
// the compiler is compiled (decision 0126). If a Prisma release generates other code, the client is
// left as generated (it works, holding 9 MB more) and server/db/query-compiler-load.test.ts fails.
const CLASS = "server/db/generated/internal/class.ts";
const IMPORTED =
  /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/[\w.-]+\.wasm-base64\.mjs)"\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
const generated = readFileSync(CLASS, "utf8");
const found = IMPORTED.exec(generated);
if (found) {
  const [, spec, indent] = found;
  const read = [
    "// amiable: read and decoded, not imported (scripts/prisma-generate.mjs, decision 0126)",
    'const { readFile } = await import("node:fs/promises")',
    'const { createRequire } = await import("node:module")',
    `const source = await readFile(createRequire(import.meta.url).resolve("${spec}"), "utf8")`,
    "return await decodeBase64AsWasm(source.slice(source.indexOf('\"') + 1, source.lastIndexOf('\"')))",
  ].join(`\n${indent}`);
  writeFileSync(CLASS, generated.replace(IMPORTED, read));
} else if (!generated.includes("decision 0126")) {
  console.warn(`${CLASS}: the query compiler's import was not found; the client is left as generated`);
}
process.exit(0);
