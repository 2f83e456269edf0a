// The offline engine: deterministic French and English dialogue on top of the offline NLU and the
// message catalogues. It decides the next step the way a good collector would (find the cause,
// let the debtor propose first, then walk the policy's ladder) and acts only through the Toolbox.
import type { LanguageLayer, TurnContext, TurnResult } from "../language-layer.js";
import { answerQuestion } from "./answer-question.js";
import { isAnswerShaped } from "./answer-shape.js";
import { loadCatalogue } from "./catalogue.js";
import { movesEarlierPlan, proposalAcrossTurns } from "./earlier-terms.js";
import { deniedEscalation } from "./escalation-correction.js";
import { asksForLanguage, followLocale } from "./follow-locale.js";
import {
  firstPaymentThenRest,
  proposalFromSlots,
  SAFETY_ESCALATIONS,
  shareOffered,
} from "./intent-routing.js";
import { debtSummary, describeOutcome, explainDebt, explainFees } from "./offer-text.js";
import { questionTopic } from "./question-topics.js";
import { Reply } from "./reply.js";
import { counterSettlement } from "./settlement-counter.js";

/** Intents that move the negotiation on: a question in the same message does not stop them. */
const NEGOTIATION_MOVES = new Set(["propose", "pay_full", "want_plan", "ask_discount", "accept", "decline"]);

export class OfflineLanguageLayer implements LanguageLayer {
  readonly name = "offline" as const;

  async respond(context: TurnContext): Promise<TurnResult> {
    // Answer in the language the debtor writes in, not only the case's.
    const ctx = { ...context, locale: followLocale(context) };
    const catalogue = loadCatalogue(ctx.locale);
    const reply = new Reply(catalogue, `${ctx.conversationId}:${ctx.turn}`, ctx);
    await this.decide(ctx, reply);
    return reply.result();
  }

  private async decide(ctx: TurnContext, reply: Reply): Promise<void> {
    const u = ctx.understanding;
    const safety = u.intents.find((i) => i in SAFETY_ESCALATIONS);

    if (ctx.phase === "closed") return reply.say("closed", { creditor: ctx.facts?.creditorName ?? "" });
    if (ctx.phase === "escalated") return this.whileEscalated(ctx, reply);

    if (safety) {
      const kind = SAFETY_ESCALATIONS[safety as keyof typeof SAFETY_ESCALATIONS];
      // Before identity is verified, nothing about the debt may be said: the claim stays generic.
      const opened = await ctx.tools.escalate(
        kind,
        ctx.phase === "verifying" ? `(${u.intent} before verification)` : ctx.debtorText,
        ctx.locale,
      );
      return reply.escalated(kind, opened);
    }

    if (u.intent === "how_to_pay") return this.howToPay(ctx, reply);
    if (ctx.phase === "verifying") return this.verify(ctx, reply);
    if (ctx.phase === "promised") return this.afterPromise(ctx, reply);
    return this.negotiate(ctx, reply);
  }

  /**
   * A person has the case. "Non je ne conteste pas" takes a misunderstood escalation back when the
   * pack allows it and nobody has picked it up yet; the debtor is then asked, as a collector would,
   * what they can pay (or the identity question again, if that is where we were).
   */
  private async whileEscalated(ctx: TurnContext, reply: Reply): Promise<void> {
    const denial = deniedEscalation(ctx.debtorText);
    // A message that raises another reason for a person ("c pas ce que j'ai dit, je suis malade") is
    // not a correction; the explicit "je ne conteste pas" wins over its own words read as a dispute.
    const raised = ctx.understanding.intents.flatMap((i) =>
      i in SAFETY_ESCALATIONS ? [SAFETY_ESCALATIONS[i as keyof typeof SAFETY_ESCALATIONS] as string] : [],
    );
    if (!denial || raised.some((kind) => kind !== denial)) return this.onHold(ctx, reply);
    const result = await ctx.tools.withdrawEscalation(
      ctx.debtorText,
      denial === "any" ? undefined : SAFETY_ESCALATIONS[denial],
    );
    if (!result.withdrawn) {
      if (result.reason === "none" || result.reason === "other_kind") return this.onHold(ctx, reply);
      // Too late, or a kind the pack never lets the machine undo: a person checks it with them.
      return reply.say("escalation_kept");
    }
    const resumed = { ...ctx, phase: result.phase };
    reply.say("escalation_withdrawn");
    if (result.phase === "verifying") return reply.say("verify_again", { question: reply.question() });
    if (result.phase === "promised") return reply.say("promise_still_recorded");
    // The same message may carry a proposal ("non je conteste pas, je peux 100 par mois") or the
    // question that was misread ("je demandais juste pourquoi il y a des pénalités"): answer it.
    const u = ctx.understanding;
    const carriesMore =
      (NEGOTIATION_MOVES.has(u.intent) && u.intent !== "decline" && u.intent !== "accept") ||
      u.intents.includes("ask_fees") ||
      u.intent === "question_debt" ||
      questionTopic(ctx.debtorText) !== undefined;
    if (carriesMore) return this.negotiate(resumed, reply);
    reply.remember({ askedForProposal: true });
    reply.say("ask_proposal_after_withdrawal");
    return reply.quick("proposal");
  }

  /**
   * While a person has the case: say so, and whether anything is asked of the debtor meanwhile. A
   * recorded commitment still stands (its instalments are still due); otherwise nothing is asked.
   */
  private async onHold(ctx: TurnContext, reply: Reply): Promise<void> {
    const instructions = ctx.facts ? await ctx.tools.paymentInstructions() : null;
    reply.say(instructions?.data.now.what === "instalment" ? "on_hold_promise" : "on_hold");
  }

  private async verify(ctx: TurnContext, reply: Reply): Promise<void> {
    if (!isAnswerShaped(ctx.debtorText, ctx.locale)) {
      // Not an attempt: say why we ask, and ask again. Nothing about the debt yet. Said once in
      // full; after that a shorter line, so a confused debtor is not read the same paragraph twice.
      const why = reply.text("verify_why", { question: reply.question() });
      const lastAssistant = ctx.history.filter((m) => m.role === "assistant").at(-1)?.text ?? "";
      const asking = ctx.debtorText.includes("?") || ctx.understanding.intent === "question_debt";
      if (!lastAssistant.includes(why)) return reply.raw(why);
      return reply.say(asking ? "verify_why_question" : "verify_why_again", { question: reply.question() });
    }
    const result = await ctx.tools.verifyIdentity(ctx.debtorText);
    if (result.locked) {
      const opened = await ctx.tools.escalate("identity", "verification failed too many times", ctx.locale);
      return reply.escalated("identity", opened, "verify_locked");
    }
    if (!result.verified) {
      return reply.say("verify_fail", { attemptsLeft: result.attemptsLeft, question: reply.question() });
    }
    const { facts, due, mustEscalate } = ctx.tools.caseSummary();
    reply.say("verify_ok");
    reply.raw(debtSummary(reply, facts, due));
    const required = mustEscalate?.[0];
    if (required) {
      // A time-barred debt: no negotiation, a person takes over (the pack's notice is appended).
      const opened = await ctx.tools.escalate(
        required,
        "the policy requires a person for this case (time-barred debt)",
        ctx.locale,
      );
      return reply.escalated(required, opened);
    }
    reply.say("ask_reason");
    reply.quick("reason");
  }

  /**
   * "How do I pay?": before verification only that it comes after the check (and the question
   * again, without counting an attempt); after it, the amount due now, the route, the reference.
   */
  private async howToPay(ctx: TurnContext, reply: Reply): Promise<void> {
    const found = ctx.phase === "verifying" ? null : await ctx.tools.paymentInstructions();
    if (!found) return reply.say("pay_before_verify", { question: reply.question() });
    reply.raw(found.text);
    if (ctx.phase === "reason" || ctx.phase === "negotiating") reply.quick("proposal");
  }

  private async afterPromise(ctx: TurnContext, reply: Reply): Promise<void> {
    const u = ctx.understanding;
    // A recorded commitment is changed or cancelled only on an explicit yes, like accepting one:
    // "je veux annuler l'échéancier" first asks, and only the answer to that question cancels.
    const confirmQuestion = reply.text("promise_cancel_confirm");
    const lastAssistant = ctx.history.filter((m) => m.role === "assistant").at(-1)?.text ?? "";
    if (lastAssistant.includes(confirmQuestion)) {
      // The answer to our own yes/no question: "yes cancel it", "oui annuler" are a yes.
      const yes = u.intent === "accept" || /^\s*(oui|ouais|yes|yep|yeah)\b/i.test(ctx.debtorText);
      if (yes) {
        if (await ctx.tools.withdrawPromise()) {
          reply.say("promise_cancelled");
          reply.quick("proposal");
          return;
        }
      } else if (u.intent === "decline") return reply.say("promise_kept");
    }
    if (
      u.intent === "decline" ||
      u.intent === "want_plan" ||
      u.intent === "propose" ||
      wantsToCancel(ctx.debtorText)
    ) {
      reply.raw(confirmQuestion);
      reply.quick("confirm_cancel");
      return;
    }
    if (u.intent === "thanks") return reply.say("thanks");
    const topic = questionTopic(ctx.debtorText);
    if (topic) return reply.raw(answerQuestion(reply, ctx.tools, topic));
    if (u.intent === "ask_fees") return reply.raw(explainFees(reply, ctx.tools.caseSummary().due));
    // The reply is already in the language asked for (followLocale): say so, not "you're welcome".
    if (asksForLanguage(ctx.debtorText)) return reply.say("language_switched");
    return reply.say("thanks");
  }

  private async negotiate(ctx: TurnContext, reply: Reply): Promise<void> {
    const u = ctx.understanding;
    const memory = ctx.memory;
    const due = ctx.due?.total ?? 0;
    // A question about the file is answered first; a proposal or a yes/no carries on below.
    const topic = questionTopic(ctx.debtorText);
    const plainQuestion =
      ctx.debtorText.includes("?") && u.slots.amounts.length === 0 && u.slots.count === undefined;
    if (topic && (!NEGOTIATION_MOVES.has(u.intent) || plainQuestion)) {
      reply.raw(answerQuestion(reply, ctx.tools, topic));
      return reply.quick(ctx.phase === "reason" ? "reason" : "proposal");
    }
    // "Le 5 du mois plutôt ?" after proposing a plan: the same plan, on that day.
    if ((u.intent === "unknown" || u.intent === "propose") && movesEarlierPlan(ctx, due)) {
      const moved = proposalAcrossTurns(ctx, due);
      if (moved) return this.offer(ctx, reply, moved);
    }
    switch (u.intent) {
      case "abuse": {
        const count = memory.abuseCount + 1;
        reply.remember({ abuseCount: count });
        if (count >= 3) {
          const opened = await ctx.tools.escalate("abuse", "repeated abusive messages", ctx.locale);
          return reply.escalated("abuse", opened);
        }
        return reply.say("abuse");
      }
      case "injection":
      case "off_topic":
        reply.say("off_topic");
        return reply.quick(ctx.phase === "reason" ? "reason" : "proposal");
      case "question_debt": {
        const { facts, due } = ctx.tools.caseSummary();
        return reply.raw(explainDebt(reply, facts, due));
      }
      case "ask_fees": {
        // A question about charges is answered, with the rule behind each: it contests nothing.
        reply.raw(explainFees(reply, ctx.tools.caseSummary().due));
        return reply.quick(ctx.phase === "reason" ? "reason" : "proposal");
      }
      case "thanks":
        return reply.say("thanks");
      case "accept":
        return reply.say(ctx.pendingOffer ? "use_button" : "no_pending_offer");
      case "admin_problem":
        reply.remember({ reason: "admin" });
        reply.say("noted_admin");
        return reply.quick("proposal");
      case "decline":
        // The orchestrator has already marked the open offer declined: walk the ladder.
        return this.offer(ctx, reply, undefined);
      case "pay_full":
      case "forgot": {
        // "je paye 400 tout de suite puis le reste le mois prochain": not the whole amount at once.
        const split = ctx.due ? firstPaymentThenRest(u, ctx.due.total, ctx.debtorText, ctx.due.asOf) : null;
        if (split) return this.offer(ctx, reply, split);
        // "je paye la moitié tout de suite": a share of the debt, not the whole of it.
        const share =
          ctx.due && shareOffered(u, ctx.debtorText) !== undefined
            ? proposalFromSlots(u, ctx.due.total, ctx.debtorText, ctx.due.asOf)
            : null;
        if (share) return this.offer(ctx, reply, share);
        return this.offer(ctx, reply, { source: "debtor", kind: "full", ...firstDate(u.slots.dates) });
      }
      case "propose":
      case "ask_discount":
      case "want_plan":
      case "hardship": {
        const proposal = proposalAcrossTurns(ctx, due);
        if (proposal) return this.offer(ctx, reply, proposal);
        if (u.intent === "ask_discount" && ctx.due && asksWaiver(ctx.debtorText)) {
          // "Enlevez les pénalités": paying without the charges, which a pack may grant for prompt
          // payment (the FR B2B first concession); the engine decides, else the ladder's next step.
          const total = ctx.due.total - ctx.due.interest - ctx.due.indemnity;
          if (total > 0 && total < ctx.due.total)
            return this.offer(ctx, reply, { source: "debtor", kind: "full", total });
        }
        if (u.intent === "ask_discount") return this.offer(ctx, reply, undefined, true);
        reply.remember({
          askedForProposal: true,
          ...(u.intent === "hardship" ? { reason: "hardship" as const } : {}),
        });
        reply.say(u.intent === "want_plan" ? "ask_proposal_plan" : "ask_proposal");
        return;
      }
      default: {
        reply.remember({ unclearCount: memory.unclearCount + 1 });
        reply.say("clarify");
        return reply.quick(ctx.phase === "reason" ? "reason" : "clarify");
      }
    }
  }

  private async offer(
    ctx: TurnContext,
    reply: Reply,
    proposal: Parameters<TurnContext["tools"]["makeOffer"]>[0]["proposal"],
    discountAsked = false,
  ): Promise<void> {
    // A lump sum asked for below the amount due: counter in a small step first (concession.ts).
    const own = proposal ? await counterSettlement(ctx, proposal) : null;
    const outcome = own ?? (await ctx.tools.makeOffer(proposal ? { proposal } : {}));
    if (outcome.offer) {
      // Asked for a discount and offered something else: say so plainly before the offer.
      if (discountAsked && outcome.offer.kind !== "settlement") reply.say("refuse_discount");
      reply.raw(describeOutcome(reply, outcome));
      reply.quick("offer");
      return;
    }
    if (!proposal) {
      if (discountAsked) {
        reply.say("refuse_discount");
        reply.say("ask_proposal");
        return;
      }
      // Nothing left on the ladder: a person takes it from here.
      const opened = await ctx.tools.escalate("hardship", "no further offer within the policy", ctx.locale);
      return reply.escalated("hardship", opened, "ladder_exhausted");
    }
    if (outcome.reason === "settlement_not_available" || outcome.reason === "kind_not_available") {
      // Too early for what they asked: say so, and put the next step the policy allows on the table.
      const next = await ctx.tools.makeOffer({});
      if (next.offer) {
        reply.say("refuse_discount");
        reply.raw(describeOutcome(reply, next));
        reply.quick("offer");
        return;
      }
    }
    const outside = ctx.memory.proposalsOutside + 1;
    reply.remember({ proposalsOutside: outside });
    if (outside >= 2) {
      // The machine never turns a debtor's proposal down on its own: a person reviews it.
      const opened = await ctx.tools.escalate("counter_offer", ctx.debtorText, ctx.locale);
      return reply.escalated("counter_offer", opened, "counter_to_person");
    }
    // The engine will counter no further (its rounds are spent, or the settlement on the table is
    // already the most it may give): that offer is its last word before a person.
    const lastWord =
      outcome.reason === "too_many_rounds" ||
      (outcome.reason === "discount_too_high" && ctx.pendingOffer?.kind === "settlement");
    if (lastWord && ctx.pendingOffer) return reply.say("rounds_exhausted");
    if (outcome.reason === "discount_too_high" || outcome.reason === "settlement_not_available") {
      reply.say("refuse_discount");
      reply.say("ask_proposal");
      return;
    }
    reply.raw(reply.bounds(outcome.bounds));
    reply.quick("proposal");
  }
}

/** "Vous pouvez enlever les pénalités ?", "waive the fees": paying without the charges. */
function asksWaiver(text: string): boolean {
  const t = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return /\b(enlev\w*|supprim\w*|annul\w*|retir\w*|sans|oubli\w*|geste sur|waive\w*|remov\w*|drop\w*|take off|knock off|without|forget)\b.{0,25}\b(frais|penalites?|interets?|indemnites?|majorations?|fees?|interest|charges?|penalt\w*)\b/.test(
    t,
  );
}

/** "Je veux annuler l'échéancier", "cancel my plan": a request to drop the recorded commitment. */
function wantsToCancel(text: string): boolean {
  const t = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return /\b(annul\w*|arret\w*|stopp?\w*|cancel\w*|undo|scrap)\b.{0,30}\b(echeancier|plan|engagement|accord|promesse|commitment|agreement|arrangement|payments?)\b/.test(
    t,
  );
}

function firstDate(dates: readonly string[]): { firstDate?: string } {
  return dates[0] ? { firstDate: dates[0] } : {};
}
