// Case search as a collector types it: accents and case folded, by reference, names, e-mail, phone
// and invoice number, on the embedded database as on PostgreSQL; wildcards typed are literal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { sampleCase } from "../../test-support/service.js";
import { escapeLike, foldText } from "./text-search.js";

describe("folding", () => {
  it("drops accents and case, spells ligatures out, escapes LIKE wildcards", () => {
    expect(foldText("Lefèvre Électricité Œuvres Łódź")).toBe("lefevre electricite oeuvres lodz");
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});

describe.each(TEST_TARGETS)("case search on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
    const cases = [
      sampleCase({
        reference: "SRCH-001",
        creditor: { name: "Société Générale d'Électricité" },
        debtor: {
          name: "Lefèvre Électricité SARL",
          kind: "business",
          email: "compta@lefevre-elec.fr",
          phone: "+33 6 12 34 56 78",
          locale: "fr",
        },
        invoices: [{ number: "FAC-2026/0042", issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 50_000 }],
      }),
      sampleCase({
        reference: "SRCH-002",
        debtor: { name: "Dupont 50% Transport", kind: "business", locale: "fr" },
      }),
      sampleCase({ reference: "SRCH-003", debtor: { name: "Martin_Bois", kind: "consumer", locale: "fr" } }),
    ];
    for (const body of cases) {
      const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const find = async (q: string) => {
    const res = await t.api("GET", `/api/cases?q=${encodeURIComponent(q)}&pageSize=100`, {
      token: t.tokens.collector,
    });
    expect(res.status).toBe(200);
    return (res.body.items as { reference: string }[])
      .map((c) => c.reference)
      .filter((r) => r.startsWith("SRCH-"))
      .sort();
  };

  it.each([
    ["lefevre", ["SRCH-001"]],
    ["LEFÈVRE", ["SRCH-001"]],
    ["electricite", ["SRCH-001"]],
    ["srch-00", ["SRCH-001", "SRCH-002", "SRCH-003"]],
    ["lefevre-elec.fr", ["SRCH-001"]],
    ["06 12 34 56 78", ["SRCH-001"]],
    ["+33612345678", ["SRCH-001"]],
    ["fac-2026/0042", ["SRCH-001"]],
    ["generale d'electricite", ["SRCH-001"]],
    ["50%", ["SRCH-002"]],
    ["dupont_50", []],
    ["martin_", ["SRCH-003"]],
    ["zzz-nothing", []],
  ])("finds %j", async (q, expected) => {
    expect(await find(q)).toEqual(expected);
  });
});
