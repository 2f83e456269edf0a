// npm run policy:export's logic: the published content of every pack written back as YAML, which
// loads again as the same packs (the files can be committed after changes made in the studio).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPacks } from "../../policy/index.js";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../../test-support/databases.js";
import { PolicyRegistry } from "../policy-registry.js";
import { exportPublishedPacks } from "./export.js";

describe.each(TEST_TARGETS)("policy export on %s", (target) => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "amiable-export-"));
  beforeAll(async () => {
    db = await openTestDatabase(target);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the published versions, studio-made ones included, as loadable YAML", async () => {
    const registry = await PolicyRegistry.open(db);
    const before = await registry.pinFor("FR", "business", "EUR");
    // A version published in the studio: its content is the YAML the studio stored.
    const edited = readFileSync("policies/fr-business.yaml", "utf8").replace(
      /(\n {2}maxInstalments:\n\s+value:) 12\b/,
      "$1 10",
    );
    await db.prisma.policyVersion.update({ where: { id: before.versionId }, data: { status: "archived" } });
    await db.prisma.policyVersion.create({
      data: {
        packId: "fr-business",
        hash: "e".repeat(64),
        content: edited,
        status: "published",
        publishedAt: new Date(),
      },
    });
    const written = await exportPublishedPacks(db.stores.policies, dir);
    expect(written.map((f) => f.split("/").at(-1)).sort()).toEqual([
      "fr-business.yaml",
      "fr-consumer.yaml",
      "generic-business.yaml",
      "uk-consumer.yaml",
      "us-consumer.yaml",
    ]);
    const loaded = loadPacks(dir);
    expect(loaded.get("fr-business")?.pack.limits.maxInstalments.value).toBe(10);
    expect(loaded.get("uk-consumer")?.hash).toBe(loadPacks("policies").get("uk-consumer")?.hash);
  });
});
