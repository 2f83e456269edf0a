import { describe, expect, it } from "vitest";
import { nextOffer } from "./ladder.js";
import { factsFor, PACK_IDS, pack, stateFor } from "./test-support/fixtures.js";
import type { NegotiationState, OfferKind, OfferTerms } from "./types.js";

const TODAY = "2025-09-15";
const inv = (number: string, dueAt: string, amount: number) => ({
  number,
  issuedAt: "2024-01-01",
  dueAt,
  amount,
});

/** Offers the ladder in order, declining each offer's kind, until it is exhausted. */
function walk(state: NegotiationState, packId: string): OfferTerms[] {
  const p = pack(packId);
  const offers: OfferTerms[] = [];
  let s = state;
  for (let i = 0; i < 10; i++) {
    const o = nextOffer(s, p);
    if (!o) break;
    offers.push(o);
    s = {
      ...s,
      offersMade: [...s.offersMade, o],
      declinedKinds: [...new Set<OfferKind>([...s.declinedKinds, o.kind])],
    };
  }
  return offers;
}

function frBusiness(extra: Partial<NegotiationState> = {}): NegotiationState {
  const p = pack("fr-business");
  return stateFor(
    p,
    factsFor(p, [inv("F-001", "2024-12-01", 100000), inv("F-002", "2025-03-01", 250050)]),
    TODAY,
    extra,
  );
}

describe("fr-business ladder", () => {
  it("asks for everything, then waives penalties and indemnity for prompt payment, then a plan, then a settlement", () => {
    const prompt = { signals: { fullPaymentImpossible: false, hardship: false, promptPayment: true } };
    const offers = walk(frBusiness(prompt), "fr-business");
    expect(offers.map((o) => [o.rule, o.kind, o.total, o.instalments.length, o.discountBps])).toEqual([
      ["ladder.full", "full", 385615, 1, 0],
      ["ladder.full-waived", "full", 350050, 1, 0],
      ["ladder.plan", "plan", 385615, 3, 0],
      // 288 days past due, balance under 10,000 EUR: tier max 10 %; opens at 2.5 % (floor(9640.375) off).
      ["ladder.settlement", "settlement", 385615 - 9640, 1, 250],
    ]);
    const [full, waived, plan, settlement] = offers as [OfferTerms, OfferTerms, OfferTerms, OfferTerms];
    expect(full.instalments[0]?.dueDate).toBe("2025-09-29");
    expect(full.expiresAt).toBe("2025-09-22");
    expect(waived.waived).toEqual({ interest: true, indemnity: true });
    expect(waived.instalments[0]?.dueDate).toBe("2025-09-23");
    expect(plan.instalments.map((i) => i.dueDate)).toEqual(["2025-09-29", "2025-10-29", "2025-11-29"]);
    expect(plan.instalments.map((i) => i.amount)).toEqual([128538, 128538, 128539]);
    expect(settlement.instalments[0]?.dueDate).toBe("2025-09-30");
    expect(settlement.expiresAt).toBe("2025-09-30");
    expect(full.citations).toEqual(expect.arrayContaining(["FR-B1", "FR-B2"]));
    expect(waived.total).toBe(350050); // the principal: penalties and indemnities dropped
  });

  it("unlocks the waiver straight away when the debtor offers to pay promptly", () => {
    const s = frBusiness({ signals: { fullPaymentImpossible: false, hardship: false, promptPayment: true } });
    const first = nextOffer(s, pack("fr-business"));
    const second = first && nextOffer({ ...s, offersMade: [first] }, pack("fr-business"));
    expect([first?.rule, second?.rule]).toEqual(["ladder.full", "ladder.full-waived"]);
  });

  it("puts no waiver on the table merely because the full amount was declined: a plan comes first", () => {
    expect(walk(frBusiness(), "fr-business").map((o) => o.rule)).toEqual([
      "ladder.full",
      "ladder.plan",
      "ladder.settlement",
    ]);
  });

  it("skips full payment when it is impossible, and offers the long plan on hardship", () => {
    const s = frBusiness({ signals: { fullPaymentImpossible: true, hardship: true } });
    const offers = walk(s, "fr-business");
    expect(offers.map((o) => o.rule)).toEqual(["ladder.plan-hardship", "ladder.settlement"]);
    expect(offers[0]?.instalments).toHaveLength(24);
    expect(offers[0]?.instalments.every((i) => i.amount >= 5000)).toBe(true);
  });

  it("offers no settlement while the debt is under 90 days past due (tier 0 %)", () => {
    const p = pack("fr-business");
    const s = stateFor(p, factsFor(p, [inv("F-1", "2025-08-01", 500000)]), TODAY);
    expect(walk(s, "fr-business").map((o) => o.rule)).toEqual(["ladder.full", "ladder.plan"]);
  });

  it("skips the plan when the balance cannot make two instalments of the minimum", () => {
    const p = pack("fr-business");
    const s = stateFor(p, factsFor(p, [inv("F-1", "2025-09-10", 15000)]), TODAY);
    expect(walk(s, "fr-business").map((o) => o.rule)).toEqual(["ladder.full"]);
    const prompt = { ...s, signals: { ...s.signals, promptPayment: true } };
    expect(walk(prompt, "fr-business").map((o) => o.rule)).toEqual(["ladder.full", "ladder.full-waived"]);
  });

  it("offers nothing on a time-barred case, or when nothing is due", () => {
    const p = pack("fr-business");
    const barred = stateFor(p, factsFor(p, [inv("F-1", "2020-01-01", 100000)]), TODAY);
    expect(barred.due.timeBarred).toBe(true);
    expect(nextOffer(barred, p)).toBeNull();
    const paid = stateFor(p, factsFor(p, [inv("F-1", "2025-09-20", 1000)], { paidAmount: 1000 }), TODAY);
    expect(nextOffer(paid, p)).toBeNull();
  });
});

describe("ladders of the other packs", () => {
  it.each(PACK_IDS.filter((id) => id !== "fr-business"))(
    "%s: full, plan, settlement, then exhausted",
    (id) => {
      const p = pack(id);
      const s = stateFor(p, factsFor(p, [inv("A", "2024-12-01", 250000)]), TODAY);
      const offers = walk(s, id);
      expect(offers.map((o) => o.kind)).toEqual(["full", "plan", "settlement"]);
      expect(offers.every((o) => o.total <= s.due.total && o.packId === id)).toBe(true);
      expect(offers[2]?.total).toBeLessThan(s.due.total);
      // The settlement comes only after the plan was declined.
      const early = nextOffer({ ...s, offersMade: offers.slice(0, 2), declinedKinds: ["full"] }, p);
      expect(early).toBeNull();
    },
  );

  it("uk-consumer: hardship opens a 60-month plan with token payments", () => {
    const p = pack("uk-consumer");
    const s = stateFor(p, factsFor(p, [inv("A", "2025-06-01", 300000)]), TODAY, {
      signals: { fullPaymentImpossible: true, hardship: true },
    });
    const plan = nextOffer(s, p);
    expect(plan?.rule).toBe("ladder.plan-hardship");
    expect(plan?.instalments).toHaveLength(60);
    expect(plan?.instalments.at(-1)?.dueDate).toBe("2030-08-29");
  });
});
