// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. The native
// engine that the Prisma CLI downloads is not available everywhere (and a stand-in binary makes
// `prisma migrate deploy` report success while applying nothing), so migrations are diffed and
// applied here instead. The migrations folder and `_prisma_migrations` table stay in Prisma's
// format, so `prisma migrate deploy` remains valid wherever the native engine exists.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { fromRoot } from "../config/paths.js";

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = fromRoot("prisma", "schema.prisma");
export const MIGRATIONS_DIR = fromRoot("prisma", "migrations");

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package exports only its JS entry points; the .wasm sits beside them.
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const bytes = readFileSync(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  await loadWasm();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const log = (_line: string) => {};
  return bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** The migrations folder in the shape the engine expects. */
export function readMigrationList(dir = MIGRATIONS_DIR): bg.MigrationList {
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    names = [];
  }
  let lock: string | null = null;
  try {
    lock = readFileSync(join(dir, "migration_lock.toml"), "utf8");
  } catch {
    lock = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** The migration folders' names, in order. */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readMigrationList(dir).migrationDirectories.map((d) => d.path);
}

/** Applies every migration not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(factory);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes a database built from the migrations folder to the schema; empty when they agree.
 * The engine replays the migrations on the factory's shadow database to compute the "from" side.
 */
export async function diffMigrationsToSchema(
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const engine = await openSchemaEngine(factory);
  try {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    engine.free();
  }
}
