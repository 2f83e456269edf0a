// Fills the system prompt for one turn. Only facts the conversation already has are written in:
// before identity verification (ctx.facts === null) the model sees no debt information at all, and
// the debtor's own words never enter the system prompt (they travel as user messages).
import type { CaseFacts } from "../../domain/case-facts.js";
import { formatMoney, money } from "../../domain/money.js";
import type { AmountDue } from "../../policy/index.js";
import type { RecordedOffer, TurnContext } from "../language-layer.js";
import { fill, type PromptTemplate, partial, type SystemPrompt } from "./prompts.js";

export interface Correction {
  readonly previous: string;
  readonly feedback: readonly string[];
}

type Fmt = (minor: number) => string;

const formatter =
  (currency: string, locale: string): Fmt =>
  (minor) =>
    formatMoney(money(minor, currency), locale);

function caseBlock(t: PromptTemplate, facts: CaseFacts, due: AmountDue | null): string {
  const fmt = formatter(facts.currency, t.locale);
  const invoices = facts.invoices
    .map((inv) =>
      partial(t, "invoice", {
        number: inv.number,
        issuedAt: inv.issuedAt,
        dueAt: inv.dueAt,
        amount: fmt(inv.amount),
      }),
    )
    .join("\n");
  let amountDue = partial(t, "case.due_unknown");
  if (due) {
    amountDue = partial(t, "case.due", {
      asOf: due.asOf,
      total: fmt(due.total),
      principal: fmt(due.principal),
      interest: fmt(due.interest),
      fees: fmt(due.fees),
      paid: fmt(due.paid),
      daysPastDue: String(due.daysPastDue),
    });
    if (due.timeBarred) amountDue += `\n${partial(t, "case.time_barred")}`;
  }
  return partial(t, "case.verified", {
    reference: facts.reference,
    creditorName: facts.creditorName,
    debtorName: facts.debtorName,
    debtorKind: facts.debtorKind,
    invoices,
    amountDue,
  });
}

function offerBlock(t: PromptTemplate, offer: RecordedOffer | null): string {
  if (!offer) return partial(t, "offer.none");
  const fmt = formatter(offer.currency, t.locale);
  return partial(t, "offer.pending", {
    offerId: offer.id,
    offerKind: offer.kind,
    offerTotal: fmt(offer.total),
    offerExpiresAt: offer.expiresOn,
    offerSchedule: offer.instalments
      .map((i) => partial(t, "instalment", { dueDate: i.dueDate, amount: fmt(i.amount) }))
      .join("\n"),
  });
}

/** The offline NLU's intents are a closed enum, so they are safe to show; its raw slots are not. */
function signalsBlock(t: PromptTemplate, ctx: TurnContext): string {
  const intents = ctx.understanding.intents.filter((i: string) => i !== "unknown");
  return intents.length === 0
    ? partial(t, "signals.none")
    : partial(t, "signals", { intents: intents.join(", ") });
}

export function buildSystemPrompt(
  t: PromptTemplate,
  ctx: TurnContext,
  correction?: Correction,
): SystemPrompt {
  const verified = ctx.facts !== null;
  const text = fill(
    t.main,
    {
      phase: partial(t, `phase.${ctx.phase}`),
      case: verified
        ? caseBlock(t, ctx.facts, ctx.due)
        : partial(t, "case.unverified", { verificationQuestion: ctx.verificationQuestion }),
      // A pending offer carries amounts: never before verification.
      pendingOffer: verified ? offerBlock(t, ctx.pendingOffer) : partial(t, "offer.none"),
      signals: signalsBlock(t, ctx),
      correction: correction
        ? `\n${partial(t, "correction", {
            feedback: correction.feedback.map((f) => `- ${f}`).join("\n"),
            previous: correction.previous,
          })}`
        : "",
    },
    t.id,
  );
  return { id: t.id, hash: t.hash, text };
}
