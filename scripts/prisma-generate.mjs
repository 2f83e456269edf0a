// Runs `prisma generate`. The CLI insists on a schema-engine binary even though generate does not
// use it, and that binary cannot be downloaded here: point it at a stand-in file unless one is set.
// Migrations never go through the CLI (see server/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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
process.exit(result.status ?? 1);
