import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical.js";
import { loadPacks, PolicyLoadError, parsePack } from "./load.js";
import { PACK_IDS, packs } from "./test-support/fixtures.js";

const source = (id: string) => readFileSync(`policies/${id}.yaml`, "utf8");

describe("loading the shipped packs", () => {
  it("loads every pack, keyed by id, each with a sha256 content hash", () => {
    const loaded = packs();
    expect([...loaded.keys()].sort()).toEqual([...PACK_IDS].sort());
    for (const l of loaded.values()) expect(l.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([...loaded.values()].map((l) => l.hash)).size).toBe(PACK_IDS.length);
  });

  it("gives the same hash to the same content, whatever the comments, quoting or key order", () => {
    const text = source("fr-consumer");
    const a = parsePack(text, "a.yaml");
    const reordered = text
      .replace(/^# .*$/gm, "# another comment")
      .replace("name: France — particuliers (B2C)", 'name: "France — particuliers (B2C)"')
      .replace(
        "jurisdictions: [FR]\ndebtorKinds: [consumer]",
        "debtorKinds: [consumer]\njurisdictions: [FR]",
      );
    const b = parsePack(reordered, "b.yaml");
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.hash).toBe(a.hash);
  });

  it("changes the hash when a value changes, including a value left to its default", () => {
    const text = source("fr-consumer");
    const a = parsePack(text, "a.yaml");
    const b = parsePack(text.replace("value: 3000 # 30.00 EUR", "value: 3100"), "b.yaml");
    // repeat: false is the default; writing it out does not change the meaning, so not the hash.
    const c = parsePack(
      text.replace(
        "  - id: ai-notice\n    moment: session_start\n",
        "  - id: ai-notice\n    moment: session_start\n    repeat: false\n",
      ),
      "c.yaml",
    );
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.hash).not.toBe(a.hash);
      expect(c.hash).toBe(a.hash);
    }
  });

  it("reads anchors and merge keys like the written-out YAML", () => {
    const text = source("fr-consumer");
    const shared = text
      .replace(
        "  maxInstalments:\n    value: 12\n    rules: [FR-2, FR-P4]",
        "  maxInstalments: &twelve\n    value: 12\n    rules: [FR-2, FR-P4]",
      )
      .replace(
        "  maxPlanMonths:\n    value: 12\n    rules: [FR-2, FR-5]",
        "  maxPlanMonths:\n    <<: *twelve\n    rules: [FR-2, FR-5]",
      );
    expect(shared).not.toBe(text);
    const a = parsePack(text, "a.yaml");
    const b = parsePack(shared, "b.yaml");
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
  });

  it("canonical JSON sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe("parse errors", () => {
  it("reports a YAML syntax error with its line", () => {
    const r = parsePack("id: x\nname: [unclosed\nother: 1\n", "x.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.message).toMatch(/^YAML syntax error: /);
      expect(r.errors[0]?.line).toBeGreaterThanOrEqual(2);
    }
  });

  it("refuses a file that is not a mapping", () => {
    expect(parsePack("- 1\n- 2\n", "list.yaml")).toEqual({
      ok: false,
      errors: [{ file: "list.yaml", path: "", line: 1, message: "a policy pack must be a YAML mapping" }],
    });
  });

  it("reports every missing section of an empty pack, on the root line", () => {
    const r = parsePack("id: empty\n", "empty.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      for (const section of [
        "name",
        "limits",
        "ladder",
        "fees",
        "limitation",
        "disclosures",
        "forbiddenWording",
        "escalation",
        "guard",
      ])
        expect(paths).toContain(section);
      expect(r.errors.every((e) => e.line === 1 && e.message.startsWith("required field is missing"))).toBe(
        true,
      );
    }
  });
});

describe("loadPacks", () => {
  it("throws one error listing every problem, including cross-pack ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "packs-"));
    writeFileSync(join(dir, "fr-consumer.yaml"), source("fr-consumer"));
    writeFileSync(join(dir, "fr-consumer-copy.yaml"), source("fr-consumer"));
    writeFileSync(join(dir, "bad.yaml"), "id: bad\nname: [\n");
    try {
      loadPacks(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyLoadError);
      const messages = (e as PolicyLoadError).errors.map(
        (x) => `${x.file.replace(dir, "<dir>")} ${x.path}: ${x.message}`,
      );
      // Files load in name order: the copy first, so the original is the duplicate.
      expect(messages).toContain(
        '<dir>/fr-consumer-copy.yaml id: pack id "fr-consumer" must match the file name "fr-consumer-copy"',
      );
      expect(messages).toContain(
        `<dir>/fr-consumer.yaml id: pack id "fr-consumer" is already used by ${dir}/fr-consumer-copy.yaml`,
      );
      expect(messages).toContain(
        '<dir>/fr-consumer.yaml jurisdictions: FR consumer debtors are already covered by pack "fr-consumer"',
      );
      expect(messages.some((m) => m.startsWith("<dir>/bad.yaml : YAML syntax error"))).toBe(true);
    }
  });
});
