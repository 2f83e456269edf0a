import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkPackFiles } from "./check-files.js";

describe("policy:check", () => {
  it("accepts the shipped packs by default", () => {
    const report = checkPackFiles();
    expect(report.ok).toBe(true);
    expect(report.lines).toHaveLength(5);
    for (const line of report.lines)
      expect(line).toMatch(/^ok policies\/[a-z-]+\.yaml \([a-z-]+\) sha256:[0-9a-f]{64}$/);
  });

  it("reports a file it cannot read", () => {
    const report = checkPackFiles(["policies/nope.yaml"]);
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toMatch(/^policies\/nope\.yaml: cannot read file: /);
  });

  it("runs as a script: exit 0 on the shipped packs, non-zero with file:line lines on broken ones", () => {
    const tsx = "node_modules/.bin/tsx";
    const ok = execFileSync(
      tsx,
      ["scripts/policy-check.ts", "policies/fr-business.yaml", "policies/us-consumer.yaml"],
      {
        encoding: "utf8",
      },
    );
    expect(ok).toMatch(/^ok policies\/fr-business\.yaml/m);
    const bad = spawnSync(tsx, ["scripts/policy-check.ts", "policies/broken/tiers-overlap.yaml"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      "policies/broken/tiers-overlap.yaml:21 limits.discountTiers[1]: tier 1 overlaps tier 0",
    );
  });
});
