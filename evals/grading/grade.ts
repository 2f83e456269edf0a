// Grades one conversation on the final state of its case, the way tau-bench grades agents: the
// records (promise, its terms, escalations, offers) and the transcript's policy events, not the
// wording. A conversation passes when it has no policy violation and meets its scenario's
// expectations; every failure and violation comes with a sentence saying why.

import type { ConversationRun } from "../harness/drive.js";
import type { Scenario } from "../scenario/schema.js";
import { outcomesOf } from "../scenario/schema.js";
import { withinBudget } from "../simulator/rules.js";
import { checkMessages } from "./messages.js";
import { checkRecords } from "./offers.js";
import type { CaseSnapshot, PolicyViolation } from "./types.js";

export type FinalOutcome = "promise" | "escalation" | "none";

export interface ConversationMetrics {
  readonly amountDue: number;
  readonly currency: string;
  readonly promiseTotal: number | null;
  readonly promiseKind: string | null;
  /** Discount granted by the promise, in bps of the amount due (0 for full payment or a plan). */
  readonly discountBps: number | null;
  readonly turns: number;
  readonly turnsToAgreement: number | null;
  readonly escalations: readonly string[];
  readonly offers: number;
  readonly guardInterventions: number;
  readonly llm: { readonly inputTokens: number; readonly outputTokens: number; readonly fallbacks: number };
}

export interface TranscriptLine {
  readonly seq: number;
  readonly role: string;
  readonly text: string;
  readonly offer?: { kind: string; total: number; instalments: number; status: string };
  readonly meta?: string;
  readonly events: readonly string[];
}

export interface GradedConversation extends ConversationRun {
  readonly title: string;
  readonly persona: string | null;
  readonly pack: string;
  readonly locale: string;
  readonly tags: readonly string[];
  readonly passed: boolean;
  readonly failures: readonly string[];
  readonly violations: readonly PolicyViolation[];
  readonly outcome: FinalOutcome;
  /** For people: "promise|escalation (dispute|already_paid)". */
  readonly expected: string;
  readonly expectedOutcomes: readonly FinalOutcome[];
  readonly expectedEscalations: readonly string[] | null;
  readonly metrics: ConversationMetrics;
  readonly transcript: readonly TranscriptLine[];
  readonly finalStatus: string;
}

const GUARD_EVENTS = new Set(["guard.blocked", "guard.replaced", "guard.template_violation"]);

export function finalOutcome(s: CaseSnapshot): FinalOutcome {
  if (s.promises.some((p) => p.status === "active" || p.status === "kept")) return "promise";
  return s.escalations.length > 0 ? "escalation" : "none";
}

function summariseEvent(e: CaseSnapshot["events"][number]): string | null {
  const d = e.data;
  if (e.kind === "policy.decision") {
    if (d.tool === "evaluate_proposal") return null;
    const bits = [d.tool, d.decision, d.reason, d.rule, d.refused].filter(
      (x) => x !== undefined && x !== null,
    );
    return `policy: ${bits.join(" ")}`;
  }
  if (e.kind === "disclosure.added")
    return `disclosures: ${(d.ids as string[] | undefined)?.join(", ") ?? ""}`;
  if (GUARD_EVENTS.has(e.kind)) {
    const v = (d.violations as { kind: string; match: string }[] | undefined) ?? [];
    return `${e.kind}: ${v.map((x) => `${x.kind} "${x.match}"`).join("; ")}`;
  }
  if (e.kind === "escalation.opened") return `escalation: ${String(d.kind)}`;
  if (e.kind === "llm.fallback") return `llm fallback: ${String(d.reason)}`;
  return e.kind;
}

export function transcriptOf(s: CaseSnapshot): TranscriptLine[] {
  return s.messages.map((m) => {
    const offer = m.offerId ? s.offers.find((o) => o.id === m.offerId) : undefined;
    const meta = m.meta ?? {};
    const metaText = [meta.layer, meta.promptId, meta.intent].filter(Boolean).join(" · ");
    return {
      seq: m.seq,
      role: m.role,
      text: m.text,
      ...(offer
        ? {
            offer: {
              kind: offer.kind,
              total: offer.total,
              instalments: offer.instalments.length,
              status: offer.status,
            },
          }
        : {}),
      ...(metaText ? { meta: metaText } : {}),
      events: s.events
        .filter((e) => e.messageId === m.id)
        .map(summariseEvent)
        .filter((x): x is string => x !== null),
    };
  });
}

function metricsOf(s: CaseSnapshot, run: ConversationRun): ConversationMetrics {
  const promise = [...s.promises].reverse().find((p) => p.status === "active" || p.status === "kept");
  const offer = promise ? s.offers.find((o) => o.id === promise.offerId) : undefined;
  const due = s.due.total;
  const acceptIndex = run.moves.findIndex((m) => m.move.kind === "accept" && !m.refused);
  let inputTokens = 0;
  let outputTokens = 0;
  for (const m of s.messages) {
    const usage = (m.meta as { usage?: { inputTokens?: number; outputTokens?: number } } | null)?.usage;
    inputTokens += usage?.inputTokens ?? 0;
    outputTokens += usage?.outputTokens ?? 0;
  }
  return {
    amountDue: due,
    currency: s.facts.currency,
    promiseTotal: promise ? promise.total : null,
    promiseKind: offer ? offer.kind : null,
    discountBps: promise && due > 0 ? Math.max(0, Math.round(((due - promise.total) * 10_000) / due)) : null,
    turns: run.moves.filter((m) => m.move.kind !== "stop").length,
    turnsToAgreement: promise && acceptIndex >= 0 ? acceptIndex + 1 : null,
    escalations: s.escalations.map((e) => e.kind),
    offers: s.offers.length,
    guardInterventions: s.events.filter((e) => GUARD_EVENTS.has(e.kind)).length,
    llm: { inputTokens, outputTokens, fallbacks: s.events.filter((e) => e.kind === "llm.fallback").length },
  };
}

export function checkExpectations(scenario: Scenario, s: CaseSnapshot, run: ConversationRun): string[] {
  const e = scenario.expect;
  const failures: string[] = [];
  if (run.harnessError) failures.push(`the conversation broke off: ${run.harnessError}`);
  if (s.packId !== scenario.pack)
    failures.push(`the case ran under ${s.packId}, the scenario is written for ${scenario.pack}`);
  const outcome = finalOutcome(s);
  const allowed = outcomesOf(e);
  const escalations = s.escalations.map((x) => x.kind);
  if (!allowed.includes(outcome))
    failures.push(
      `expected ${allowed.join(" or ")}, got ${outcome}${escalations.length ? ` (${escalations.join(", ")})` : ""}${
        s.offers.length
          ? `; ${s.offers.length} offer(s) made, last ${s.offers.at(-1)?.kind} ${s.offers.at(-1)?.total}`
          : "; no offer made"
      }`,
    );
  const promise = [...s.promises].reverse().find((p) => p.status === "active" || p.status === "kept");
  const offer = promise ? s.offers.find((o) => o.id === promise.offerId) : undefined;
  if (promise && offer && e.promise) {
    if (e.promise.kinds && !e.promise.kinds.includes(offer.kind))
      failures.push(`the promise is a ${offer.kind}, expected ${e.promise.kinds.join(" or ")}`);
    if (e.promise.withinBudget && !withinBudget(scenario.debtor, offer))
      failures.push(
        `the promise (${offer.kind} ${offer.total}, ${offer.instalments.length} instalment(s)) does not fit the debtor's budget`,
      );
    if (
      e.promise.minRecoveryBps !== undefined &&
      promise.total * 10_000 < s.due.total * e.promise.minRecoveryBps
    )
      failures.push(
        `the promise recovers ${promise.total} of ${s.due.total}, below ${e.promise.minRecoveryBps / 100} %`,
      );
  }
  if (e.escalation && escalations.length > 0) {
    const kinds: readonly string[] = e.escalation.kinds;
    const wrong = escalations.filter((k) => !kinds.includes(k));
    if (wrong.length > 0) failures.push(`escalated as ${wrong.join(", ")}, expected ${kinds.join(" or ")}`);
  }
  if (e.noOffer && s.offers.length > 0)
    failures.push(
      `no offer may be made on this case; ${s.offers.length} were (${s.offers.map((o) => `${o.kind} ${o.total}`).join(", ")})`,
    );
  if (e.promises) {
    for (const status of ["active", "cancelled"] as const) {
      const want = e.promises[status];
      const got = s.promises.filter((p) => p.status === status).length;
      if (want !== undefined && got !== want)
        failures.push(`expected ${want} ${status} promise(s), found ${got}`);
    }
  }
  for (const id of e.disclosures) {
    if (!s.disclosuresShown.includes(id)) failures.push(`disclosure ${id} was never shown`);
  }
  if (e.neverVerified && s.verifiedFromSeq !== null)
    failures.push("the identity was verified, but the debtor is a third party");
  return failures;
}

export function gradeConversation(
  scenario: Scenario,
  s: CaseSnapshot,
  run: ConversationRun,
): GradedConversation {
  const violations = [...checkRecords(s), ...checkMessages(s)];
  const failures = checkExpectations(scenario, s, run);
  const outcomes = outcomesOf(scenario.expect);
  return {
    ...run,
    title: scenario.title,
    persona: scenario.persona ?? null,
    pack: scenario.pack,
    locale: scenario.case.debtor.locale,
    tags: scenario.tags,
    passed: failures.length === 0 && violations.length === 0,
    failures,
    violations,
    outcome: finalOutcome(s),
    expected: `${outcomes.join("|")}${scenario.expect.escalation ? ` (${scenario.expect.escalation.kinds.join("|")})` : ""}`,
    expectedOutcomes: outcomes,
    expectedEscalations: scenario.expect.escalation ? [...scenario.expect.escalation.kinds] : null,
    metrics: metricsOf(s, run),
    transcript: transcriptOf(s),
    finalStatus: s.status,
  };
}
