// The turn functions' readable source and the migrations agree: the newest migration written by
// `npm run db:functions` is the readable file as it is now, so a change to the functions cannot be
// forgotten in the migrations (nor an applied migration edited instead of a new one written).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../schema-engine.js";
import { TURN_FUNCTIONS_HEADER, turnFunctionsMigration } from "./migration-text.js";

describe("turn functions", () => {
  it("are in the newest turn-functions migration exactly as the readable source has them", () => {
    const written = readdirSync(MIGRATIONS_DIR)
      .filter((name) => /^\d{14}_/.test(name))
      .sort()
      .map((name) => readFileSync(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"))
      .filter((sql) => sql.startsWith(TURN_FUNCTIONS_HEADER));
    expect(written.length, "no migration written by npm run db:functions").toBeGreaterThan(0);
    expect(written.at(-1), "run `npm run db:functions -- <name>` after changing turn-functions.sql").toBe(
      turnFunctionsMigration(),
    );
  });

  it("carry no semicolon the migration runner would split a function body on", () => {
    const script = turnFunctionsMigration();
    const statements = script.split(";").filter((s) => s.trim().length > 0);
    const creates = (script.match(/CREATE OR REPLACE FUNCTION/g) ?? []).length;
    expect(creates).toBeGreaterThan(0);
    expect(statements).toHaveLength(creates);
    for (const statement of statements)
      expect(statement.trim()).toMatch(/^(--[^\n]*\n)?CREATE OR REPLACE FUNCTION/);
  });
});
