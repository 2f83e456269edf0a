// Storage stays behind the ports (decision 0085): outside server/db no file imports the generated
// Prisma client or an @prisma package, names a Prisma type, reaches a Prisma client (`.prisma`,
// `$transaction`), or imports a query module of server/db (whose rows are Prisma-derived types).
// Tests (*.test.ts) may inspect the database directly and are not scanned; test helpers are.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRoot } from "./config/paths.js";

/**
 * Files still allowed to touch Prisma, each with why. The test also fails when a listed file no
 * longer does (remove it from the list then), so the list only shrinks.
 */
const ALLOWED: Record<string, string> = {
  // Writes migrations: a schema tool, it talks to the schema engine through the PGlite adapter.
  "scripts/db-migration.ts": "migration tool",
  // Writes the chat's SQL functions as a migration (decision 0110): the same kind of schema tool.
  "scripts/db-functions.ts": "migration tool",
  // The evaluation harness grades conversations by reading offers, promises and state directly.
  "evals/harness/service.ts": "evals read the database to grade",
  "evals/grading/snapshot.ts": "evals read the database to grade",
  "evals/redteam/run.ts": "evals read the database to grade",
};

const SCANNED = ["server", "scripts", "evals", "web"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", "generated", "test-artifacts", "data"]);

const RULES: { name: string; pattern: RegExp }[] = [
  { name: "imports the generated client", pattern: /from\s+["'][^"']*\/db\/generated\b[^"']*["']/ },
  { name: "imports an @prisma package", pattern: /from\s+["']@prisma\/[^"']*["']/ },
  { name: "imports a Prisma adapter", pattern: /from\s+["'][^"']*prisma-adapter[^"']*["']/ },
  { name: "imports a Prisma type", pattern: /import\s[^;]*\b(Prisma|PrismaClient)\b[^;]*\bfrom\s/ },
  // Queries and their Prisma-derived row types come through the ports; only the composition root
  // opens the database (open.js), the socket.io adapter shares its pool (pubsub.js).
  {
    name: "imports a query module of server/db",
    pattern: /from\s+["'][^"']*\/db\/(?!open\.js["']|pubsub\.js["']|schema-engine\.js["'])[^"']*["']/,
  },
  { name: "reaches a Prisma client", pattern: /\.prisma\b|\$transaction\b|\$queryRaw|\$executeRaw/ },
];

/** Comments mention prisma/schema.prisma and db functions: only code counts. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

function prismaLeaks(source: string): string[] {
  const text = code(source);
  return RULES.filter((r) => r.pattern.test(text)).map((r) => r.name);
}

function sourceFiles(root: string, dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(root, dir))) {
    if (SKIPPED_DIRS.has(name)) continue;
    const rel = join(dir, name);
    if (rel === join("server", "db")) continue;
    if (statSync(join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

function scan(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of SCANNED)
    for (const file of sourceFiles(root, dir)) {
      const leaks = prismaLeaks(readFileSync(join(root, file), "utf8"));
      if (leaks.length) found.set(relative(root, join(root, file)).split("\\").join("/"), leaks);
    }
  return found;
}

describe("storage behind ports", () => {
  it("recognises each way of reaching Prisma, and not the schema's name in a comment", () => {
    expect(prismaLeaks(`const c = await ctx.db.prisma.case.findUnique({ where: { id } });`)).toEqual([
      "reaches a Prisma client",
    ]);
    expect(prismaLeaks(`import type { Prisma as P } from "../../db/generated/client.js";`)).toContain(
      "imports the generated client",
    );
    expect(prismaLeaks(`import { PrismaPg } from "@prisma/adapter-pg";`)).toContain(
      "imports an @prisma package",
    );
    expect(prismaLeaks(`import type { Prisma } from "../db/open.js";`)).toEqual(["imports a Prisma type"]);
    expect(prismaLeaks(`await db.$transaction(async (tx) => tx.audit.append(e));`)).toEqual([
      "reaches a Prisma client",
    ]);
    expect(prismaLeaks(`import { getCaseDetail } from "../../db/cases.js";`)).toEqual([
      "imports a query module of server/db",
    ]);
    expect(prismaLeaks(`import { openDatabase } from "./db/open.js";`)).toEqual([]);
    expect(prismaLeaks(`// see prisma/schema.prisma\nconst x = ctx.stores.cases.exists(id);`)).toEqual([]);
  });

  it("no file outside server/db reaches Prisma, except the listed ones", () => {
    const found = scan(fromRoot());
    const unexpected = [...found]
      .filter(([file]) => !(file in ALLOWED))
      .map(([f, why]) => `${f}: ${why.join(", ")}`);
    expect(unexpected).toEqual([]);
  });

  it("every allowed file still needs its exception (remove it from the list once converted)", () => {
    const found = scan(fromRoot());
    expect(Object.keys(ALLOWED).filter((file) => !found.has(file))).toEqual([]);
  });
});
