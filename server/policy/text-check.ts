// The output guard's policy half: checks one assistant message against the case and the pack.
// Figures must be the case's or an approved offer's (FR-1, US-12, UK-3: no false amounts), forbidden
// wording is blocked, no debt detail before the identity is verified (FR-8, US-11, UK-1), and the
// disclosures due at this moment are returned for the system to append.
import type { CaseFacts, Locale } from "../domain/case-facts.js";
import { toLocalDate } from "./dates.js";
import { disclosuresDue } from "./disclosures.js";
import type { PolicyPack } from "./schema.js";
import type { CaseFlag, Moment } from "./schema-text.js";
import { scanText } from "./text-scan.js";
import type { AmountDue, OfferTerms } from "./types.js";

export interface TextContext {
  readonly locale: Locale;
  readonly facts: CaseFacts;
  readonly due: AmountDue;
  readonly approvedOffers: readonly OfferTerms[];
  readonly moment: Moment;
  /** Disclosure ids already shown in this session. */
  readonly disclosuresShown: readonly string[];
  readonly identityVerified: boolean;
  /** ISO instant (or date) of the message. */
  readonly now: string;
  /** Case flags (agency_mode, litigation_authorized, ...); time_barred is added from `due`. */
  readonly flags?: readonly CaseFlag[];
  /** Values for disclosure placeholders, e.g. letterReference and letterDate for FR-1. */
  readonly variables?: Readonly<Record<string, string>>;
  /** Other engine figures the message may quote: the public bounds of a refused proposal. */
  readonly engineAmounts?: readonly number[];
}

export type ViolationKind =
  | "forbidden_wording"
  | "unknown_amount"
  | "unknown_percent"
  | "unknown_date"
  | "debt_before_verification"
  | "missing_disclosure";

export interface Violation {
  readonly kind: ViolationKind;
  /** Pack path of the rule, e.g. "forbiddenWording.seizure" or "guard.figuresFromEngine". */
  readonly rule: string;
  readonly citations: readonly string[];
  /** The offending text as written (or the disclosure id and missing placeholders). */
  readonly match: string;
}

export interface TextCheckResult {
  readonly violations: Violation[];
  readonly disclosuresToAppend: { id: string; text: string }[];
}

function allowedAmounts(ctx: TextContext): Set<number> {
  const { due, facts } = ctx;
  const set = new Set<number>([due.principal, due.interest, due.fees, due.indemnity, due.total, due.paid]);
  for (const inv of facts.invoices) set.add(inv.amount);
  for (const line of due.lines) set.add(line.amount);
  for (const o of ctx.approvedOffers) {
    set.add(o.total);
    for (const i of o.instalments) set.add(i.amount);
    if (o.kind === "settlement") set.add(due.total - o.total);
    // What a waiver saves is a figure the assistant may state ("we waive the 40 € indemnity").
    if (o.waived.interest || o.waived.indemnity) set.add(due.total - o.total);
  }
  for (const a of ctx.engineAmounts ?? []) set.add(a);
  return set;
}

function allowedPercents(ctx: TextContext, pack: PolicyPack): Set<number> {
  const set = new Set<number>();
  for (const o of ctx.approvedOffers) if (o.discountBps > 0) set.add(o.discountBps);
  const li = pack.fees.lateInterest;
  if (li) {
    set.add(li.marginBps);
    for (const r of li.rates) {
      set.add(r.bps);
      set.add(r.bps + li.marginBps);
    }
  }
  if (pack.limits.minDownPaymentBps.value > 0) set.add(pack.limits.minDownPaymentBps.value);
  return set;
}

function allowedDates(ctx: TextContext): string[] {
  const dates = ctx.facts.invoices.flatMap((i) => [i.issuedAt, i.dueAt]);
  for (const o of ctx.approvedOffers) {
    dates.push(...o.instalments.map((i) => i.dueDate));
    // An expiry may be a calendar date or an instant; the debtor reads it in their own time zone.
    if (o.expiresAt)
      dates.push(o.expiresAt.length > 10 ? toLocalDate(o.expiresAt, ctx.facts.timeZone) : o.expiresAt);
  }
  try {
    dates.push(toLocalDate(ctx.now, ctx.facts.timeZone));
  } catch {
    // An unreadable `now` only removes today's date from the allowed set.
  }
  for (const v of Object.values(ctx.variables ?? {})) if (/^\d{4}-\d{2}-\d{2}$/.test(v)) dates.push(v);
  return dates;
}

export function checkText(text: string, ctx: TextContext, pack: PolicyPack): TextCheckResult {
  const violations: Violation[] = [];
  const flags = new Set<CaseFlag>(ctx.flags ?? []);
  if (ctx.due.timeBarred) flags.add("time_barred");

  const scanned = scanText(text, pack, ctx.locale, flags);
  for (const hit of scanned.wording) {
    violations.push({
      kind: "forbidden_wording",
      rule: `forbiddenWording.${hit.entry.id}`,
      citations: hit.entry.rules,
      match: hit.match,
    });
  }

  // The debt's status in any wording, under the pack's false-status entry: only a person may drop it.
  const falseStatus = pack.forbiddenWording.find((e) => e.category === "false_status");
  const settlement = ctx.approvedOffers.some((o) => o.kind === "settlement");
  for (const claim of scanned.claims) {
    // With an approved settlement, "the rest is written off once you pay" describes the offer.
    if (
      settlement &&
      /\b(?:rest|remaining|remainder|difference|reste|restant|solde restant)\b/.test(claim.match)
    )
      continue;
    violations.push({
      kind: "forbidden_wording",
      rule: falseStatus ? `forbiddenWording.${falseStatus.id}` : "guard.debtStatus",
      citations: falseStatus?.rules ?? pack.guard.figuresFromEngine.rules,
      match: claim.match,
    });
  }

  const identity = { rule: "guard.identityBeforeDetails", citations: pack.guard.identityBeforeDetails.rules };
  const figures = { rule: "guard.figuresFromEngine", citations: pack.guard.figuresFromEngine.rules };
  // Figures in digits and in words ("ten euros", "quatre-vingt-dix pour cent", "la moitié").
  const words = scanned.words;
  const amounts = [...scanned.amounts, ...words.amounts];
  const dates = scanned.dates;
  const invoiceDates = new Set(ctx.facts.invoices.flatMap((i) => [i.issuedAt, i.dueAt]));
  const readingMatches = (r: { year?: number; month: number; day: number }, iso: string) =>
    Number(iso.slice(5, 7)) === r.month &&
    Number(iso.slice(8, 10)) === r.day &&
    (r.year === undefined || Number(iso.slice(0, 4)) === r.year);

  if (!ctx.identityVerified) {
    // Before verification nothing may tell a third party about the debt: no figure, no invoice.
    for (const a of amounts)
      violations.push({ kind: "debt_before_verification", ...identity, match: a.match });
    const lower = text.toLowerCase();
    for (const inv of ctx.facts.invoices) {
      if (inv.number.length >= 3 && lower.includes(inv.number.toLowerCase()))
        violations.push({ kind: "debt_before_verification", ...identity, match: inv.number });
    }
    for (const d of dates) {
      if (d.readings.some((r) => [...invoiceDates].some((iso) => readingMatches(r, iso))))
        violations.push({ kind: "debt_before_verification", ...identity, match: d.match });
    }
  } else {
    const okAmounts = allowedAmounts(ctx);
    for (const a of amounts) {
      if (a.currency !== ctx.due.currency || !okAmounts.has(a.minor))
        violations.push({ kind: "unknown_amount", ...figures, match: a.match });
    }
  }

  const okPercents = allowedPercents(ctx, pack);
  for (const p of [...scanned.percents, ...words.percents]) {
    const ok = p.approximate
      ? [...okPercents].some((bps) => Math.abs(bps - p.bps) <= 100)
      : okPercents.has(p.bps);
    if (!ok) violations.push({ kind: "unknown_percent", ...figures, match: p.match });
  }

  const okDates = allowedDates(ctx);
  for (const d of dates) {
    if (!d.readings.some((r) => okDates.some((iso) => readingMatches(r, iso))))
      violations.push({ kind: "unknown_date", ...figures, match: d.match });
  }

  const { due, unrendered } = disclosuresDue(pack, {
    locale: ctx.locale,
    moment: ctx.moment,
    shown: ctx.disclosuresShown,
    flags,
    hasAmount: amounts.length > 0,
    facts: ctx.facts,
    ...(ctx.variables ? { variables: ctx.variables } : {}),
  });
  for (const u of unrendered) {
    violations.push({
      kind: "missing_disclosure",
      rule: `disclosures.${u.id}`,
      citations: u.rules,
      match: `${u.id}: {${u.missing.join("}, {")}}`,
    });
  }
  return { violations, disclosuresToAppend: due.map((d) => ({ id: d.id, text: d.text })) };
}
