// The security answers' keyed hash (decision 0111): a match under the key, no match under another
// key or for another answer, answers stored with scrypt before still checked, and a store with no
// key keeps hashing with scrypt. The key's source: the environment, the data folder (created once,
// kept), memory, or none on PostgreSQL.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerHasher } from "./answer-hash.js";
import { ANSWER_KEY_FILE, resolveAnswerKey } from "./answer-key.js";
import { hashPassword } from "./passwords.js";

describe("security answers' hash", () => {
  const key = randomBytes(32);
  const hasher = answerHasher(key);

  it("is a keyed HMAC that matches the answer only, under its own key only", async () => {
    const stored = await hasher.hash("75011");
    expect(stored).toMatch(/^hmac-sha256\$[\w-]{8}\$[\w-]{43}$/);
    expect(stored).not.toContain("75011");
    expect(await hasher.verify("75011", stored)).toBe(true);
    expect(await hasher.verify("75012", stored)).toBe(false);
    expect(await hasher.verify("", stored)).toBe(false);
    // Another key (a deployment that changed ANSWER_KEY), or none, never matches.
    expect(await answerHasher(randomBytes(32)).verify("75011", stored)).toBe(false);
    expect(await answerHasher(null).verify("75011", stored)).toBe(false);
    expect(await hasher.verify("75011", "hmac-sha256$broken")).toBe(false);
  });

  it("still checks answers stored with scrypt, and hashes with scrypt when no key is set", async () => {
    const old = await hashPassword("69002");
    expect(await hasher.verify("69002", old)).toBe(true);
    expect(await hasher.verify("69003", old)).toBe(false);
    const withoutKey = answerHasher(null);
    expect(withoutKey.kind).toBe("scrypt");
    const stored = await withoutKey.hash("69002");
    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(await hasher.verify("69002", stored)).toBe(true);
  });

  it("checks an answer in microseconds, not the tens of milliseconds of scrypt", async () => {
    // Counted work rather than time: the keyed hash never reaches scrypt's thread pool.
    const stored = await hasher.hash("75011");
    const before = process.cpuUsage();
    for (let i = 0; i < 1000; i++) await hasher.verify("75011", stored);
    const used = process.cpuUsage(before);
    // 1,000 scrypt checks would take about 44 s of CPU; a generous bound that still tells them apart.
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
  });
});

describe("the answers' key", () => {
  const dir = mkdtempSync(join(tmpdir(), "amiable-answer-key-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("comes from ANSWER_KEY when set", () => {
    const env = randomBytes(32).toString("base64");
    const r = resolveAnswerKey({ envKey: env, databaseKind: "postgres", dataDir: dir });
    expect(r.source).toBe("env");
    expect(r.key?.toString("base64")).toBe(env);
  });

  it("is generated once into the data folder on PGlite, private to its owner, and kept", () => {
    const first = resolveAnswerKey({ envKey: undefined, databaseKind: "pglite", dataDir: dir });
    const second = resolveAnswerKey({ envKey: undefined, databaseKind: "pglite", dataDir: dir });
    expect(first.source).toBe("data-dir");
    expect(first.key?.length).toBe(32);
    expect(second.key?.equals(first.key as Buffer)).toBe(true);
    const file = join(dir, ANSWER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.key?.toString("base64"));
  });

  it("lives in memory for an in-memory database, and is absent on PostgreSQL without ANSWER_KEY", () => {
    expect(
      resolveAnswerKey({ envKey: undefined, databaseKind: "pglite", dataDir: "memory://x" }).source,
    ).toBe("memory");
    expect(resolveAnswerKey({ envKey: undefined, databaseKind: "postgres", dataDir: dir })).toEqual({
      key: null,
      source: "none",
    });
  });
});
