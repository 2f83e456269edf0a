// Shared test fixtures: the shipped packs (loaded once per test file), case builders and
// fast-check arbitraries for random cases and proposals.
import fc from "fast-check";
import type { CaseFacts, InvoiceFacts } from "../../domain/case-facts.js";
import { amountDue } from "../amount-due.js";
import { addDays } from "../dates.js";
import { nextOffer } from "../ladder.js";
import { type LoadedPack, loadPacks } from "../load.js";
import type { PolicyPack } from "../schema.js";
import type { NegotiationState, OfferKind, Proposal } from "../types.js";

let cached: Map<string, LoadedPack> | undefined;

export function packs(): Map<string, LoadedPack> {
  cached ??= loadPacks("policies");
  return cached;
}

export function pack(id: string): PolicyPack {
  const p = packs().get(id)?.pack;
  if (!p) throw new Error(`no pack ${id}`);
  return p;
}

export const PACK_IDS = [
  "fr-business",
  "fr-consumer",
  "us-consumer",
  "uk-consumer",
  "generic-business",
] as const;

const TIME_ZONES: Record<string, string> = {
  FR: "Europe/Paris",
  US: "America/New_York",
  UK: "Europe/London",
};

export function factsFor(p: PolicyPack, invoices: InvoiceFacts[], extra: Partial<CaseFacts> = {}): CaseFacts {
  const jurisdiction = p.jurisdictions[0] ?? "FR";
  return {
    reference: "CASE-1",
    creditorName: "Acme Supplies",
    debtorName: "Debtor Ltd",
    debtorKind: p.debtorKinds[0] ?? "business",
    locale: jurisdiction === "FR" ? "fr" : "en",
    jurisdiction,
    currency: p.currencies[0] ?? "EUR",
    timeZone: TIME_ZONES[jurisdiction] ?? "UTC",
    invoices,
    ...extra,
  };
}

export function stateFor(
  p: PolicyPack,
  facts: CaseFacts,
  today: string,
  extra: Partial<Omit<NegotiationState, "facts" | "due" | "today">> = {},
): NegotiationState {
  return {
    facts,
    due: amountDue(facts, p, today),
    today,
    offersMade: [],
    declinedKinds: [],
    signals: { fullPaymentImpossible: false, hardship: false },
    step: 0,
    ...extra,
  };
}

/** Walks the ladder: offers the next step and declines its kind, `rounds` times. */
export function declineLadder(p: PolicyPack, state: NegotiationState, rounds: number): NegotiationState {
  let s = state;
  for (let i = 0; i < rounds; i++) {
    const offer = nextOffer(s, p);
    if (!offer) break;
    s = {
      ...s,
      offersMade: [...s.offersMade, offer],
      declinedKinds: [...new Set<OfferKind>([...s.declinedKinds, offer.kind])],
    };
  }
  return s;
}

// ---- arbitraries -------------------------------------------------------------------------------

const DAY0 = "2016-01-01";
export const arbDate = (from = DAY0, spanDays = 365 * 14) =>
  fc.integer({ min: 0, max: spanDays }).map((n) => addDays(from, n));

export const arbInvoices = fc.array(
  fc.record({
    amount: fc.oneof(fc.integer({ min: 1, max: 10 ** 8 }), fc.integer({ min: 1, max: 10 ** 5 })),
    daysLate: fc.integer({ min: 0, max: 365 * 8 + 60 }),
  }),
  { minLength: 1, maxLength: 20 },
);

export interface RandomCase {
  readonly packId: (typeof PACK_IDS)[number];
  readonly state: NegotiationState;
}

/**
 * A random case: any pack, 1 to 20 invoices of 1..10^8 minor units, balances capped at 10^8, due dates
 * up to 8 years back, a random point in the negotiation (offers made, kinds declined, signals).
 */
export const arbCase: fc.Arbitrary<RandomCase> = fc
  .record({
    packId: fc.constantFrom(...PACK_IDS),
    today: arbDate("2024-01-01", 365 * 3),
    invoices: arbInvoices,
    // Oldest possible debt: mostly under 18 months; one case in seven up to 8 years (time-barred).
    maxLate: fc.oneof(
      { weight: 6, arbitrary: fc.constant(540) },
      { weight: 1, arbitrary: fc.constant(365 * 8) },
    ),
    impossible: fc.boolean(),
    hardship: fc.boolean(),
    prompt: fc.boolean(),
    declined: fc.subarray(["full", "plan", "settlement"] as OfferKind[]),
    step: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 })),
    offerSteps: fc.integer({ min: 0, max: 5 }),
  })
  .map((r) => {
    const p = pack(r.packId);
    let budget = 10 ** 8;
    const invoices: InvoiceFacts[] = r.invoices.map((inv, i) => {
      const amount = Math.max(1, Math.min(inv.amount, budget));
      budget = Math.max(1, budget - amount);
      // From 60 days still to come to maxLate days past due.
      const dueAt = addDays(r.today, -((inv.daysLate % (r.maxLate + 61)) - 60));
      return { number: `INV-${i + 1}`, issuedAt: addDays(dueAt, -30), dueAt, amount };
    });
    const facts = factsFor(p, invoices);
    let state = stateFor(p, facts, r.today, {
      signals: { fullPaymentImpossible: r.impossible, hardship: r.hardship, promptPayment: r.prompt },
      step: r.step,
    });
    // Some ladder offers already made and declined, then any extra declined kinds.
    state = declineLadder(p, state, r.offerSteps);
    state = { ...state, declinedKinds: [...new Set([...state.declinedKinds, ...r.declined])] };
    return { packId: r.packId, state };
  });

/**
 * Any proposal a debtor or a model could make: shaped like a plan, a settlement or a full payment
 * (amounts drawn around the amount due, so that many land near the limits), or any mix of fields.
 */
export const arbProposal = (state: NegotiationState): fc.Arbitrary<Proposal> => {
  const { today } = state;
  const due = Math.max(1, state.due.total);
  const source = fc.constantFrom("debtor" as const, "model" as const);
  const date = fc.oneof(
    fc.integer({ min: 0, max: 40 }).map((n) => addDays(today, n)),
    fc.integer({ min: -30, max: 800 }).map((n) => addDays(today, n)),
  );
  const cadence = fc.constantFrom("weekly" as const, "biweekly" as const, "monthly" as const);
  // Mostly within 35 % of the amount due, where the tiers' floors lie.
  const nearDue = fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: 6_500, max: 10_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
    )
    .map((bps) => Math.floor((due * bps) / 10_000));
  const plan = fc.record(
    {
      source,
      count: fc.integer({ min: 1, max: 40 }),
      instalmentAmount: fc.integer({ min: 1, max: due }),
      firstAmount: fc.integer({ min: 1, max: due }),
      restDate: date,
      firstDate: date,
      cadence,
    },
    { requiredKeys: ["source"] },
  );
  const settlement = fc.record(
    {
      source,
      kind: fc.constant("settlement" as const),
      total: nearDue,
      discountBps: fc.integer({ min: 0, max: 10_000 }),
      firstDate: date,
    },
    { requiredKeys: ["source"] },
  );
  const lump = fc.record({ source, total: nearDue, firstDate: date }, { requiredKeys: ["source", "total"] });
  const full = fc.record(
    { source, kind: fc.constant("full" as const), firstDate: date },
    { requiredKeys: ["source"] },
  );
  const chaos = fc.record(
    {
      source,
      kind: fc.constantFrom("full" as const, "plan" as const, "settlement" as const),
      total: fc.integer({ min: 0, max: 2 * 10 ** 8 }),
      instalmentAmount: fc.integer({ min: 1, max: 10 ** 8 }),
      count: fc.integer({ min: 1, max: 400 }),
      firstDate: date,
      cadence,
      discountBps: fc.integer({ min: 0, max: 10_000 }),
    },
    { requiredKeys: ["source"] },
  );
  return fc.oneof(plan, settlement, lump, full, chaos);
};
