// The assistant's own counter to a debtor who asks for a lump-sum settlement: instead of handing the
// debtor's request to the engine (which counters at the pack's opening rate, then at its per-round
// maximum), it proposes a small concession sized by server/negotiation/concession.ts, measured from
// the settlement already on the table. The engine still decides: the proposal is the model's, so
// it is accepted only within what the policy allows now, and anything else falls back to the
// engine's own answer to the debtor's terms: the ladder's next step while no discount is available
// yet (a plan; on fr-business the waiver of charges to a debtor who offered prompt payment), a person
// when nothing more may be conceded.
import { askedBpsOf, nextSettlementBps, settlementTotal } from "../../negotiation/concession.js";
import type { Proposal } from "../../policy/index.js";
import type { ToolOutcome, TurnContext } from "../language-layer.js";

/**
 * The discount a lump-sum settlement request asks for, or null when it is not one. A full payment
 * without the charges ("enlevez les pénalités") is not: the engine answers it with the pack's waiver.
 */
export function askedDiscountBps(proposal: Proposal, amountDue: number): number | null {
  if (proposal.kind !== "settlement") return null;
  if (proposal.total !== undefined && proposal.total < amountDue)
    return askedBpsOf(amountDue, proposal.total);
  if ((proposal.discountBps ?? 0) > 0) return proposal.discountBps ?? null;
  return null;
}

/**
 * Puts the assistant's smaller counter on the table when the debtor asks for more off than it is
 * ready to give this round; null when the debtor's own terms should go to the engine as they are.
 */
export async function counterSettlement(ctx: TurnContext, proposal: Proposal): Promise<ToolOutcome | null> {
  const due = ctx.due?.total ?? 0;
  const asked = askedDiscountBps(proposal, due);
  if (asked === null || asked <= 0) return null;
  const pending = ctx.pendingOffer;
  const previous = pending?.kind === "settlement" ? pending.discountBps : 0;
  const next = nextSettlementBps(previous, asked);
  if (next >= asked) return null;
  const total = settlementTotal(due, next);
  if (pending?.kind === "settlement" && total >= pending.total) return null;
  const outcome = await ctx.tools.makeOffer({
    proposal: {
      source: "model",
      kind: "settlement",
      total,
      ...(proposal.firstDate ? { firstDate: proposal.firstDate } : {}),
    },
  });
  // Shown as a counter to what the debtor asked, which it is. Refused (no discount available yet,
  // nothing more to concede): the engine answers the debtor's own terms, with the ladder's next step.
  return outcome.offer ? { ...outcome, decision: "counter" } : null;
}
