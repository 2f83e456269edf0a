// One assistant turn: understand the debtor, update the negotiation's signals, let the right
// language layer act through the toolbox, guard the reply, and store it with its offer.
import type { LanguageLayer, TurnContext } from "../../agent/language-layer.js";
import { isSafetyIntent } from "../../agent/offline/intent-routing.js";
import { type Understanding, understand } from "../../agent/offline/nlu/index.js";
import {
  addEvents,
  appendMessage,
  ConversationLockedError,
  recentMessages,
  saveState,
} from "../../db/conversations.js";
import { setCaseStatus, setOfferStatus } from "../../db/negotiation.js";
import { type ConversationState, statusOf } from "../../negotiation/conversation-state.js";
import type { AppContext } from "../context.js";
import { loadBundle } from "./case-bundle.js";
import { guardReply, momentOf } from "./output-guard.js";
import { safeTemplate } from "./safe-template.js";
import { CaseToolbox } from "./toolbox.js";
import type { TurnState } from "./turn-state.js";
import { toWire, type WireMessage } from "./wire.js";

export interface Layers {
  /** The deterministic engine: identity checks, escalations and every fallback. */
  readonly offline: LanguageLayer;
  /** The configured layer for negotiation turns (the offline one when no LLM is configured). */
  readonly primary: LanguageLayer;
}

export interface TurnOutput {
  readonly message: WireMessage | null;
  readonly status: string;
  readonly statusChanged: boolean;
  readonly escalation?: { id: string; kind: string };
}

/** Signals the policy ladder reads, from what the debtor said (whichever layer answers). */
function applySignals(state: ConversationState, u: Understanding): ConversationState {
  const signals = { ...state.signals };
  if (u.intents.includes("hardship")) Object.assign(signals, { hardship: true, fullPaymentImpossible: true });
  if (u.intents.includes("want_plan")) signals.fullPaymentImpossible = true;
  if (u.intent === "pay_full" || u.intent === "forgot") signals.promptPayment = true;
  const reason = u.slots.reasonForNonPayment ?? state.reason;
  return { ...state, signals, ...(reason ? { reason } : {}) };
}

/** Actions from the chat's buttons run a turn with a known intent instead of text. */
export type ForcedIntent = "decline" | "request_human";

function forcedUnderstanding(intent: ForcedIntent, locale: "fr" | "en"): Understanding {
  return { intent, intents: [intent], slots: { amounts: [], dates: [] }, locale, confidence: 1 };
}

export async function runDebtorTurn(
  app: AppContext,
  layers: Layers,
  ids: { caseId: string; conversationId: string },
  debtorText: string,
  forced?: ForcedIntent,
): Promise<TurnOutput> {
  const bundle = await loadBundle(app, ids.caseId, ids.conversationId);
  const before = statusOf(bundle.state.phase);
  // A person answers while they own the conversation; the assistant stays silent.
  if (bundle.humanOwnerId) return { message: null, status: before, statusChanged: false };
  const u = forced
    ? forcedUnderstanding(forced, bundle.facts.locale)
    : understand(debtorText, {
        locale: bundle.facts.locale,
        currency: bundle.facts.currency,
        today: bundle.today,
        ...(bundle.state.phase === "verifying" ? { expecting: "identity" as const } : {}),
      });
  const turn: TurnState = {
    state: { ...applySignals(bundle.state, u), turn: bundle.state.turn + 1 },
    verified: bundle.verified,
    verifyAttempts: bundle.verifyAttempts,
    offers: [],
    decisions: [],
    quotedAmounts: [],
  };
  // A "no" to the open offer declines it: the ladder may then move on.
  let pendingOffer = bundle.pendingOffer;
  if (pendingOffer && u.intent === "decline" && turn.state.phase === "negotiating") {
    if (await declineOffer(app, turn, pendingOffer.id, pendingOffer.kind)) pendingOffer = null;
  }
  const tools = new CaseToolbox(app, bundle, turn);
  const phase = turn.state.phase;
  const safety = u.intents.some(isSafetyIntent);
  const layer =
    phase === "verifying" || phase === "escalated" || phase === "closed" || safety
      ? layers.offline
      : layers.primary;
  const ctx: TurnContext = {
    conversationId: ids.conversationId,
    locale: bundle.facts.locale,
    phase,
    facts: turn.verified ? bundle.facts : null,
    due: turn.verified ? bundle.due : null,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    pendingOffer,
    history: await recentMessages(app.db.prisma, ids.conversationId, 12),
    debtorText,
    understanding: u,
    turn: turn.state.turn,
    availability: bundle.availability,
    memory: {
      askedForProposal: turn.state.askedForProposal,
      proposalsOutside: turn.state.proposalsOutside,
      abuseCount: turn.state.abuseCount,
      unclearCount: turn.state.unclearCount,
      ...(turn.state.reason ? { reason: turn.state.reason } : {}),
    },
    tools,
  };
  const wasVerified = bundle.verified;
  const first = await layer.respond(ctx);
  if (first.memory) turn.state = { ...turn.state, ...first.memory };
  const guarded = await guardReply({
    bundle,
    turn,
    moment: momentOf(turn, wasVerified),
    now: app.clock.now(),
    first,
    layer,
    ctx,
    safeTemplate: () => safeTemplate(bundle, turn),
  });
  turn.state = {
    ...turn.state,
    disclosuresShown: [...turn.state.disclosuresShown, ...guarded.disclosuresAdded],
  };

  const conversationId = ids.conversationId;
  const offer = turn.offers.at(-1);
  let message: WireMessage | null = null;
  try {
    const row = await appendMessage(app.db.prisma, conversationId, {
      role: "assistant",
      text: guarded.text,
      offerId: offer?.id,
      quickReplies: guarded.result.quickReplies,
      meta: {
        ...guarded.result.meta,
        policyVersionId: bundle.policy.versionId,
        intent: u.intent,
        intents: u.intents,
      },
    });
    message = toWire(row);
    await addEvents(app.db.prisma, conversationId, [
      ...turn.decisions.map((d) => ({ kind: "policy.decision", data: d, messageId: row.id })),
      ...guarded.events.map((e) => ({ ...e, messageId: row.id })),
      ...(guarded.result.meta.fallbackReason
        ? [{ kind: "llm.fallback", data: { reason: guarded.result.meta.fallbackReason }, messageId: row.id }]
        : []),
      ...(turn.escalation ? [{ kind: "escalation.opened", data: turn.escalation, messageId: row.id }] : []),
    ]);
  } catch (error) {
    if (!(error instanceof ConversationLockedError)) throw error;
    // A person took over while this reply was being prepared: it is never sent. Offers it would have
    // shown are withdrawn (the debtor never saw them); escalations and decisions stay on the record.
    for (const o of turn.offers) await setOfferStatus(app.db.prisma, o.id, "proposed", "superseded");
    await addEvents(app.db.prisma, conversationId, [
      { kind: "assistant.suppressed", data: { reason: "human_owner" } },
      ...turn.decisions.map((d) => ({ kind: "policy.decision", data: d })),
      ...(turn.escalation ? [{ kind: "escalation.opened", data: turn.escalation }] : []),
    ]);
  }
  await saveState(app.db.prisma, conversationId, turn.state);
  const status = statusOf(turn.state.phase);
  if (status !== before && !turn.escalation) await setCaseStatus(app.db.prisma, ids.caseId, status);
  return {
    message,
    status,
    statusChanged: status !== before,
    ...(turn.escalation ? { escalation: turn.escalation } : {}),
  };
}

export async function declineOffer(
  app: AppContext,
  turn: TurnState,
  offerId: string,
  kind: "full" | "plan" | "settlement",
): Promise<boolean> {
  const declined = await setOfferStatus(app.db.prisma, offerId, "proposed", "declined");
  if (declined) {
    const declinedKinds = turn.state.declinedKinds.includes(kind)
      ? turn.state.declinedKinds
      : [...turn.state.declinedKinds, kind];
    // A decline moves the ladder on; it is not a counter-offer round (`step` counts only those).
    turn.state = { ...turn.state, declinedKinds };
    turn.decisions.push({ tool: "decline", offerId, kind });
  }
  return declined;
}
