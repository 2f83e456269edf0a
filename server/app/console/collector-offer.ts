// An offer made by hand during a takeover. The collector states terms; the policy engine decides as
// for any proposal (evaluateProposal), so a person cannot step outside the policy limits either.
// Accepted terms are recorded (source "collector") and shown to the debtor as an agent message with
// the plan card; a counter or a refusal is returned to the collector and nothing is recorded.

import type { CollectorOfferAnswer, OfferPreview } from "../../../contract/collector-offers.js";
import { collectorOfferInput } from "../../../contract/console-inputs.js";
import { AppError } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { evaluateProposal, type NegotiationState, type Proposal } from "../../policy/index.js";
import { loadBundle } from "../chat/case-bundle.js";
import { defaultOfferExpiry, endOfDayInZone } from "../chat/offer-expiry.js";
import type { Actor } from "../context.js";
import { type ConsoleDeps, caseConversation, deliver } from "./deps.js";
import { notice } from "./notices.js";

/** What the engine says of the collector's terms, without recording anything. */
async function evaluate(deps: ConsoleDeps, actor: Actor, caseId: string, body: unknown) {
  const input = parseOrThrow(collectorOfferInput, body, "offer");
  const { ctx } = deps;
  const conv = await caseConversation(ctx, caseId);
  const bundle = await loadBundle(ctx, caseId, conv.conversationId);
  if (bundle.humanOwnerId !== actor.userId) {
    throw new AppError("not_allowed_now", "Take over the conversation before making an offer.");
  }
  if (!bundle.verified)
    throw new AppError("not_allowed_now", "The debtor has not confirmed their identity yet.");
  const state: NegotiationState = {
    facts: bundle.facts,
    due: bundle.due,
    today: bundle.today,
    offersMade: bundle.offers,
    // A person may skip the ladder's order (every kind is open to them) but not its limits.
    declinedKinds: [...new Set([...bundle.state.declinedKinds, "full" as const, "plan" as const])],
    signals: bundle.state.signals,
    step: 0,
  };
  const { text: _text, ...terms } = input;
  const proposal: Proposal = { source: "debtor", ...terms };
  const decision = evaluateProposal(proposal, state, bundle.policy.pack);
  return { input, conv, bundle, decision };
}

/** The engine's answer to the terms before sending: accept (with the exact terms), counter or refuse. */
export async function previewCollectorOffer(
  deps: ConsoleDeps,
  actor: Actor,
  caseId: string,
  body: unknown,
): Promise<OfferPreview> {
  const { decision } = await evaluate(deps, actor, caseId, body);
  if (decision.decision === "refuse")
    return {
      decision: "refuse" as const,
      reason: decision.reason,
      explanation: decision.explanation,
      bounds: decision.bounds,
    };
  if (decision.decision === "counter")
    return {
      decision: "counter" as const,
      reason: decision.reason,
      explanation: decision.explanation,
      terms: decision.offer,
    };
  return { decision: "accept" as const, terms: decision.offer };
}

export async function makeCollectorOffer(
  deps: ConsoleDeps,
  actor: Actor,
  caseId: string,
  body: unknown,
): Promise<CollectorOfferAnswer> {
  const { ctx } = deps;
  const { input, conv, bundle, decision } = await evaluate(deps, actor, caseId, body);
  if (decision.decision === "refuse") {
    return {
      recorded: false as const,
      decision: "refuse" as const,
      reason: decision.reason,
      explanation: decision.explanation,
      bounds: decision.bounds,
    };
  }
  if (decision.decision === "counter") {
    return {
      recorded: false as const,
      decision: "counter" as const,
      reason: decision.reason,
      explanation: decision.explanation,
      terms: decision.offer,
    };
  }
  const offer = decision.offer;
  const tz = bundle.facts.timeZone;
  const expiresAt = offer.expiresAt
    ? endOfDayInZone(offer.expiresAt, tz)
    : defaultOfferExpiry(bundle.today, tz);
  const result = await ctx.stores.takeover.recordCollectorOffer({
    offer: {
      caseId,
      kind: offer.kind,
      total: offer.total,
      currency: offer.currency,
      discountBps: offer.discountBps,
      instalments: offer.instalments,
      terms: { ...offer } as Record<string, unknown>,
      rule: offer.rule,
      policyVersionId: bundle.policy.versionId,
      source: "collector",
      expiresAt,
    },
    conversationId: conv.conversationId,
    userId: actor.userId,
    text: input.text ?? notice(conv.locale, "collector_offer").text,
    at: ctx.clock.now(),
  });
  if (result.status !== "offered")
    throw new AppError("conversation_locked", "You no longer own this conversation.");
  const message = deliver(deps, caseId, conv.conversationId, result.message);
  return {
    recorded: true as const,
    decision: "accept" as const,
    offerId: result.offerId,
    terms: offer,
    message,
  };
}
