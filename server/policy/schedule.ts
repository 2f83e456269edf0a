// Instalment schedules. Amounts always sum exactly to the total: equal parts rounded down with the
// remainder on the last instalment, or, when a down payment is required, that first amount and then
// equal parts of the rest. Due dates are calendar dates in the debtor's time zone; monthly dates are
// counted from the first date and clamped to the month's end (Jan 31, Feb 28, Mar 31, ...).
import { type Money, splitEvenly } from "../domain/money.js";
import { addDays, addMonths, isValidTimeZone, toLocalDate } from "./dates.js";
import { PolicyError } from "./errors.js";
import type { Cadence, Instalment } from "./types.js";

export function dueDateAt(firstDate: string, cadence: Cadence, index: number): string {
  if (cadence === "weekly") return addDays(firstDate, 7 * index);
  if (cadence === "biweekly") return addDays(firstDate, 14 * index);
  return addMonths(firstDate, index);
}

export interface ScheduleOptions {
  /** A first instalment different from the equal share (a down payment); the rest is split evenly. */
  readonly firstAmount?: number;
  /** Every amount, as agreed (the debtor's own instalment); they must sum to the total. */
  readonly amounts?: readonly number[];
  /**
   * Every due date, as agreed ("the rest in March"), strictly increasing from the first date; the
   * cadence then only names the plan.
   */
  readonly dates?: readonly string[];
}

/**
 * @param firstDate a calendar date, or an ISO instant turned into the calendar date in `timeZone`.
 */
export function schedule(
  total: Money,
  count: number,
  firstDate: string,
  cadence: Cadence,
  timeZone: string,
  options: ScheduleOptions = {},
): Instalment[] {
  if (!Number.isSafeInteger(total.amount) || total.amount < 0)
    throw new RangeError("total must be a non-negative integer amount");
  if (!Number.isInteger(count) || count < 1) throw new RangeError("count must be a positive integer");
  if (!isValidTimeZone(timeZone)) throw new PolicyError("invalid_time_zone", `unknown time zone ${timeZone}`);
  const start = toLocalDate(firstDate, timeZone);
  const { firstAmount } = options;
  let amounts: number[];
  if (options.amounts) {
    const given = options.amounts;
    if (given.length !== count || given.some((a) => !Number.isSafeInteger(a) || a < 0))
      throw new RangeError("amounts must be count non-negative integers");
    if (given.reduce((a, b) => a + b, 0) !== total.amount)
      throw new RangeError("amounts must sum to the total");
    amounts = [...given];
  } else if (firstAmount === undefined || count === 1) {
    amounts = splitEvenly(total, count).map((m) => m.amount);
  } else {
    if (!Number.isSafeInteger(firstAmount) || firstAmount < 0 || firstAmount > total.amount)
      throw new RangeError("firstAmount must be an integer between 0 and the total");
    const rest = splitEvenly({ amount: total.amount - firstAmount, currency: total.currency }, count - 1);
    amounts = [firstAmount, ...rest.map((m) => m.amount)];
  }
  const { dates } = options;
  if (dates) {
    if (
      dates.length !== count ||
      dates[0] !== start ||
      dates.some((d, i) => i > 0 && d <= (dates[i - 1] ?? ""))
    )
      throw new RangeError("dates must be count increasing dates starting on the first date");
    return amounts.map((amount, i) => ({ dueDate: dates[i] as string, amount }));
  }
  return amounts.map((amount, i) => ({ dueDate: dueDateAt(start, cadence, i), amount }));
}
