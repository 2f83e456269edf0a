// What one turn changes, gathered in memory as the tools run, then written by the turn runner in
// one transaction (nothing is written while the language layer thinks).
import { randomUUID } from "node:crypto";
import type { RecordedOffer } from "../../agent/language-layer.js";
import type { ConversationState } from "../../negotiation/conversation-state.js";
import type { PolicyNotice } from "../../policy/index.js";
import type { CaseStatus, OfferWrite } from "../ports/chat.js";
import type { CaseBundle } from "./case-bundle.js";

export interface TurnState {
  state: ConversationState;
  verified: boolean;
  verifyAttempts: number;
  verifiedAt: Date | null;
  lockedAt: Date | null;
  offers: RecordedOffer[];
  /** The offers this turn made, to record (the last one stays open). */
  offerWrites: OfferWrite[];
  /** Open offers (earlier ones or this turn's) the debtor declined during this turn. */
  declined: string[];
  escalation?: { id: string; kind: string };
  /** The escalation to record with the turn. */
  escalationWrite?: { id: string; kind: string; summary: Record<string, unknown> };
  /** The pack's fixed text for that escalation, shown ahead of the reply. */
  escalationNotice?: PolicyNotice;
  /** An open escalation the debtor took back this turn (written with the reply). */
  withdrawal?: { id: string; kind: string; words: string };
  /** A case status a tool set (identity verified, promise withdrawn). */
  caseStatus?: CaseStatus;
  /** An active promise the debtor withdrew. */
  cancelPromiseId?: string;
  lastRefusal?: string;
  /** Money figures from refusals' public bounds, which the reply may quote. */
  quotedAmounts: number[];
  /**
   * Payment details the reply quotes as given (IBAN, sort code, account numbers, reference): the
   * guard checks figures and dates in the rest of the text, not in these (a sort code reads as a date).
   */
  verbatim?: string[];
  decisions: Record<string, unknown>[];
}

export function startTurnState(bundle: CaseBundle, state: ConversationState = bundle.state): TurnState {
  return {
    state,
    verified: bundle.verified,
    verifyAttempts: bundle.verifyAttempts,
    verifiedAt: bundle.conversation.verifiedAt,
    lockedAt: bundle.conversation.lockedAt,
    offers: [],
    offerWrites: [],
    declined: [],
    quotedAmounts: [],
    decisions: [],
  };
}

/** True when the offer is open as far as this turn knows (then it counts as declined). */
export function declineOpenOffer(bundle: CaseBundle, turn: TurnState, offerId: string): boolean {
  if (turn.declined.includes(offerId)) return false;
  // A new offer this turn supersedes every earlier one: only it is still open then.
  const open =
    turn.offers.at(-1)?.id === offerId ||
    (turn.offerWrites.length === 0 &&
      bundle.detail.offers.some((o) => o.id === offerId && o.status === "proposed"));
  if (!open) return false;
  turn.declined.push(offerId);
  return true;
}

export const newId = () => randomUUID();
