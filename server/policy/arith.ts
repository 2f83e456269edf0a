// Integer arithmetic for money: products go through BigInt so that no intermediate value loses
// precision, and every division states its rounding direction.

export type Rounding = "floor" | "ceil" | "half_up";

/** a × b ÷ c for non-negative integers, rounded as asked. */
export function mulDiv(
  a: number | bigint,
  b: number | bigint,
  c: number | bigint,
  rounding: Rounding,
): number {
  const num = BigInt(a) * BigInt(b);
  const den = BigInt(c);
  if (num < 0n || den <= 0n)
    throw new RangeError("mulDiv expects a non-negative product and a positive divisor");
  let q = num / den;
  const r = num % den;
  if (rounding === "ceil" && r > 0n) q += 1n;
  if (rounding === "half_up" && r * 2n >= den) q += 1n;
  return Number(q);
}

/**
 * The discount, in minor units, that `bps` basis points take off `total`: rounded down, so a settlement
 * total is always rounded up and never falls below the floor the tier allows.
 */
export function discountAmount(total: number, bps: number): number {
  return mulDiv(total, bps, 10_000, "floor");
}

/** The discount, in basis points rounded up, that paying `settlementTotal` instead of `total` represents. */
export function discountBpsOf(total: number, settlementTotal: number): number {
  if (total <= 0) return 0;
  return mulDiv(total - settlementTotal, 10_000, total, "ceil");
}

export function isNonNegativeSafeInt(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}
