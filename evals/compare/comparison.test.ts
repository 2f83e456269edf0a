// A policy editor's draft replayed beside the published packs: the field that changed, the
// scenario whose result moved, the totals side by side, on the real service.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packFilesIn } from "../../server/policy/load.js";
import { summarise } from "../report/summary.js";
import { loadThresholds } from "../report/thresholds.js";
import { filterScenarios, loadScenarios } from "../scenario/load.js";
import { runShard } from "../suite.js";
import { compareRuns, comparisonText } from "./comparison.js";
import { diffPackFolders, diffValues } from "./pack-diff.js";

const draftDir = mkdtempSync(join(tmpdir(), "amiable-draft-"));
afterAll(() => rmSync(draftDir, { recursive: true, force: true }));

/** A copy of policies/ where fr-business requires instalments of 600 EUR at least (100 and 50 before). */
function writeDraft(): void {
  for (const file of packFilesIn("policies"))
    copyFileSync(file, join(draftDir, file.split("/").at(-1) as string));
  const path = join(draftDir, "fr-business.yaml");
  const source = readFileSync(path, "utf8");
  const edited = source
    .replace(/(\n {2}minInstalment:\n\s+value:) 10000\b/, "$1 60000")
    .replace(/(\n {4}minInstalment:\n\s+value:) 5000\b/, "$1 60000");
  expect(edited).not.toBe(source);
  writeFileSync(path, edited);
}

describe("diffValues", () => {
  it("lists leaf changes with their paths, list items by index, absent sides as undefined", () => {
    expect(
      diffValues(
        { limits: { max: { value: 12 } }, tiers: [{ bps: 500 }, { bps: 700 }], keep: "x" },
        { limits: { max: { value: 2 } }, tiers: [{ bps: 500 }], keep: "x", added: true },
      ),
    ).toEqual([
      { path: "added", before: undefined, after: true },
      { path: "limits.max.value", before: 12, after: 2 },
      { path: "tiers[1]", before: { bps: 700 }, after: undefined },
    ]);
  });
});

describe("policy comparison (offline, real service)", () => {
  it("shows the changed field, the scenario that moved and the totals of both folders", {
    timeout: 120_000,
  }, async () => {
    writeDraft();
    const packs = diffPackFolders("policies", draftDir);
    expect(packs).toEqual([
      expect.objectContaining({
        packId: "fr-business",
        change: "changed",
        fields: [
          { path: "limits.hardship.minInstalment.value", before: 5000, after: 60000 },
          { path: "limits.minInstalment.value", before: 10000, after: 60000 },
        ],
      }),
    ]);

    // Monthly payments of at most 500 EUR: a plan under the published pack, not under the draft.
    const scenarios = filterScenarios(
      loadScenarios("evals/scenarios"),
      "fr-business-abusive,fr-business-cooperative",
    );
    expect(scenarios.map((s) => s.id).sort()).toEqual(["fr-business-abusive", "fr-business-cooperative"]);
    const thresholds = loadThresholds();
    const run = async (policiesDir?: string) => {
      const shard = await runShard({
        scenarios,
        arms: ["assistant"],
        trials: 1,
        redteam: [],
        provider: "offline",
        concurrency: 2,
        ...(policiesDir ? { policiesDir } : {}),
      });
      const meta = {
        startedAt: new Date().toISOString(),
        durationMs: shard.runMs,
        provider: "offline",
        model: null,
        debtor: "rules",
        trials: 1,
        filter: "fr-business",
        workers: 1,
        node: process.version,
      };
      return {
        summary: summarise(meta, shard.conversations, null, thresholds),
        conversations: shard.conversations,
      };
    };
    const published = await run();
    const draft = await run(draftDir);

    // The draft's cases were pinned to the draft's own content.
    const pinned = new Set(draft.conversations.map((c) => c.pack));
    expect(pinned).toEqual(new Set(["fr-business"]));

    const c = compareRuns(published, draft, packs);
    expect(c.shifts).toEqual([
      expect.objectContaining({ scenarioId: "fr-business-abusive", direction: "worse" }),
    ]);
    expect(c.shifts[0]?.published).toMatch(/^PASS plan/);
    expect(c.shifts[0]?.draft).toMatch(/^FAIL/);
    const passRate = c.metrics.find((m) => m.metric === "pass rate");
    expect(passRate).toEqual({
      metric: "pass rate",
      published: "100.0 %",
      draft: "50.0 %",
      change: "-50.0 pts",
    });
    expect(c.metrics.find((m) => m.metric === "policy violations")?.draft).toBe("0");

    const text = comparisonText(c, "policies", draftDir);
    expect(text).toContain("limits.minInstalment.value");
    expect(text).toContain("fr-business-abusive");
    expect(text).toMatch(/\| 10000 +\| 60000 +\|/);
  });
});
