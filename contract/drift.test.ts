// Keeps the contract in one place (docs/decisions/0080-one-contract-module.md). Reads the sources:
// every type the contract infers from a schema is declared nowhere else (no second `interface
// WireMessage`), the web pages import nothing of the server but the contract, and the lists of
// case statuses, escalation kinds and outcomes are written once. A copy fails here, with its file.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SKIP = new Set(["node_modules", "dist", "generated", "data", "test-artifacts", "reports"]);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    if (SKIP.has(d.name)) return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith(".d.ts") ? [path] : [];
  });
}

const read = (file: string) => readFileSync(join(root, file), "utf8");
const contractFiles = sources("contract").filter((f) => !f.endsWith(".test.ts"));
const elsewhere = ["server", "web", "evals", "scripts"].flatMap(sources);

/** Names the contract declares as types inferred from its schemas, or as socket event maps. */
function contractTypeNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of contractFiles)
    for (const m of read(file).matchAll(/^export (?:type (\w+) = z\.infer<|interface (\w+Events) )/gm))
      names.set((m[1] ?? m[2]) as string, file);
  return names;
}

describe("one contract module", () => {
  it("finds the contract's types (the scan itself works)", () => {
    const names = contractTypeNames();
    for (const n of [
      "WireMessage",
      "WireOffer",
      "Ack",
      "EscalationCard",
      "CaseView",
      "CaseList",
      "KpiReport",
    ])
      expect(names.has(n), n).toBe(true);
    expect(elsewhere.length).toBeGreaterThan(100);
  });

  it("declares each wire type once: in the contract", () => {
    const names = contractTypeNames();
    const copies: string[] = [];
    for (const file of elsewhere) {
      const text = read(file);
      for (const m of text.matchAll(
        /^\s*(?:export\s+)?(?:interface|type)\s+(\w+)\b(?:<[^>]*>)?\s*(?:=|\{|extends)/gm,
      )) {
        const name = m[1] as string;
        if (names.has(name)) copies.push(`${file}: ${name} (declared in ${names.get(name)})`);
      }
    }
    expect(copies).toEqual([]);
  });

  // Types built from server functions (`ReturnType<typeof caseView>`) need such an import too.
  it("lets the web pages import nothing of the server but the contract", () => {
    const offenders: string[] = [];
    // web/e2e drives a real service from Node: it starts the server on purpose.
    for (const file of elsewhere.filter((f) => f.startsWith("web/") && !f.startsWith("web/e2e/"))) {
      for (const m of read(file).matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1] as string;
        if (!spec.startsWith(".")) continue;
        const target = relative(root, resolve(root, dirname(file), spec));
        if (target.startsWith("server/") || target === "server") offenders.push(`${file} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("writes the case statuses, escalation kinds and outcomes once (the domain's lists)", () => {
    const lists = [
      {
        what: "case statuses",
        owner: "server/domain/case-statuses.ts",
        pattern: /"verifying",\s*"negotiating",\s*"promised"/,
      },
      {
        what: "outcomes",
        owner: "server/domain/escalation-outcomes.ts",
        pattern: /"dispute_upheld",\s*"dispute_rejected"/,
      },
      {
        what: "escalation kinds",
        owner: "server/domain/escalation-kinds.ts",
        pattern: /"dispute",\s*"already_paid",\s*"vulnerability",\s*"hardship",/,
      },
    ];
    const copies: string[] = [];
    for (const file of [...elsewhere, ...contractFiles].filter((f) => !f.endsWith(".test.ts")))
      for (const list of lists)
        if (file !== list.owner && list.pattern.test(read(file))) copies.push(`${file}: ${list.what}`);
    expect(copies).toEqual([]);
    for (const list of lists) expect(list.pattern.test(read(list.owner)), list.owner).toBe(true);
  });
});
