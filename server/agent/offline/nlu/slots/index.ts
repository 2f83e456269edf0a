// Reads every slot of a message. Order matters: dates, then percentages, then counts
// claim their numbers first, so that "le 15", "50 %" and "en 6 fois" never become amounts.

import type { Token } from "../text/lexer.js";
import type { NluContext, Slots } from "../types.js";
import { readAmounts } from "./amounts.js";
import { readCount } from "./counts.js";
import { readDates } from "./dates.js";
import { readPercent } from "./percent.js";

/** `past`: the message reports a payment made, so "le 3" is the last 3rd, not the next. */
export function readSlots(tokens: readonly Token[], text: string, ctx: NluContext, past = false): Slots {
  const consumed = new Set<number>();
  // US cases write month first ("12/15"); everyone else day first.
  const dates = readDates(tokens, ctx.today, { monthFirst: ctx.currency === "USD", past }, consumed);
  const percent = readPercent(tokens, consumed);
  const count = readCount(tokens, consumed);
  const amounts = readAmounts(tokens, ctx.currency, consumed, text);
  const slots: Slots = { amounts, dates };
  if (count !== undefined) slots.count = count;
  if (percent !== undefined) slots.percent = percent;
  return slots;
}
