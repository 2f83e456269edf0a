// Property tests over random cases (every pack, 1-20 invoices, balances up to 10^8 minor units, due
// dates years back or still to come, any point of the negotiation) and random proposals (any count,
// amount, discount, date, from the debtor or the model). Whatever the engine offers, accepts or
// counters must stay inside the pack's limits. The checker below re-derives the limits from the
// pack directly instead of reusing the engine's helpers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "./dates.js";
import { nextOffer } from "./ladder.js";
import { evaluateProposal } from "./proposal.js";
import type { PolicyPack } from "./schema.js";
import { arbCase, arbProposal, pack } from "./test-support/fixtures.js";
import type { NegotiationState, OfferKind, OfferTerms, Proposal } from "./types.js";

const RUNS = { numRuns: 1000 };

function tierMaxBps(p: PolicyPack, days: number, balance: number): number {
  const inside = (r: { from: number; to?: number | undefined }, v: number) =>
    v >= r.from && (r.to === undefined || v < r.to);
  return (
    p.limits.discountTiers.find((t) => inside(t.daysPastDue, days) && inside(t.balance, balance))
      ?.maxDiscountBps ?? 0
  );
}

/**
 * Every limit an offer must respect; returns the broken ones. `asked`: the proposal answered, whose
 * rest's own date (restDate) may give a two-payment plan a second date off the cadence.
 */
function limitProblems(o: OfferTerms, s: NegotiationState, p: PolicyPack, asked?: Proposal): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${o.kind} ${o.rule}: ${what}`);
  const L = p.limits;
  const h = s.signals.hardship ? L.hardship : undefined;
  const maxInstalments = (h?.maxInstalments ?? L.maxInstalments).value;
  const minInstalment = (h?.minInstalment ?? L.minInstalment).value;
  const maxPlanMonths = (h?.maxPlanMonths ?? L.maxPlanMonths).value;
  const dates = o.instalments.map((i) => i.dueDate);
  const amounts = o.instalments.map((i) => i.amount);
  const first = dates[0] ?? "";
  const last = dates[dates.length - 1] ?? "";

  if (s.due.timeBarred && !p.limitation.timeBarred.allowOffers) fail("offer on a time-barred case");
  if (o.currency !== s.due.currency) fail("wrong currency");
  if (amounts.reduce((a, b) => a + b, 0) !== o.total) fail("instalments do not sum to the total");
  if (!amounts.every((a) => Number.isSafeInteger(a) && a > 0)) fail("non-positive or fractional instalment");
  if (first < s.today) fail("first due date in the past");
  if (dates.some((d, i) => i > 0 && d <= (dates[i - 1] ?? ""))) fail("due dates not increasing");
  if (o.total > s.due.total) fail("total above the amount due");
  if (o.expiresAt !== undefined && (o.expiresAt < s.today || o.expiresAt > first))
    fail("expiry outside [today, first due date]");

  if (o.kind === "full" || o.kind === "plan") {
    const dropped = (o.waived.interest ? s.due.interest : 0) + (o.waived.indemnity ? s.due.indemnity : 0);
    if (o.total !== Math.max(0, s.due.total - dropped))
      fail("full/plan total is not the amount due less its waivers");
    if (o.discountBps !== 0) fail("discount outside a settlement");
    const canWaive = p.ladder.steps.some(
      (st) => (!o.waived.interest || st.waive?.interest) && (!o.waived.indemnity || st.waive?.indemnity),
    );
    if ((o.waived.interest || o.waived.indemnity) && !canWaive) fail("waiver no ladder step grants");
    if (first > addDays(s.today, L.firstPaymentWithinDays.value)) fail("first payment outside the window");
  }
  if (o.kind === "full" && amounts.length !== 1) fail("full payment in several instalments");
  if (o.kind === "plan") {
    if (amounts.length < 2 || amounts.length > maxInstalments)
      fail(`${amounts.length} instalments (max ${maxInstalments})`);
    if (amounts.some((a) => a < minInstalment)) fail(`instalment below the minimum ${minInstalment}`);
    const down = Math.ceil((o.total * L.minDownPaymentBps.value) / 10_000);
    if ((amounts[0] ?? 0) < down) fail("first instalment below the down payment");
    if (last > addMonths(s.today, maxPlanMonths)) fail("plan longer than maxPlanMonths");
    const spacing = dates.every((d, i) => {
      if (i === 0) return true;
      return [addDays(first, 7 * i), addDays(first, 14 * i), addMonths(first, i)].includes(d);
    });
    // "500 now and the rest in March": the rest on the day asked, or the plan's last allowed day.
    const ownRest =
      asked?.restDate !== undefined &&
      dates.length === 2 &&
      [asked.restDate, addMonths(s.today, maxPlanMonths)].includes(last);
    if (!spacing && !ownRest) fail("irregular due dates");
  }
  if (o.kind === "settlement") {
    if (amounts.length !== 1) fail("settlement not a lump sum");
    if (first > addDays(s.today, L.settlementPayWithinDays.value))
      fail("settlement due after its pay-by window");
    if (!s.declinedKinds.includes("plan")) fail("settlement before a plan was declined");
    const maxBps = tierMaxBps(p, s.due.daysPastDue, s.due.total);
    const floor = s.due.total - Math.floor((s.due.total * maxBps) / 10_000);
    if (maxBps === 0) fail("settlement where the tier allows no discount");
    if (o.total < floor) fail(`settlement ${o.total} below the tier floor ${floor}`);
    if (o.discountBps > maxBps) fail("discount above the tier");
  }
  return problems;
}

const withProposal = arbCase.chain((c) => fc.tuple(fc.constant(c), arbProposal(c.state)));

describe("engine properties (1000 runs each)", () => {
  it("no accepted or countered proposal breaks a limit; refusals reveal no discount", () => {
    fc.assert(
      fc.property(withProposal, ([c, proposal]) => {
        const p = pack(c.packId);
        const d = evaluateProposal(proposal, c.state, p);
        if (d.decision === "refuse") {
          expect(Object.keys(d.bounds).some((k) => /discount|floor/i.test(k))).toBe(false);
          expect(d.handoff).toBe(proposal.source === "debtor");
          return;
        }
        expect(limitProblems(d.offer, c.state, p, proposal)).toEqual([]);
        if (d.decision === "counter") expect(d.explanation).not.toMatch(/\d/);
      }),
      RUNS,
    );
  });

  it("a model never obtains a discount above the case's tier", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 10_000 }), (c, bps) => {
        const p = pack(c.packId);
        const d = evaluateProposal({ source: "model", discountBps: bps }, c.state, p);
        const maxBps = tierMaxBps(p, c.state.due.daysPastDue, c.state.due.total);
        if (bps > maxBps) expect(d.decision === "accept" && d.offer.kind === "settlement").toBe(false);
        if (d.decision !== "refuse") expect(d.offer.discountBps).toBeLessThanOrEqual(maxBps);
      }),
      RUNS,
    );
  });

  it("every offer along the ladder keeps every limit, and the ladder ends", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const p = pack(c.packId);
        let s = c.state;
        for (let i = 0; i <= p.ladder.steps.length; i++) {
          const o = nextOffer(s, p);
          if (!o) return;
          expect(limitProblems(o, s, p)).toEqual([]);
          s = {
            ...s,
            offersMade: [...s.offersMade, o],
            declinedKinds: [...new Set<OfferKind>([...s.declinedKinds, o.kind])],
          };
        }
        expect(nextOffer(s, p)).toBeNull();
      }),
      RUNS,
    );
  });

  it("a proposal inside the limits is accepted as asked (a plan of a feasible count)", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 2, max: 12 }), (c, count) => {
        const p = pack(c.packId);
        const s = c.state;
        fc.pre(s.due.total > 0 && !(s.due.timeBarred && !p.limitation.timeBarred.allowOffers));
        const h = s.signals.hardship ? p.limits.hardship : undefined;
        const min = (h?.minInstalment ?? p.limits.minInstalment).value;
        const down = Math.ceil((s.due.total * p.limits.minDownPaymentBps.value) / 10_000);
        const base = Math.floor(s.due.total / count);
        const rest = base >= down ? base : Math.floor((s.due.total - down) / (count - 1));
        fc.pre(
          rest >= min &&
            Math.min(base, down) >= 0 &&
            count <= (h?.maxInstalments ?? p.limits.maxInstalments).value,
        );
        const d = evaluateProposal({ source: "debtor", count, firstDate: s.today, cadence: "monthly" }, s, p);
        expect(d.decision).toBe("accept");
        if (d.decision === "accept") expect(d.offer.instalments).toHaveLength(count);
      }),
      RUNS,
    );
  });
});
