// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from
// the difference between the migrations folder and prisma/schema.prisma, computed on an in-memory
// PGlite shadow database through the wasm schema engine (see server/db/schema-engine.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { z } from "zod";
import { diffMigrationsToSchema, MIGRATIONS_DIR } from "../server/db/schema-engine.js";

const name = z
  .string({ error: "usage: npm run db:migration -- <name>" })
  .regex(/^[a-z0-9_]{1,60}$/, "the name must be 1-60 characters of a-z, 0-9 and _")
  .safeParse(process.argv[2]);
if (!name.success) {
  console.error(name.error.issues[0]?.message);
  process.exit(2);
}

const sql = await diffMigrationsToSchema(new PrismaPGlite(new PGlite()));
if (sql === "") {
  console.log("The schema and the migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name.data}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`Wrote ${join(dir, "migration.sql")}`);
// The wasm engine leaves a timer running; exit explicitly.
process.exit(0);
