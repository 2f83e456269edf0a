// From understood intents and slots to what the conversation does: which intents stop the
// negotiation and open which escalation, and how slots become a proposal for the policy engine.
import type { Proposal } from "../../policy/index.js";
import type { EscalationKind } from "../language-layer.js";
import type { Understanding } from "./nlu/index.js";
import { endOfMonth, parseIso, toIso } from "./nlu/slots/calendar.js";

/** Intents that stop negotiating at once, whatever the phase, and the escalation they open. */
export const SAFETY_ESCALATIONS = {
  stop: "stop_request",
  attorney: "attorney",
  surendettement: "surendettement",
  breathing_space: "breathing_space",
  bankruptcy: "bankruptcy",
  vulnerability: "vulnerability",
  dispute: "dispute",
  already_paid: "already_paid",
  time_barred_claim: "time_barred",
  third_party: "third_party",
  request_human: "human_request",
} as const satisfies Record<string, EscalationKind>;

export function isSafetyIntent(intent: string): intent is keyof typeof SAFETY_ESCALATIONS {
  return intent in SAFETY_ESCALATIONS;
}

/**
 * Words that make an amount a one-off payment now ("2 600 € tout de suite, pas plus", "£400 right
 * now to close the account", "500 € pour régler le solde", "800 pour clore le dossier") rather than
 * a monthly instalment. Matched on the lower-cased text without accents.
 */
const LUMP_SUM =
  /\b(tout de suite|immediatement|maintenant|aujourd ?hui|d un coup|en une fois|pour solde[r]?|pour tout|pas plus|pour regler (le solde|tout|la totalite|l ensemble|le dossier|la dette|la facture|definitivement)|pour (clore|cloturer|fermer|terminer|en finir)|solde de tout compte|right now|right away|immediately|today|in one go|lump sum|one payment|to close|to settle|for everything|no more)\b/;

/**
 * Words that give the rest of the debt a later payment of its own ("500 maintenant et le reste en
 * janvier", "£200 now and the balance next month"): the amount is then a first payment, not an
 * offer to settle for it. Only after "and"/"then": "500 € pour régler le solde" is a settlement.
 */
const REST_LATER =
  /\b(et|puis|and|then) (ensuite |then )?(le reste|le restant|le solde|the rest|the remainder|the balance|what is left|what s left)\b/;

function plain(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’]/g, " ");
}

/** Words that put the first payment now ("500 maintenant et le reste...", "£200 today and the rest..."). */
const NOW =
  /\b(maintenant|mtn|mnt|tout de suite|tt de suite|de suite|immediatement|aujourd ?hui|auj|ajd|aujd|now|rn|right away|today|immediately|straight away)\b/;

/**
 * "500 now and the rest in January": a first payment of their own, then the rest in one payment,
 * whatever the intent the words suggested ("je paye ... le reste" reads as paying in full). A date
 * they gave is the rest's, not the first payment's (restDate); without one the rest falls a month
 * after the first payment. A first payment said to be "now" is due `today` (the debtor's, when
 * given): the promise is what they said, not the policy's usual first date two weeks on. Null for
 * anything else.
 */
export function firstPaymentThenRest(
  u: Understanding,
  amountDue: number,
  text: string,
  today?: string,
): Proposal | null {
  const words = plain(text);
  const rest = REST_LATER.exec(words);
  const said = u.slots.amounts[0];
  const share = said ? undefined : shareOffered(u, text);
  // "la moitié maintenant et le reste en mars": the share of the amount due is the first payment.
  const amount =
    said ?? (share === undefined ? undefined : { amount: Math.round((amountDue * share) / 100) });
  if (!amount || said?.perPeriod || amount.amount >= amountDue || !rest) return null;
  const saidDate = u.slots.dates.at(-1);
  const restDate = saidDate === undefined ? undefined : restDay(saidDate, words);
  const now = today !== undefined && NOW.test(words.slice(0, rest.index));
  return {
    source: "debtor",
    kind: "plan",
    firstAmount: amount.amount,
    count: 2,
    cadence: "monthly",
    ...(now ? { firstDate: today } : {}),
    ...(restDate ? { restDate } : {}),
  };
}

/**
 * A payment verb followed closely by the share paid ("je paye la moitié", "je peux verser 80 %",
 * "I can pay half"), with no other party in between ("si je paye vite, vous me faites 20 %" asks a
 * reduction of 20 %).
 */
const PAY_SHARE = new RegExp(
  "\\b(?:paye[rsz]?|payerai[st]?|payons|verse[rsz]?|verserai[st]?|regle[rsz]?|reglerai[st]?|" +
    "rembourse[rsz]?|mettre|mets|donne[rsz]?|donnerai[st]?|pay|paying|give|giving|offer|settle) " +
    "(?:(?!(?:vous|you|me|m|nous|us)\\b)[a-z0-9-]+ ){0,4}?" +
    "(?:moitie|half|tiers|thirds?|quarts?|quarters?|[a-z0-9-]+ ?(?:%|pour ?cents?|percent|per cent))",
);
/** A percentage named as the reduction itself ("20 % de remise", "une remise de 20 %", "10% off"). */
const REDUCTION_PERCENT = new RegExp(
  "\\b(?:remise|reduction|rabais|ristourne|discount|geste) (?:de |d |of )?[a-z0-9-]+ ?(?:%|pour ?cents?|percent|per cent)" +
    "|(?:%|pour ?cents?|percent|per cent) (?:de |d |of )?(?:remise|reduction|rabais|ristourne|discount|off)\\b",
);

/**
 * The share of the debt the debtor offers to pay ("je paye la moitié", "I can pay 80%"), as a
 * percentage, when the percentage they said is what a payment verb pays and not a reduction; else
 * undefined. "80 %" paid is a 20 % reduction asked for, not an 80 % one.
 */
export function shareOffered(u: Understanding, text: string): number | undefined {
  const p = u.slots.percent;
  if (p === undefined || p <= 0 || p >= 100) return undefined;
  const words = plain(text);
  return PAY_SHARE.test(words) && !REDUCTION_PERCENT.test(words) ? p : undefined;
}

/** Words that name the first day of a month itself ("le 1er mars", "début du mois prochain"). */
const FIRST_DAY_WORDS = /\b(1er|premier|1st|first|debut|beginning|start|early)\b|\b(le|the) 1\b/;

/**
 * The rest's day from the date the debtor's words gave. A month named without a day ("le reste en
 * mars", "the rest next month") reads as the 1st, the earliest day the words allow; for the rest of a
 * debt it means "during that month", so the rest falls on the month's last day: still in the month
 * they named, and after a first payment due in an earlier part of it.
 */
function restDay(date: string, plainText: string): string {
  if (!date.endsWith("-01") || FIRST_DAY_WORDS.test(plainText)) return date;
  return toIso(endOfMonth(parseIso(date)));
}

/** A proposal from what the debtor said, or null when they named no amount, count, percent or date. */
export function proposalFromSlots(
  u: Understanding,
  amountDue: number,
  text = "",
  today?: string,
): Proposal | null {
  const { slots } = u;
  const amount = slots.amounts[0];
  const firstDate = slots.dates[0];
  const base = { source: "debtor" as const, ...(firstDate ? { firstDate } : {}) };

  const share = amount ? undefined : shareOffered(u, text);
  if (share !== undefined) {
    const split = firstPaymentThenRest(u, amountDue, text, today);
    if (split) return split;
    // Paying a share to close the file: a settlement for that share, in the instalments they named.
    return {
      ...base,
      kind: "settlement",
      discountBps: Math.round((100 - share) * 100),
      ...(slots.count && slots.count > 1 ? { count: slots.count } : {}),
    };
  }
  if (u.intent === "ask_discount" && slots.percent !== undefined) {
    return { ...base, kind: "settlement", discountBps: Math.round(slots.percent * 100) };
  }
  if (amount?.perPeriod) {
    return {
      ...base,
      kind: "plan",
      instalmentAmount: amount.amount,
      cadence: amount.perPeriod === "week" ? "weekly" : "monthly",
      ...(slots.count ? { count: slots.count } : {}),
    };
  }
  if (slots.count && slots.count > 1) {
    return {
      ...base,
      kind: "plan",
      count: slots.count,
      ...(amount ? { instalmentAmount: amount.amount } : {}),
    };
  }
  if (amount) {
    if (amount.amount >= amountDue) return { ...base, kind: "full" };
    const split = u.intent === "ask_discount" ? null : firstPaymentThenRest(u, amountDue, text, today);
    if (split) return split;
    // "I can give 500 now for everything" is a settlement request; a bare "I can pay 300" is an instalment.
    if (u.intent === "ask_discount" || LUMP_SUM.test(plain(text))) {
      return { ...base, kind: "settlement", total: amount.amount };
    }
    return { ...base, kind: "plan", instalmentAmount: amount.amount, cadence: "monthly" };
  }
  if (firstDate && (u.intent === "pay_full" || u.intent === "propose")) return { ...base, kind: "full" };
  return null;
}
