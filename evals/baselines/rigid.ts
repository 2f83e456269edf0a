// Baseline "rigid": full payment only. It puts the whole balance on the table and, as soon as the
// debtor says they cannot pay it in one go (a plan, a discount, hardship, a "no"), hands the case
// to a person as hardship. What a collector without any negotiating room would do.
import type { LanguageLayer, TurnContext, TurnResult } from "../../server/agent/language-layer.js";
import { proposalFromSlots } from "../../server/agent/offline/intent-routing.js";
import { describeOutcome } from "../../server/agent/offline/offer-text.js";
import { baseline, baselineReply, baselineResult } from "./text.js";

const CANNOT_PAY_IN_FULL = new Set(["hardship", "want_plan", "ask_discount", "decline"]);

async function negotiate(ctx: TurnContext): Promise<TurnResult> {
  const reply = baselineReply(ctx, "rigid");
  const u = ctx.understanding;
  const proposal = u.intent === "propose" ? proposalFromSlots(u, ctx.due?.total ?? 0) : null;
  const cannotPay = CANNOT_PAY_IN_FULL.has(u.intent) || (u.intent === "propose" && proposal?.kind !== "full");
  if (u.intent === "accept" && ctx.pendingOffer) {
    reply.say("use_button");
  } else if (cannotPay) {
    reply.escalated("hardship", await ctx.tools.escalate("hardship", ctx.debtorText));
  } else if (ctx.pendingOffer) {
    reply.say("use_button");
  } else {
    const outcome = await ctx.tools.makeOffer({ proposal: { source: "model", kind: "full" } });
    if (outcome.offer) {
      reply.raw(describeOutcome(reply, { ...outcome, decision: "accept", reason: "ladder" }));
      reply.quick("offer");
    } else {
      const opened = await ctx.tools.escalate("hardship", "no full-payment offer within the policy");
      reply.escalated("hardship", opened, "ladder_exhausted");
    }
  }
  return baselineResult(reply, "rigid");
}

export class RigidLayer implements LanguageLayer {
  readonly name = "offline" as const;
  private readonly inner = baseline("rigid", negotiate);
  respond(ctx: TurnContext): Promise<TurnResult> {
    return this.inner.respond(ctx);
  }
}
