// Policy versions as the server registers them at boot: each distinct content of a pack is one
// PolicyVersion; the content booted with is published, the one before archived; a case keeps the
// exact content it was pinned to. The database is the source of truth: going back to an earlier
// file changes nothing (a roll-back is the studio's), and a publication by one instance reaches the
// others without a restart.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { packFilesIn } from "../policy/load.js";
import { openTestDatabase, TEST_TARGETS, type TestDatabase } from "../test-support/databases.js";
import { PolicyRegistry } from "./policy-registry.js";

const draft = mkdtempSync(join(tmpdir(), "amiable-policies-"));
for (const file of packFilesIn("policies")) copyFileSync(file, join(draft, file.split("/").at(-1) as string));
const draftFile = join(draft, "fr-business.yaml");
const original = readFileSync(draftFile, "utf8");
const edited = original.replace(/(\n {2}minInstalment:\n\s+value:) 10000\b/, "$1 20000");
writeFileSync(draftFile, edited);
afterAll(() => rmSync(draft, { recursive: true, force: true }));

describe.each(TEST_TARGETS)("policy versions on %s", (target) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase(target);
  });
  afterEach(async () => {
    await db.close();
  });

  const versions = () =>
    db.prisma.policyVersion.findMany({ where: { packId: "fr-business" }, orderBy: { createdAt: "asc" } });

  it("publishes the booted content, archives the previous one, and keeps pinned content", async () => {
    expect(edited).not.toBe(original);
    const first = await PolicyRegistry.open(db);
    const pinned = await first.pinFor("FR", "business", "EUR");
    expect(pinned.pack.limits.minInstalment.value).toBe(10000);

    const second = await PolicyRegistry.open(db, draft);
    const [before, after] = await versions();
    expect(before).toMatchObject({ id: pinned.versionId, status: "archived" });
    expect(after).toMatchObject({ status: "published" });
    const next = await second.pinFor("FR", "business", "EUR");
    expect(next.versionId).toBe(after?.id);
    expect(next.pack.limits.minInstalment.value).toBe(20000);
    // A case pinned earlier still negotiates under its own content.
    expect((await second.forVersion(pinned.versionId)).pack.limits.minInstalment.value).toBe(10000);
    // Other packs did not change, so they kept their single published version.
    expect(await db.prisma.policyVersion.count({ where: { packId: "uk-consumer" } })).toBe(1);

    // Back to the earlier file: a content already stored does not override the database (a
    // restart must not undo what the studio published or rolled back), and no duplicate row.
    const third = await PolicyRegistry.open(db);
    expect((await third.pinFor("FR", "business", "EUR")).versionId).toBe(after?.id);
    expect((await versions()).map((v) => v.status)).toEqual(["archived", "published"]);
  });

  it("sees a version published in the database by another instance on the next case", async () => {
    const one = await PolicyRegistry.open(db);
    const other = await PolicyRegistry.open(db);
    const before = await other.pinFor("FR", "business", "EUR");
    // Another instance publishes new content straight in the database (as the studio does).
    await db.prisma.policyVersion.update({ where: { id: before.versionId }, data: { status: "archived" } });
    const next = await db.prisma.policyVersion.create({
      data: {
        packId: "fr-business",
        hash: "f".repeat(64),
        content: edited,
        status: "published",
        publishedAt: new Date(),
      },
    });
    const pinned = await other.pinFor("FR", "business", "EUR");
    expect(pinned.versionId).toBe(next.id);
    expect(pinned.pack.limits.minInstalment.value).toBe(20000);
    expect((await one.pinFor("FR", "business", "EUR")).versionId).toBe(next.id);
  });
});
