// `npm run db:functions -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the turn functions as server/db/sql/turn-functions.sql has them (CREATE OR REPLACE: the whole set).
// Run it after changing that file; server/db/sql/turn-functions.test.ts fails until it is run.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { MIGRATIONS_DIR } from "../server/db/schema-engine.js";
import { turnFunctionsMigration } from "../server/db/sql/migration-text.js";

const name = z
  .string({ error: "usage: npm run db:functions -- <name>" })
  .regex(/^[a-z0-9_]{1,60}$/, "the name must be 1-60 characters of a-z, 0-9 and _")
  .safeParse(process.argv[2]);
if (!name.success) {
  console.error(name.error.issues[0]?.message);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name.data}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), turnFunctionsMigration());
console.log(`Wrote ${join(dir, "migration.sql")}`);
process.exit(0);
