import { describe, expect, it } from "vitest";
import type { DebtorKind, Jurisdiction } from "../domain/case-facts.js";
import { automaticEscalations, policyNotice } from "./escalation.js";
import { packIdFor, selectPack } from "./select.js";
import { factsFor, PACK_IDS, pack, packs, stateFor } from "./test-support/fixtures.js";

const COMBOS: [Jurisdiction, DebtorKind, string][] = [
  ["FR", "business", "fr-business"],
  ["FR", "consumer", "fr-consumer"],
  ["US", "consumer", "us-consumer"],
  ["UK", "consumer", "uk-consumer"],
  ["US", "business", "generic-business"],
  ["UK", "business", "generic-business"],
];

describe("pack selection", () => {
  it.each(COMBOS)("%s %s -> %s, from the packs' own coverage and from the shipped mapping", (j, k, id) => {
    const selected = selectPack(packs(), j, k);
    expect(selected.ok && selected.pack.id).toBe(id);
    expect(packIdFor(j, k)).toBe(id);
  });

  it("refuses a currency the pack does not accept, with a clear message", () => {
    expect(selectPack(packs(), "FR", "business", "USD")).toEqual({
      ok: false,
      message: "policy pack fr-business (business debtors in FR) accepts EUR, not USD",
    });
    expect(selectPack(packs(), "UK", "business", "GBP").ok).toBe(true);
  });

  it("refuses an uncovered combination", () => {
    const onlyFr = [pack("fr-business"), pack("fr-consumer")];
    expect(selectPack(onlyFr, "US", "consumer")).toEqual({
      ok: false,
      message: "no policy pack covers consumer debtors in US",
    });
    expect(selectPack([pack("fr-business"), pack("fr-business")], "FR", "business")).toEqual({
      ok: false,
      message: "several policy packs cover business debtors in FR: fr-business, fr-business",
    });
  });
});

describe("escalation", () => {
  it.each(PACK_IDS)("%s handles every universal trigger with a fixed text in both locales", (id) => {
    const p = pack(id);
    for (const kind of [
      "dispute",
      "already_paid",
      "vulnerability",
      "hardship",
      "human_request",
      "stop_request",
      "bankruptcy",
      "attorney",
      "identity",
      "time_barred",
    ] as const) {
      const notice = policyNotice(p, kind, "fr");
      expect(notice?.text.length).toBeGreaterThan(0);
      expect(policyNotice(p, kind, "en")?.text.length).toBeGreaterThan(0);
      expect(notice?.rules.length).toBeGreaterThan(0);
    }
    expect(policyNotice(p, "dispute", "en")).toMatchObject({
      action: "stop_and_handoff",
      stopCollection: true,
    });
    expect(policyNotice(p, "stop_request", "en")?.action).toBe("close");
  });

  it("has jurisdiction-specific triggers, and no policy text for a kind a pack does not list", () => {
    expect(policyNotice(pack("fr-consumer"), "surendettement", "fr")?.rules).toEqual(["FR-6"]);
    expect(policyNotice(pack("uk-consumer"), "breathing_space", "en")?.rules).toEqual(["UK-13"]);
    expect(policyNotice(pack("us-consumer"), "breathing_space", "en")).toBeNull();
    expect(policyNotice(pack("fr-business"), "surendettement", "fr")?.kind).toBe("surendettement");
  });

  it("gives the assistant the pack's verbatim notice, naming hardship as the pack does, and none where the pack has no rule", () => {
    const p = pack("us-consumer");
    const paid = p.escalation.find((e) => e.kind === "already_paid");
    expect(policyNotice(p, "already_paid", "en")).toEqual({
      kind: "already_paid",
      text: paid?.handling.en,
      rules: paid?.rules,
      action: "stop_and_handoff",
      stopCollection: true,
    });
    expect(policyNotice(p, "hardship", "fr")?.kind).toBe("hardship_beyond_ladder");
    // Kinds no pack describes, and a jurisdiction's kind in another country's pack.
    for (const kind of ["counter_offer", "third_party", "abuse", "breathing_space"] as const)
      expect(policyNotice(p, kind, "en")).toBeNull();
    expect(policyNotice(pack("uk-consumer"), "breathing_space", "en")?.rules).toEqual(["UK-13"]);
  });

  it("raises time_barred by itself on a barred case", () => {
    const p = pack("uk-consumer");
    const barred = stateFor(
      p,
      factsFor(p, [{ number: "A", issuedAt: "2018-01-01", dueAt: "2018-02-01", amount: 100 }]),
      "2025-01-01",
    );
    expect(automaticEscalations(p, barred.due)).toEqual(["time_barred"]);
  });
});
