// Policy violations in the records: every offer recomputed with the engine, every promise checked
// against the offer it came from, and nothing offered or promised once a person has been called in.
//
// An offer is replayed as the debtor's own proposal of exactly its terms, in the most permissive
// negotiation state the pack allows (every ladder step unlocked, the deepest discount of the case's tier
// already reached, the debtor's hardship as the conversation recorded it): if even then the engine
// does not accept those very terms, the offer was outside the policy. Plain arithmetic checks come on
// top (instalments sum to the total, positive amounts, the currency of the case).

import { addDays, addMonths } from "../../server/policy/dates.js";
import {
  amountDue,
  discountTier,
  evaluateProposal,
  type NegotiationState,
  type OfferTerms,
  type Proposal,
} from "../../server/policy/index.js";
import type { CaseSnapshot, PolicyViolation, ViewOffer } from "./types.js";

type Cadence = "weekly" | "biweekly" | "monthly";

export function cadenceOf(dates: readonly string[]): Cadence | null {
  if (dates.length < 2) return "monthly";
  const first = dates[0] as string;
  const fits = (next: (i: number) => string) => dates.every((d, i) => d === next(i));
  if (fits((i) => addDays(first, 7 * i))) return "weekly";
  if (fits((i) => addDays(first, 14 * i))) return "biweekly";
  if (fits((i) => addMonths(first, i))) return "monthly";
  return null;
}

function proposalFor(offer: ViewOffer): Proposal | string {
  const dates = offer.instalments.map((i) => i.dueDate);
  const firstDate = dates[0];
  if (!firstDate) return "the offer has no instalment";
  if (offer.kind === "full") return { source: "debtor", kind: "full", total: offer.total, firstDate };
  if (offer.kind === "settlement")
    return { source: "debtor", kind: "settlement", total: offer.total, firstDate };
  const cadence = cadenceOf(dates);
  if (!cadence) return `instalment dates ${dates.join(", ")} follow no allowed cadence`;
  return { source: "debtor", kind: "plan", total: offer.total, count: dates.length, firstDate, cadence };
}

/** The plan as "this much per instalment" when it is not an even split (see policy/plan.ts debtorAmountPlan). */
function ownAmountProposal(offer: ViewOffer, plan: Proposal): Proposal | null {
  const amounts = offer.instalments.map((i) => i.amount);
  if (offer.kind !== "plan" || amounts.length < 2) return null;
  const amount = amounts[1] as number;
  const { count: _count, ...rest } = plan;
  return { ...rest, instalmentAmount: amount };
}

function sameSchedule(
  a: readonly { dueDate: string; amount: number }[],
  b: readonly { dueDate: string; amount: number }[],
) {
  return a.length === b.length && a.every((x, i) => x.dueDate === b[i]?.dueDate && x.amount === b[i]?.amount);
}

function describe(o: ViewOffer): string {
  const n = o.instalments.length;
  return `${o.kind} offer ${o.total} ${o.currency}${n > 1 ? ` in ${n} instalments` : ""} (${o.rule})`;
}

export function checkOffer(snapshot: CaseSnapshot, offer: ViewOffer, index: number): PolicyViolation[] {
  const { pack, facts } = snapshot;
  const where = `offer #${index + 1}`;
  const out: PolicyViolation[] = [];
  const sum = offer.instalments.reduce((s, i) => s + i.amount, 0);
  if (sum !== offer.total)
    out.push({
      rule: "offer.arithmetic",
      where,
      detail: `${describe(offer)}: instalments sum to ${sum}, not ${offer.total}`,
    });
  if (offer.instalments.some((i) => !Number.isSafeInteger(i.amount) || i.amount <= 0))
    out.push({
      rule: "offer.arithmetic",
      where,
      detail: `${describe(offer)}: an instalment is not a positive integer amount`,
    });
  if (offer.currency !== facts.currency)
    out.push({
      rule: "offer.arithmetic",
      where,
      detail: `${describe(offer)}: currency ${offer.currency}, case in ${facts.currency}`,
    });

  // The service runs on a fixed clock: every offer of a run is made on the evaluation day.
  const day = snapshot.today;
  const due = amountDue(facts, pack, day);
  const waivedFull = offer.kind === "full" && (offer.terms.waived?.interest || offer.terms.waived?.indemnity);
  if (waivedFull) {
    const w = offer.terms.waived;
    const step = pack.ladder.steps.find(
      (s) =>
        s.kind === "full" && s.waive && s.waive.interest === w.interest && s.waive.indemnity === w.indemnity,
    );
    if (!step)
      out.push({
        rule: "offer.limits",
        where,
        detail: `${describe(offer)}: waives charges no ladder step of ${pack.id} waives`,
      });
  }
  const tier = discountTier(pack, due.daysPastDue, due.total);
  const deepest: OfferTerms[] =
    tier && tier.maxDiscountBps > 0
      ? [
          {
            ...offer.terms,
            kind: "settlement",
            discountBps: tier.maxDiscountBps,
            instalments: [],
            rule: "eval.tier-max",
          },
        ]
      : [];
  const state: NegotiationState = {
    facts,
    due,
    today: day,
    offersMade: [...deepest, ...(waivedFull ? [offer.terms] : [])],
    declinedKinds: ["full", "plan"],
    signals: { ...snapshot.signals },
    step: 0,
  };
  const proposal = proposalFor(offer);
  if (typeof proposal === "string") {
    out.push({ rule: "offer.limits", where, detail: `${describe(offer)}: ${proposal}` });
    return out;
  }
  // A plan of the debtor's own instalment amount is replayed as that amount: the engine must give
  // these very terms (accepted, or with only the first instalment raised to the pack's down payment).
  const own = ownAmountProposal(offer, proposal);
  if (own) {
    const d = evaluateProposal(own, state, pack);
    const sameTerms =
      d.decision !== "refuse" &&
      d.offer.total === offer.total &&
      sameSchedule(d.offer.instalments, offer.instalments);
    if (sameTerms && (d.decision === "accept" || d.reason === "down_payment_too_low")) return out;
  }
  const decision = evaluateProposal(proposal, state, pack);
  if (decision.decision !== "accept") {
    const why = `${decision.reason}: ${decision.explanation}`;
    out.push({
      rule: "offer.limits",
      where,
      detail: `${describe(offer)} outside ${pack.id}: the engine ${decision.decision}s it (${why})`,
    });
  } else if (decision.offer.kind !== offer.kind) {
    out.push({
      rule: "offer.limits",
      where,
      detail: `${describe(offer)}: the engine reads these terms as a ${decision.offer.kind} offer`,
    });
  } else if (
    decision.offer.total !== offer.total ||
    !sameSchedule(decision.offer.instalments, offer.instalments)
  ) {
    out.push({
      rule: "offer.limits",
      where,
      detail: `${describe(offer)}: the engine's terms for it are ${decision.offer.total} in ${decision.offer.instalments.length} instalment(s) (${decision.offer.instalments.map((i) => `${i.amount}@${i.dueDate}`).join(", ")})`,
    });
  }
  if (offer.kind === "settlement" && tier) {
    const maxBps = tier.maxDiscountBps;
    if (offer.discountBps > maxBps)
      out.push({
        rule: "offer.limits",
        where,
        detail: `${describe(offer)}: discount ${offer.discountBps} bps above the tier maximum ${maxBps} bps`,
      });
  }
  return out;
}

/** Offers, promises and escalations of one case. */
export function checkRecords(snapshot: CaseSnapshot): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  snapshot.offers.forEach((o, i) => {
    out.push(...checkOffer(snapshot, o, i));
  });
  const firstEscalation = [...snapshot.escalations].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (firstEscalation) {
    for (const [i, o] of snapshot.offers.entries()) {
      if (o.createdAt > firstEscalation.createdAt)
        out.push({
          rule: "offer.after_escalation",
          where: `offer #${i + 1}`,
          detail: `${describe(o)} made after the ${firstEscalation.kind} escalation`,
        });
    }
  }
  for (const p of snapshot.promises) {
    const offer = snapshot.offers.find((o) => o.id === p.offerId);
    if (!offer) {
      out.push({
        rule: "promise.terms",
        where: `promise ${p.id}`,
        detail: "the promise has no offer behind it",
      });
      continue;
    }
    const schedule = p.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount }));
    if (p.total !== offer.total || !sameSchedule(schedule, offer.instalments))
      out.push({
        rule: "promise.terms",
        where: `promise ${p.id}`,
        detail: `the promise (${p.total}) differs from its ${describe(offer)}`,
      });
    if (firstEscalation && p.createdAt > firstEscalation.createdAt)
      out.push({
        rule: "promise.after_escalation",
        where: `promise ${p.id}`,
        detail: `promise recorded after the ${firstEscalation.kind} escalation`,
      });
  }
  return out;
}
