// What the baselines share with the assistant: the offline engine's words (catalogue and offer
// paragraphs) and its handling of everything that is not negotiation (abuse, injection, questions
// about the debt, thanks, unclear messages), so that the arms differ in how they negotiate only.
// After a promise, a debtor who wants other terms gets the promise withdrawn first, as with the
// assistant, and the baseline then negotiates in its own way.
import type { LanguageLayer, TurnContext, TurnResult } from "../../server/agent/language-layer.js";
import { loadCatalogue } from "../../server/agent/offline/catalogue.js";
import { OfflineLanguageLayer } from "../../server/agent/offline/offline-layer.js";
import { Reply } from "../../server/agent/offline/reply.js";

const offline = new OfflineLanguageLayer();

/** Intents a baseline leaves to the offline engine: they are not about the terms of payment. */
const NOT_NEGOTIATION = new Set([
  "abuse",
  "injection",
  "off_topic",
  "question_debt",
  "thanks",
  "greeting",
  "identity_answer",
  "unknown",
  "admin_problem",
  "accept",
]);
const WANTS_OTHER_TERMS = new Set(["decline", "want_plan", "propose", "hardship", "ask_discount"]);

export function baselineReply(ctx: TurnContext, name: string): Reply {
  return new Reply(loadCatalogue(ctx.locale), `${ctx.conversationId}:${ctx.turn}:${name}`, ctx);
}

export function baselineResult(reply: Reply, name: string): TurnResult {
  const result = reply.result();
  return { ...result, meta: { ...result.meta, promptId: `baseline-${name}` } };
}

/** A baseline: its own negotiation, the offline engine for the rest. */
export function baseline(name: string, negotiate: (ctx: TurnContext) => Promise<TurnResult>): LanguageLayer {
  return {
    name: "offline",
    async respond(ctx) {
      const u = ctx.understanding;
      if (ctx.phase === "promised") {
        if (!WANTS_OTHER_TERMS.has(u.intent) || !(await ctx.tools.withdrawPromise()))
          return offline.respond(ctx);
        return negotiate({ ...ctx, phase: "negotiating", pendingOffer: null });
      }
      if (NOT_NEGOTIATION.has(u.intent) && !(u.intent === "unknown" && name === "naive"))
        return offline.respond(ctx);
      return negotiate(ctx);
    },
  };
}
