// One assistant turn, in two steps. prepareTurn: understand the debtor, update the negotiation's
// signals, let the right language layer act through the toolbox, guard the reply; nothing is
// written. commitTurn: claim the turn and write everything it decided in one transaction.
import type { LanguageLayer, TurnContext } from "../../agent/language-layer.js";
import { isSafetyIntent } from "../../agent/offline/intent-routing.js";
import { type Understanding, understand } from "../../agent/offline/nlu/index.js";
import { type ConversationState, statusOf } from "../../negotiation/conversation-state.js";
import type { AppContext } from "../context.js";
import type {
  CaseStatus,
  ChatStore,
  ClaimInput,
  ClaimResult,
  EventWrite,
  HistoryEntry,
  MessageWrite,
  OfferWrite,
  PlainTurnCommit,
  PlainTurnCommitted,
  TurnClaim,
  TurnTxStore,
  TurnWrites,
  WrittenMessage,
} from "../ports/chat.js";
import type { EscalationKind } from "../ports/rows.js";
import type { CaseBundle } from "./case-bundle.js";
import { guardReply, momentOf } from "./output-guard.js";
import { safeTemplate } from "./safe-template.js";
import { CaseToolbox } from "./toolbox.js";
import { declineOpenOffer, newId, startTurnState, type TurnState } from "./turn-state.js";
import type { WireMessage } from "./wire.js";

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
  /** An escalation the debtor took back this turn. */
  readonly withdrawn?: { id: string; kind: string };
}

/** A turn decided in memory, ready to be written. */
export interface PreparedTurn {
  readonly bundle: CaseBundle;
  readonly turn: TurnState;
  /** The assistant's reply; null when a person owns the conversation (nothing to say or write). */
  readonly reply: MessageWrite | null;
  /** Transcript events tied to the reply. */
  readonly events: readonly EventWrite[];
  readonly before: CaseStatus;
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

export async function prepareTurn(
  app: AppContext,
  layers: Layers,
  bundle: CaseBundle,
  history: readonly HistoryEntry[],
  debtorText: string,
  forced?: ForcedIntent,
  /** An offer the debtor declined with the button, before this turn answers it. */
  declined?: { offerId: string; kind: "full" | "plan" | "settlement" },
): Promise<PreparedTurn> {
  const before = statusOf(bundle.state.phase);
  const turn: TurnState = startTurnState(bundle);
  if (declined) declineOffer(bundle, turn, declined.offerId, declined.kind);
  // A person answers while they own the conversation; the assistant stays silent.
  if (bundle.humanOwnerId) return { bundle, turn, reply: null, events: [], before };
  const u = forced
    ? forcedUnderstanding(forced, bundle.facts.locale)
    : understand(debtorText, {
        locale: bundle.facts.locale,
        currency: bundle.facts.currency,
        today: bundle.today,
        ...(turn.state.phase === "verifying" ? { expecting: "identity" as const } : {}),
      });
  turn.state = { ...applySignals(turn.state, u), turn: turn.state.turn + 1 };
  // A "no" to the open offer declines it: the ladder may then move on.
  let pendingOffer = turn.declined.length ? null : bundle.pendingOffer;
  if (pendingOffer && u.intent === "decline" && turn.state.phase === "negotiating") {
    if (declineOffer(bundle, turn, pendingOffer.id, pendingOffer.kind)) pendingOffer = null;
  }
  const tools = new CaseToolbox(app, bundle, turn);
  const phase = turn.state.phase;
  const safety = u.intents.some(isSafetyIntent);
  // An escalation the debtor may still take back is answered by the configured layer (it has the
  // withdraw tool); any other escalated turn gets the offline engine's fixed words.
  const correctable = phase === "escalated" && correctionOpen(turn.state, app.clock.now());
  const layer =
    phase === "verifying" || (phase === "escalated" && !correctable) || phase === "closed" || safety
      ? layers.offline
      : layers.primary;
  const ctx: TurnContext = {
    conversationId: bundle.conversationId,
    locale: bundle.facts.locale,
    phase,
    facts: turn.verified ? bundle.facts : null,
    due: turn.verified ? bundle.due : null,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    pendingOffer,
    history: history.map((h) => ({ role: h.role, text: h.text })),
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
    safeTemplate: () => safeTemplate(bundle, turn, { text: debtorText, tools }),
  });
  turn.state = {
    ...turn.state,
    disclosuresShown: [...turn.state.disclosuresShown, ...guarded.disclosuresAdded],
  };
  const reply: MessageWrite = {
    id: newId(),
    role: "assistant",
    text: guarded.text,
    offerId: turn.offers.at(-1)?.id,
    quickReplies: guarded.result.quickReplies,
    meta: {
      ...guarded.result.meta,
      policyVersionId: bundle.policy.versionId,
      intent: u.intent,
      intents: u.intents,
    },
  };
  const events: EventWrite[] = [
    ...turn.decisions.map((d) => ({ kind: "policy.decision", data: d, messageId: reply.id })),
    ...guarded.events.map((e) => ({ ...e, messageId: reply.id })),
    ...(guarded.result.meta.fallbackReason
      ? [{ kind: "llm.fallback", data: { reason: guarded.result.meta.fallbackReason }, messageId: reply.id }]
      : []),
    ...(turn.escalation ? [{ kind: "escalation.opened", data: turn.escalation, messageId: reply.id }] : []),
  ];
  return { bundle, turn, reply, events, before };
}

/** The escalation's correction window, as the conversation remembers it, has not passed. */
function correctionOpen(state: ConversationState, now: Date): boolean {
  return state.correction !== undefined && new Date(state.correction.until).getTime() > now.getTime();
}

/** Thrown inside the transaction when the turn read data that changed meanwhile: it reruns. */
export class StaleTurnError extends Error {
  constructor() {
    super("the conversation or the case changed while the turn was prepared");
    this.name = "StaleTurnError";
  }
}

export interface CommittedTurn extends TurnOutput {
  /** The claim's result: "answered" means another turn answered first and nothing was written. */
  readonly claim: ClaimResult["status"];
  /** The conversation's version and owner after the commit (for the cache). */
  readonly version: number;
  readonly humanOwnerId: string | null;
  /** Messages written, in order, with their numbers (`action`: an action's record, not conversation). */
  readonly written: readonly {
    id: string;
    seq: number;
    role: string;
    text: string;
    createdAt: Date;
    action: boolean;
  }[];
  /** True when case data (offers, status, escalation, promise) was written. */
  readonly caseWritten: boolean;
  /**
   * When the turn's only case write was its status and nothing else changed the case meanwhile (the
   * commit's version is the read one plus that write's): the new status and version, so that the
   * cache keeps the case instead of reading it again (decision 0114).
   */
  readonly caseAfter?: { readonly status: CaseStatus; readonly fingerprint: string };
}

/** A turn's writes, as they are when nobody owns the conversation and when a person took it over meanwhile. */
function turnWrites(
  app: AppContext,
  prepared: PreparedTurn,
  leading: readonly MessageWrite[],
  suppressed: boolean,
): { writes: TurnWrites; reply: MessageWrite | null; offers: OfferWrite[] } {
  const { bundle, turn, before } = prepared;
  const status = statusOf(turn.state.phase);
  const reply = prepared.reply && !suppressed ? prepared.reply : null;
  const lastOffer = turn.offerWrites.at(-1);
  const offers: OfferWrite[] = turn.offerWrites.map((o) => ({
    ...o,
    status: turn.declined.includes(o.id)
      ? "declined"
      : o === lastOffer && !suppressed && !turn.escalationWrite
        ? "proposed"
        : "superseded",
  }));
  // A person took over while this reply was being prepared: it is never sent. Offers it would have
  // shown are recorded withdrawn (the debtor never saw them); escalations and decisions stay.
  const events: EventWrite[] = suppressed
    ? [
        { kind: "assistant.suppressed", data: { reason: "human_owner" } },
        ...turn.decisions.map((d) => ({ kind: "policy.decision", data: d })),
        ...(turn.escalation ? [{ kind: "escalation.opened", data: turn.escalation }] : []),
      ]
    : [...prepared.events];
  const caseStatus: CaseStatus | null = turn.escalationWrite
    ? null
    : status !== before
      ? status
      : (turn.caseStatus ?? null);
  return {
    reply,
    offers,
    writes: {
      conversationId: bundle.conversationId,
      caseId: bundle.detail.id,
      messages: [...leading, ...(reply ? [reply] : [])],
      events,
      offers,
      declined: turn.declined.filter((id) => !turn.offerWrites.some((o) => o.id === id)),
      supersedeOpen: turn.offerWrites.length > 0,
      caseStatus,
      cancelPromiseId: turn.cancelPromiseId ?? null,
      now: app.clock.now(),
    },
  };
}

/**
 * Writes a prepared turn whole or not at all. A turn with no writes of its own (most of them) is
 * claimed and written in one statement; one that accepts an offer (`inside`), opens an escalation
 * or withdraws one runs in a transaction: the claim (one statement), then offers, messages, events,
 * case status (one statement), then its own writes. `leading` messages (an action's record) are
 * written before the reply. Throws StaleTurnError when what the turn read changed: nothing is kept.
 */
export async function commitTurn(
  app: AppContext,
  store: ChatStore,
  prepared: PreparedTurn,
  claim: TurnClaim,
  leading: readonly MessageWrite[] = [],
  /** Writes of the use case's own (an accepted offer's promise), after the claim. */
  inside?: (tx: TurnTxStore) => Promise<void>,
): Promise<CommittedTurn> {
  const plain = inside ? null : plainCommit(app, prepared, claim, leading);
  if (plain) return plain.finish(await store.commitPlainTurn(plain.input));
  const { bundle, turn } = prepared;
  const claimInput = claimOf(prepared, claim);
  const assistantReply = prepared.reply?.role === "assistant";
  return store.turn(async (tx) => {
    const claimed = await tx.claim(claimInput);
    if (claimed.status === "stale") throw new StaleTurnError();
    if (claimed.status === "answered") return answered(prepared);
    const suppressed = claimed.humanOwnerId !== null && assistantReply;
    if (inside) await inside(tx);
    const plan = turnWrites(app, prepared, leading, suppressed);
    const written = await tx.write(plan.writes);
    if (turn.withdrawal) {
      // A collector who picked the escalation up (or took the conversation over) meanwhile makes it
      // final: the turn reruns and says so, or stays silent under the takeover.
      if (suppressed) throw new StaleTurnError();
      const withdrawn = await tx.withdrawEscalation({
        ...turn.withdrawal,
        caseId: bundle.detail.id,
        conversationId: bundle.conversationId,
        at: app.clock.now(),
        messageId: plan.reply?.id,
      });
      if (!withdrawn) throw new StaleTurnError();
    }
    if (turn.escalationWrite) {
      await tx.openEscalation({
        id: turn.escalationWrite.id,
        caseId: bundle.detail.id,
        kind: turn.escalationWrite.kind as EscalationKind,
        summary: turn.escalationWrite.summary,
      });
    }
    return committed(prepared, claimed, plan, written);
  });
}

function claimOf(prepared: PreparedTurn, claim: TurnClaim): ClaimInput {
  const { bundle, turn } = prepared;
  return {
    conversationId: bundle.conversationId,
    caseId: bundle.detail.id,
    claim,
    version: bundle.conversation.version,
    caseFingerprint: bundle.caseFingerprint,
    write: {
      state: turn.state,
      verifyAttempts: turn.verifyAttempts,
      verifiedAt: turn.verifiedAt,
      lockedAt: turn.lockedAt,
    },
  };
}

/**
 * A prepared turn with no writes of its own (no escalation opened or withdrawn), as the input of the
 * one statement that claims and writes it, and what to make of that statement's result (throws
 * StaleTurnError when what the turn read changed). Null for a turn that needs a transaction.
 */
export function plainCommit(
  app: AppContext,
  prepared: PreparedTurn,
  claim: TurnClaim,
  leading: readonly MessageWrite[] = [],
): { input: PlainTurnCommit; finish(out: PlainTurnCommitted): CommittedTurn } | null {
  if (prepared.turn.withdrawal || prepared.turn.escalationWrite) return null;
  const assistantReply = prepared.reply?.role === "assistant";
  const free = turnWrites(app, prepared, leading, false);
  const owned = assistantReply ? turnWrites(app, prepared, leading, true) : free;
  return {
    input: { claim: claimOf(prepared, claim), free: free.writes, owned: owned.writes },
    finish(out) {
      if (out.claim.status === "stale") throw new StaleTurnError();
      if (out.claim.status === "answered") return answered(prepared);
      const suppressed = out.claim.humanOwnerId !== null && assistantReply;
      return committed(prepared, out.claim, suppressed ? owned : free, out.written, out.caseFingerprint);
    },
  };
}

/** Another turn answered (or greeted) first: nothing was written. */
function answered(prepared: PreparedTurn): CommittedTurn {
  return {
    claim: "answered",
    version: prepared.bundle.conversation.version,
    humanOwnerId: prepared.bundle.humanOwnerId,
    message: null,
    status: prepared.before,
    statusChanged: false,
    written: [],
    caseWritten: false,
  };
}

/** What a claimed turn wrote, for the broadcast and the cache (no read-back). */
function committed(
  prepared: PreparedTurn,
  claimed: { humanOwnerId: string | null; version: number },
  plan: { writes: TurnWrites; reply: MessageWrite | null; offers: OfferWrite[] },
  written: readonly WrittenMessage[],
  /** The case's version after the commit, when the commit read it (a plain turn's). */
  caseFingerprint?: string,
): CommittedTurn {
  const { turn, before } = prepared;
  const status = statusOf(turn.state.phase);
  const { writes, reply, offers } = plan;
  const rows = written.map((w) => {
    const m = writes.messages.find((x) => x.id === w.id);
    return { ...w, role: m?.role ?? "system", text: m?.text ?? "", action: m?.meta?.action !== undefined };
  });
  const otherCaseWrites =
    offers.length > 0 ||
    turn.declined.length > 0 ||
    turn.escalationWrite !== undefined ||
    turn.withdrawal !== undefined ||
    turn.cancelPromiseId !== undefined;
  const caseAfter = otherCaseWrites
    ? undefined
    : statusOnlyAfter(prepared.bundle.caseFingerprint, caseFingerprint, writes.caseStatus);
  const replyRow = reply ? rows.find((r) => r.id === reply.id) : undefined;
  const offer = reply?.offerId ? offers.find((o) => o.id === reply.offerId) : undefined;
  return {
    claim: "claimed",
    version: claimed.version,
    humanOwnerId: claimed.humanOwnerId,
    message: replyRow && reply ? wireOf(replyRow, reply, offer) : null,
    status,
    statusChanged: status !== before,
    ...(turn.escalation ? { escalation: turn.escalation } : {}),
    ...(turn.withdrawal ? { withdrawn: { id: turn.withdrawal.id, kind: turn.withdrawal.kind } } : {}),
    written: rows,
    caseWritten: otherCaseWrites || writes.caseStatus !== null,
    ...(caseAfter ? { caseAfter } : {}),
  };
}

/**
 * The case as the turn leaves it, when its status is all the turn changed: the version it read
 * (an integer as text, decision 0114) plus one, the status write's own raise. Anything else (a
 * payment recorded while the turn ran, an offer it wrote) makes the versions differ: read again.
 */
function statusOnlyAfter(
  read: string | null,
  after: string | undefined,
  status: CaseStatus | null,
): CommittedTurn["caseAfter"] {
  if (status === null || read === null || after === undefined) return undefined;
  return Number(after) === Number(read) + 1 ? { status, fingerprint: after } : undefined;
}

/** The wire shape of a message just written (no read-back). */
export function wireOf(
  row: { id: string; createdAt: Date },
  message: MessageWrite,
  offer?: OfferWrite,
): WireMessage {
  return {
    id: row.id,
    role: message.role,
    text: message.text,
    createdAt: row.createdAt.toISOString(),
    ...(offer
      ? {
          offer: {
            id: offer.id,
            kind: offer.kind,
            total: offer.total,
            currency: offer.currency,
            instalments: offer.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount })),
            expiresAt: offer.expiresAt.toISOString(),
            status: offer.status,
          },
        }
      : {}),
    ...(message.quickReplies?.length ? { quickReplies: [...message.quickReplies] } : {}),
    ...(message.role === "system" && typeof message.meta?.notice === "string"
      ? { notice: message.meta.notice }
      : {}),
  };
}

/** The debtor said no to an open offer: it counts as declined, and the ladder moves on. */
export function declineOffer(
  bundle: CaseBundle,
  turn: TurnState,
  offerId: string,
  kind: "full" | "plan" | "settlement",
): boolean {
  const declined = declineOpenOffer(bundle, turn, offerId);
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
