// Where the security answers' key comes from (decision 0111): ANSWER_KEY (base64, at least 32
// bytes) when set, which every instance on one PostgreSQL must share; on the embedded PGlite
// without it, a key generated once into the data folder beside (not inside) the database; an
// in-memory database gets a key for the life of the process. PostgreSQL without ANSWER_KEY has no
// key: answers are stored with scrypt as before, and the boot log says how to set one.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ANSWER_KEY_FILE = "answer-hash.key";

export function resolveAnswerKey(options: {
  envKey: string | undefined;
  databaseKind: "pglite" | "postgres";
  dataDir: string;
}): { key: Buffer | null; source: "env" | "data-dir" | "memory" | "none" } {
  if (options.envKey) return { key: Buffer.from(options.envKey, "base64"), source: "env" };
  if (options.databaseKind === "postgres") return { key: null, source: "none" };
  if (options.dataDir.startsWith("memory://")) return { key: randomBytes(32), source: "memory" };
  const file = join(options.dataDir, ANSWER_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    // "wx": two processes starting on one folder never overwrite each other's key.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return { key: Buffer.from(readFileSync(file, "utf8").trim(), "base64"), source: "data-dir" };
}
