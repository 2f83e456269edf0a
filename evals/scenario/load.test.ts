import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDate } from "./dates.js";
import { filterScenarios, loadScenarios, parseScenarioFile } from "./load.js";

const valid = `
scenarios:
  - id: fr-consumer-demo
    title: Demo
    persona: cooperative
    pack: fr-consumer
    case:
      creditor: { name: Demo }
      debtor: { name: Jean, kind: consumer, locale: fr }
      jurisdiction: FR
      currency: EUR
      invoices:
        - { number: D-1, issuedAt: today-60d, dueAt: today-30d, amount: 10000 }
    debtor:
      goal: Pay.
      budget: { lumpSum: 20000 }
    expect:
      outcome: promise
`;

describe("scenario files", () => {
  it("loads every shipped scenario: at least 60, ids unique, each persona in French and English", () => {
    const all = loadScenarios("evals/scenarios");
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    const personas = [
      "cooperative",
      "forgetful",
      "hardship",
      "haggler",
      "disputer",
      "already_paid",
      "abusive",
      "vulnerable",
      "third_party",
      "manipulator",
    ];
    for (const p of personas) {
      for (const locale of ["fr", "en"]) {
        expect(
          all.some((s) => s.persona === p && s.case.debtor.locale === locale),
          `${p} in ${locale}`,
        ).toBe(true);
      }
    }
    expect(new Set(all.map((s) => s.pack)).size).toBeGreaterThanOrEqual(3);
    for (const tag of [
      "multi-invoice",
      "partial-dispute",
      "time-barred",
      "surendettement",
      "breathing-space",
      "attorney",
      "change-of-mind",
      "hardship-story",
    ])
      expect(
        all.some((s) => s.tags.includes(tag)),
        tag,
      ).toBe(true);
  });

  it("accepts a minimal scenario and fills the defaults", () => {
    const r = parseScenarioFile(valid, "demo.yaml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenarios[0]?.debtor.rules).toMatchObject({ negotiate: true, patience: 3, onGiveUp: "stop" });
    expect(r.scenarios[0]?.debtor.maxTurns).toBe(14);
  });

  it("reports each mistake with its file, line and path", () => {
    const broken = valid
      .replace("amount: 10000", "amount: 100.5")
      .replace("outcome: promise", "outcome: paid")
      .replace("persona: cooperative", "persona: cooperative\n    colour: blue");
    const r = parseScenarioFile(broken, "demo.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.file}:${e.line} ${e.path}: ${e.message}`);
    expect(text).toContain('demo.yaml:6 scenarios[0].colour: unknown key "colour"');
    expect(
      text.some((t) =>
        /:14 scenarios\[0\]\.case\.invoices\[0\]\.amount: must be an integer number of minor units/.test(t),
      ),
    ).toBe(true);
    expect(text.some((t) => /:19 scenarios\[0\]\.expect\.outcome/.test(t))).toBe(true);
  });

  it("checks that the pack matches the case and that a haggler has a reservation price", () => {
    const wrongPack = valid.replace("pack: fr-consumer", "pack: uk-consumer");
    const r = parseScenarioFile(wrongPack, "demo.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/governed by fr-consumer, not uk-consumer/);
    const haggler = valid.replace(
      "budget: { lumpSum: 20000 }",
      "budget: { lumpSum: 20000 }\n      rules: { haggleFromBps: 3000 }",
    );
    const h = parseScenarioFile(haggler, "demo.yaml");
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.errors[0]?.path).toBe("scenarios.0.debtor.reservation");
  });

  it("accepts the annotated example of docs/evals.md", () => {
    const example = readFileSync("docs/evals.md", "utf8").split("```yaml\n")[1]?.split("```")[0] ?? "";
    const r = parseScenarioFile(example, "docs/evals.md");
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it("resolves relative dates from the evaluation day", () => {
    expect(resolveDate("today", "2026-11-25")).toBe("2026-11-25");
    expect(resolveDate("today-30d", "2026-11-25")).toBe("2026-10-26");
    expect(resolveDate("today-2y-40d", "2026-11-25")).toBe("2024-10-16");
    expect(resolveDate("today-6y+30d", "2026-11-25")).toBe("2020-12-25");
    expect(resolveDate("2025-01-31", "2026-11-25")).toBe("2025-01-31");
  });

  it("filters by id, persona, pack, locale or tag", () => {
    const all = loadScenarios("evals/scenarios");
    expect(
      filterScenarios(all, "haggler").every((s) => s.id.includes("haggler") || s.persona === "haggler"),
    ).toBe(true);
    expect(filterScenarios(all, "time-barred,attorney").length).toBeGreaterThanOrEqual(6);
    expect(filterScenarios(all, undefined)).toHaveLength(all.length);
  });
});
