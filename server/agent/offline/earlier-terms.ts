// What the debtor asked for in earlier turns, read again from the conversation's recent messages:
// a later message changes only what it names. "Le 5 du mois" then "300 € par mois" is 300 € a month
// on the 5th; "300 € par mois" then "le 5 du mois plutôt ?" is the same plan moved to the 5th.
import type { Proposal } from "../../policy/index.js";
import type { TurnContext } from "../language-layer.js";
import { proposalFromSlots } from "./intent-routing.js";
import { type Understanding, understand } from "./nlu/index.js";

interface Earlier {
  readonly u: Understanding;
  readonly text: string;
}

// Every negotiation turn reads the last six debtor messages again: each one's understanding is kept
// (understand is pure: same text, locale, currency and day, same answer; nothing here changes it),
// the newest few thousand, so a message is understood once rather than on each of the next turns.
const understood = new Map<string, Understanding>();
const UNDERSTOOD_MAX = 2000;

function understandEarlier(text: string, locale: TurnContext["locale"], currency: string, today: string) {
  const key = `${locale}|${currency}|${today}|${text}`;
  const known = understood.get(key);
  if (known) return known;
  const u = understand(text, { locale, currency, today });
  if (understood.size >= UNDERSTOOD_MAX) {
    const oldest = understood.keys().next().value;
    if (oldest !== undefined) understood.delete(oldest);
  }
  understood.set(key, u);
  return u;
}

/** The debtor's earlier messages, most recent first (the current one left out). */
function earlierMessages(ctx: TurnContext): Earlier[] {
  const debtor = ctx.history.filter((m) => m.role === "debtor").map((m) => m.text);
  if (debtor.at(-1) === ctx.debtorText) debtor.pop();
  const today = ctx.due?.asOf ?? new Date().toISOString().slice(0, 10);
  const currency = ctx.facts?.currency ?? "EUR";
  return debtor
    .reverse()
    .slice(0, 6)
    .map((text) => ({ text, u: understandEarlier(text, ctx.locale, currency, today) }));
}

/** True when the message only names a date ("le 5 du mois plutôt ?", "on the 10th instead"). */
function onlyADate(u: Understanding): boolean {
  return u.slots.dates.length > 0 && u.slots.amounts.length === 0 && u.slots.count === undefined;
}

/**
 * The current proposal completed with what the debtor asked for before: a plan keeps a day they
 * asked for, and a new date moves the plan they proposed. Null when nothing was proposed.
 */
export function proposalAcrossTurns(ctx: TurnContext, amountDue: number): Proposal | null {
  const u = ctx.understanding;
  const now = proposalFromSlots(u, amountDue, ctx.debtorText, ctx.due?.asOf);
  const earlier = earlierMessages(ctx).map((e) => ({ ...e, p: proposalFromSlots(e.u, amountDue, e.text) }));
  const lastPlan = earlier.map((e) => e.p).find((p): p is Proposal => p !== null && p.kind === "plan");
  const date = u.slots.dates[0];
  if (onlyADate(u) && date && lastPlan) return { ...lastPlan, firstDate: date };
  // A first payment of their own is paid "now"; an earlier first-payment-then-rest message's date
  // was the rest's. Neither gives a plan its first date.
  const ownFirst = (p: Proposal | null) => p?.firstAmount !== undefined;
  if (now?.kind === "plan" && now.firstDate === undefined && !ownFirst(now)) {
    const earlierDate = earlier.find((e) => e.u.slots.dates.length > 0 && !ownFirst(e.p))?.u.slots.dates[0];
    if (earlierDate) return { ...now, firstDate: earlierDate };
  }
  return now;
}

/** A date-only message that moves a plan the debtor proposed before. */
export function movesEarlierPlan(ctx: TurnContext, amountDue: number): boolean {
  const u = ctx.understanding;
  if (!onlyADate(u)) return false;
  return earlierMessages(ctx).some((e) => proposalFromSlots(e.u, amountDue, e.text)?.kind === "plan");
}
