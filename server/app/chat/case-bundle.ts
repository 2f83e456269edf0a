// Everything one chat turn needs about its case, loaded once per turn.

import type { RecordedOffer } from "../../agent/language-layer.js";
import { type CaseForTurn, getCaseForTurn } from "../../db/cases.js";
import { getConversation } from "../../db/conversations.js";
import type { CaseFacts } from "../../domain/case-facts.js";
import { type ConversationState, readState } from "../../negotiation/conversation-state.js";
import { type AmountDue, amountDue, dateInZone, type OfferTerms, toLocalDate } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import type { PinnedPolicy } from "../policy-registry.js";
import { type Availability, humanAvailability } from "./availability.js";

export interface CaseBundle {
  readonly detail: CaseForTurn;
  readonly conversationId: string;
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

export function recordedOffer(row: CaseForTurn["offers"][number], timeZone: string): RecordedOffer {
  const terms = row.terms as unknown as OfferTerms;
  return {
    ...terms,
    id: row.id,
    policyVersionId: row.policyVersionId,
    expiresAt: row.expiresAt.toISOString(),
    expiresOn: toLocalDate(row.expiresAt.toISOString(), timeZone),
  };
}

export async function loadBundle(
  ctx: AppContext,
  caseId: string,
  conversationId: string,
): Promise<CaseBundle> {
  const detail = await getCaseForTurn(ctx.db.prisma, caseId);
  if (!detail) throw new Error(`case ${caseId} vanished`);
  const conversation = await getConversation(ctx.db.prisma, conversationId);
  const policy = await ctx.policies.forVersion(detail.policyVersionId);
  const facts = caseFacts(detail);
  const now = ctx.clock.now();
  const today = dateInZone(now, facts.timeZone);
  const offers = detail.offers.map((o) => recordedOffer(o, facts.timeZone));
  const pendingRow = detail.offers.find((o) => o.status === "proposed" && o.expiresAt > now);
  return {
    detail,
    conversationId,
    verified: conversation.verifiedAt !== null,
    humanOwnerId: conversation.humanOwnerId,
    verifyAttempts: conversation.verifyAttempts,
    state: readState(conversation.state),
    facts,
    policy,
    due: amountDue(facts, policy.pack, today),
    today,
    offers,
    pendingOffer: pendingRow ? recordedOffer(pendingRow, facts.timeZone) : null,
    availability: humanAvailability(ctx.env.COLLECTOR_HOURS, now, facts.locale),
  };
}
