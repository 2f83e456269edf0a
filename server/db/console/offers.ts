// An offer a collector makes by hand during a takeover: terms checked by the policy engine (in the
// use case), recorded with source "collector", and shown to the debtor as an agent message with the
// plan card, in one transaction with the audit row. Only the conversation's owner may do it.

import type { CollectorOfferResult } from "../../app/ports/console.js";
import type { NewOfferRecord } from "../../app/ports/negotiation.js";
import { appendAudit } from "../audit.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import { insertStaffMessage, lockConversation } from "./messages.js";

export type { CollectorOfferResult };

export async function recordCollectorOffer(
  prisma: Prisma,
  input: { offer: NewOfferRecord; conversationId: string; userId: string; text: string; at: Date },
): Promise<CollectorOfferResult> {
  return prisma.$transaction(async (tx) => {
    const conv = await lockConversation(tx, input.conversationId);
    if (!conv.humanOwnerId) return { status: "not_owned" };
    if (conv.humanOwnerId !== input.userId) return { status: "owned_by_other", ownerId: conv.humanOwnerId };
    const o = input.offer;
    await tx.offer.updateMany({
      where: { caseId: o.caseId, status: "proposed" },
      data: { status: "superseded", decidedAt: input.at },
    });
    const offer = await tx.offer.create({
      data: {
        caseId: o.caseId,
        kind: o.kind,
        total: BigInt(o.total),
        currency: o.currency,
        discountBps: o.discountBps,
        instalments: o.instalments as unknown as P.InputJsonValue,
        terms: o.terms as P.InputJsonValue,
        rule: o.rule,
        policyVersionId: o.policyVersionId,
        source: "collector",
        expiresAt: o.expiresAt,
      },
    });
    const message = await insertStaffMessage(tx, input.conversationId, {
      role: "agent",
      text: input.text,
      authorId: input.userId,
      offerId: offer.id,
      meta: { layer: "human", policyVersionId: o.policyVersionId, rule: o.rule },
    });
    await tx.conversationEvent.create({
      data: {
        conversationId: input.conversationId,
        messageId: message.id,
        kind: "policy.decision",
        data: {
          tool: "collector_offer",
          offerId: offer.id,
          rule: o.rule,
          decision: "accept",
          userId: input.userId,
        },
      },
    });
    await appendAudit(tx, {
      actorType: "user",
      actorId: input.userId,
      action: "offer.create",
      entity: "case",
      entityId: o.caseId,
      data: {
        offerId: offer.id,
        kind: o.kind,
        total: o.total,
        currency: o.currency,
        discountBps: o.discountBps,
        rule: o.rule,
      },
    });
    return { status: "offered", offerId: offer.id, message };
  });
}
