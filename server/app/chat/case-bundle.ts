// Everything one chat turn needs about its case, read in one statement (the chat store's turnContext) and kept
// between turns by the chat service (see turn-cache.ts).

import type { RecordedOffer } from "../../agent/language-layer.js";
import type { CaseFacts } from "../../domain/case-facts.js";
import { type ConversationState, readState } from "../../negotiation/conversation-state.js";
import { type AmountDue, amountDue, dateInZone, type OfferTerms, toLocalDate } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import type { PinnedPolicy } from "../policy-registry.js";
import type { TurnCase, TurnConversation, TurnOfferRow } from "../ports/chat.js";
import { type Availability, humanAvailability } from "./availability.js";

export interface CaseBundle {
  readonly detail: TurnCase;
  /** The fingerprint of the case data the bundle was built from (checked when a turn commits). */
  readonly caseFingerprint: string;
  readonly conversationId: string;
  /** The conversation row the bundle was built from (its version is checked when a turn commits). */
  readonly conversation: TurnConversation;
  readonly verified: boolean;
  readonly humanOwnerId: string | null;
  readonly verifyAttempts: number;
  readonly state: ConversationState;
  readonly facts: CaseFacts;
  readonly policy: PinnedPolicy;
  readonly due: AmountDue;
  /** The debtor's calendar date today. */
  readonly today: string;
  readonly offers: readonly RecordedOffer[];
  readonly pendingOffer: RecordedOffer | null;
  /** When a person can answer the debtor. */
  readonly availability: Availability;
}

export function recordedOffer(row: TurnOfferRow, timeZone: string): RecordedOffer {
  const terms = row.terms as unknown as OfferTerms;
  return {
    ...terms,
    id: row.id,
    policyVersionId: row.policyVersionId,
    expiresAt: row.expiresAt.toISOString(),
    expiresOn: toLocalDate(row.expiresAt.toISOString(), timeZone),
  };
}

/** What a bundle derives from the case row alone (and the day, for the amounts). */
interface Derived {
  readonly pack: PinnedPolicy["pack"];
  readonly today: string;
  readonly facts: CaseFacts;
  readonly due: AmountDue;
  readonly offers: readonly RecordedOffer[];
}

// The chat keeps a conversation's case row between turns (turn-cache.ts) and replaces the object
// whenever it reads the case again, so what is derived from one row object stays true for it: the
// facts, the amounts due (for one day and one pack) and the recorded offers are computed once per
// row and day instead of every turn. Everything derived is read-only.
const derivedByRow = new WeakMap<TurnCase, Derived>();

function derive(detail: TurnCase, pack: PinnedPolicy["pack"], now: Date): Derived {
  const known = derivedByRow.get(detail);
  if (known && known.pack === pack && known.today === dateInZone(now, known.facts.timeZone)) return known;
  const facts = caseFacts(detail);
  const today = dateInZone(now, facts.timeZone);
  const made: Derived = {
    pack,
    today,
    facts,
    due: amountDue(facts, pack, today),
    offers: detail.offers.map((o) => recordedOffer(o, facts.timeZone)),
  };
  derivedByRow.set(detail, made);
  return made;
}

/** Builds the bundle from what was read (no database access unless the policy is not cached). */
export async function buildBundle(
  ctx: AppContext,
  detail: TurnCase,
  caseFingerprint: string,
  conversation: TurnConversation,
): Promise<CaseBundle> {
  const policy = await ctx.policies.forVersion(detail.policyVersionId);
  const now = ctx.clock.now();
  const { facts, today, due, offers } = derive(detail, policy.pack, now);
  const pendingRow = detail.offers.find((o) => o.status === "proposed" && o.expiresAt > now);
  return {
    detail,
    caseFingerprint,
    conversationId: conversation.id,
    conversation,
    verified: conversation.verifiedAt !== null,
    humanOwnerId: conversation.humanOwnerId,
    verifyAttempts: conversation.verifyAttempts,
    state: readState(conversation.state),
    facts,
    policy,
    due,
    today,
    offers,
    pendingOffer: pendingRow ? recordedOffer(pendingRow, facts.timeZone) : null,
    availability: humanAvailability(ctx.env.COLLECTOR_HOURS, now, facts.locale),
  };
}

/** Reads the case and conversation afresh (the console's collector offer, tests). */
export async function loadBundle(
  ctx: AppContext,
  caseId: string,
  conversationId: string,
): Promise<CaseBundle> {
  const read = await ctx.stores.chat.turnContext(caseId, conversationId);
  if (!read) throw new Error(`case ${caseId} vanished`);
  return buildBundle(ctx, read.case, read.caseFingerprint, read.conversation);
}
