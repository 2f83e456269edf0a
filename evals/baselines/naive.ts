// Baseline "naive": the largest concession the policy allows, at once and at every turn. It asks the
// engine for the deepest settlement discount (searching the largest discount the engine does not
// refuse), else the plan with the most instalments, else the last ladder step open, and puts that
// on the table without waiting for the debtor to propose anything. The engine still bounds it: what the
// ladder has not unlocked yet (a settlement before a plan was declined) it cannot give.
import type { LanguageLayer, TurnContext, TurnResult } from "../../server/agent/language-layer.js";
import { describeOutcome } from "../../server/agent/offline/offer-text.js";
import type { Proposal } from "../../server/policy/index.js";
import { baseline, baselineReply, baselineResult } from "./text.js";

type Outcome = ReturnType<TurnContext["tools"]["evaluateProposal"]>;

/** The largest value in [1, max] the engine does not refuse (its answers are monotonic in it). */
function largest(max: number, evaluate: (n: number) => Outcome): Outcome | null {
  let lo = 0;
  let hi = max;
  let best: Outcome | null = null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const outcome = evaluate(mid);
    if (outcome.decision === "refuse" || !outcome.terms) hi = mid - 1;
    else {
      lo = mid;
      best = outcome;
    }
  }
  return best;
}

/** The deepest settlement the engine would give now (its counter when asked for more). */
function deepestSettlement(ctx: TurnContext): Proposal | null {
  const best = largest(10_000, (bps) =>
    ctx.tools.evaluateProposal({ source: "model", kind: "settlement", discountBps: bps }),
  );
  const terms = best?.terms;
  if (terms?.kind !== "settlement" || terms.discountBps <= 0) return null;
  return {
    source: "model",
    kind: "settlement",
    total: terms.total,
    firstDate: terms.instalments[0]?.dueDate ?? "",
  };
}

/** The plan with the most instalments the engine would give now. */
function longestPlan(ctx: TurnContext): Proposal | null {
  const best = largest(520, (count) =>
    ctx.tools.evaluateProposal({ source: "model", kind: "plan", count, cadence: "monthly" }),
  );
  const terms = best?.terms;
  if (terms?.kind !== "plan") return null;
  return { source: "model", kind: "plan", count: terms.instalments.length, cadence: "monthly" };
}

async function negotiate(ctx: TurnContext): Promise<TurnResult> {
  const reply = baselineReply(ctx, "naive");
  if (ctx.understanding.intent === "accept" && ctx.pendingOffer) {
    reply.say("use_button");
    return baselineResult(reply, "naive");
  }
  const proposal = deepestSettlement(ctx) ?? longestPlan(ctx);
  const pending = ctx.pendingOffer;
  if (pending && proposal) {
    const terms = ctx.tools.evaluateProposal(proposal).terms;
    if (
      terms &&
      terms.kind === pending.kind &&
      terms.total === pending.total &&
      terms.instalments.length === pending.instalments.length
    ) {
      reply.say("use_button");
      return baselineResult(reply, "naive");
    }
  }
  let outcome = proposal ? await ctx.tools.makeOffer({ proposal }) : null;
  if (!proposal) {
    // Nothing to search: walk the ladder to its last step that is open now (e.g. a waived full offer).
    for (let i = 0; i < 8; i++) {
      const step = await ctx.tools.makeOffer({});
      if (!step.offer) break;
      outcome = step;
    }
  }
  if (!outcome?.offer && !pending)
    outcome = await ctx.tools.makeOffer({ proposal: { source: "model", kind: "full" } });
  if (outcome?.offer) {
    reply.raw(describeOutcome(reply, { ...outcome, decision: "accept", reason: "ladder" }));
    reply.quick("offer");
  } else if (pending) {
    reply.say("use_button");
  } else {
    const opened = await ctx.tools.escalate("hardship", "no offer within the policy");
    reply.escalated("hardship", opened, "ladder_exhausted");
  }
  return baselineResult(reply, "naive");
}

export class NaiveLayer implements LanguageLayer {
  readonly name = "offline" as const;
  private readonly inner = baseline("naive", negotiate);
  respond(ctx: TurnContext): Promise<TurnResult> {
    return this.inner.respond(ctx);
  }
}
