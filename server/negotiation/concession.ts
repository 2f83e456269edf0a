// How far the assistant moves on a lump-sum settlement when the debtor asks for more off: a fifth of
// the gap between its last position and the debtor's ask, at least one point, and the debtor's own
// ask as soon as it is that close. A good collector concedes only when pushed and in small steps:
// a debtor who would settle for 96 % gets about that, not the deepest discount the policy allows.
// The policy engine stays the bound (opening rate, counterStepBps per round, the tier's maximum):
// this only chooses a point inside it. Pure: amounts in minor units, rates in basis points.

/** Share of the gap conceded per round, and the smallest move worth a round (in basis points). */
export const CONCESSION = { gapShare: 0.2, minStepBps: 100 } as const;

/**
 * The discount to offer next, given the best discount already on the table (0 when none) and the
 * discount the debtor asks for. Never beyond the ask, never below what was already offered.
 */
export function nextSettlementBps(previousBps: number, askedBps: number): number {
  if (askedBps <= previousBps) return askedBps;
  const step = Math.max(CONCESSION.minStepBps, Math.round((askedBps - previousBps) * CONCESSION.gapShare));
  const next = previousBps + step;
  // Close enough: take the debtor's own proposal rather than spend a round on the last point.
  return askedBps - next <= CONCESSION.minStepBps ? askedBps : next;
}

/** The discount, in basis points of the amount due, that a lump sum of `total` asks for. */
export function askedBpsOf(amountDue: number, total: number): number {
  if (amountDue <= 0 || total >= amountDue) return 0;
  return Math.ceil(((amountDue - total) * 10_000) / amountDue);
}

/**
 * The settlement total for a discount of `bps`: the amount off is rounded down to a whole unit of
 * the currency (100 minor units) when that still concedes something, so the debtor reads £949.00
 * rather than £948.60 and the rounding always favours the creditor.
 */
export function settlementTotal(amountDue: number, bps: number): number {
  const off = Math.floor((amountDue * bps) / 10_000);
  const whole = Math.floor(off / 100) * 100;
  return amountDue - (whole > 0 ? whole : off);
}
