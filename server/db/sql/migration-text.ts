// The turn functions' readable source (turn-functions.sql) as a migration script. The pg driver
// adapter runs a migration by splitting it on every semicolon, so a function body cannot carry one:
// each $fn$ body becomes an E'' string with \073 for ";", and the comments (prose with semicolons)
// are left in the readable file, which the migration's header names.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const TURN_FUNCTIONS_SOURCE = fileURLToPath(new URL("./turn-functions.sql", import.meta.url));
export const TURN_FUNCTIONS_HEADER =
  "-- The turn functions (decision 0110), written by `npm run db:functions` from server/db/sql/turn-functions.sql\n";

/** The migration script for the turn functions as the readable source has them now. */
export function turnFunctionsMigration(source = readFileSync(TURN_FUNCTIONS_SOURCE, "utf8")): string {
  const bodies: string[] = [];
  // Bodies first, so that their own text is never read as a comment or a statement end.
  const withoutBodies = source.replace(/\$fn\$([\s\S]*?)\$fn\$/g, (_, body: string) => {
    bodies.push(body);
    return `@@BODY${bodies.length - 1}@@`;
  });
  const statements = withoutBodies
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .replace(/\n{2,}/g, "\n\n")
    .trim();
  const script = statements.replace(/@@BODY(\d+)@@/g, (_, i: string) => {
    const body = bodies[Number(i)] ?? "";
    return `E'${body.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll(";", "\\073")}'`;
  });
  return `${TURN_FUNCTIONS_HEADER}${script}\n`;
}
