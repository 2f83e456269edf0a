// What one turn changes, gathered as the tools run, then persisted by the turn runner.
import type { RecordedOffer } from "../../agent/language-layer.js";
import type { ConversationState } from "../../negotiation/conversation-state.js";

export interface TurnState {
  state: ConversationState;
  verified: boolean;
  verifyAttempts: number;
  offers: RecordedOffer[];
  escalation?: { id: string; kind: string };
  lastRefusal?: string;
  /** Money figures from refusals' public bounds, which the reply may quote. */
  quotedAmounts: number[];
  decisions: Record<string, unknown>[];
}
