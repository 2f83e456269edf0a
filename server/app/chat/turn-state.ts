// What one turn changes, gathered as the tools run, then persisted by the turn runner.
import type { RecordedOffer } from "../../agent/language-layer.js";
import type { ConversationState } from "../../negotiation/conversation-state.js";
import type { PolicyNotice } from "../../policy/index.js";

export interface TurnState {
  state: ConversationState;
  verified: boolean;
  verifyAttempts: number;
  offers: RecordedOffer[];
  escalation?: { id: string; kind: string };
  /** The pack's fixed text for that escalation, shown ahead of the reply. */
  escalationNotice?: PolicyNotice;
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
