// Recording a payment (console form or POST /api/payments from an accounting integration):
// idempotent on (caseId, externalRef), allocated to the named instalment or to the oldest unpaid
// ones; the promise becomes kept when everything is paid, and the case then closes.

import { paymentInput } from "../../../contract/console-inputs.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { readState } from "../../negotiation/conversation-state.js";
import type { Actor } from "../context.js";
import type { ConsoleDeps } from "./deps.js";

const DAY = 86_400_000;

export async function recordPayment(deps: ConsoleDeps, actor: Actor, body: unknown) {
  const input = parseOrThrow(paymentInput, body, "payment");
  const { ctx } = deps;
  const now = ctx.clock.now();
  const paidAt = new Date(input.paidAt.length === 10 ? `${input.paidAt}T00:00:00Z` : input.paidAt);
  if (paidAt.getTime() > now.getTime() + DAY) {
    throw new AppError("validation_failed", "Invalid payment: paidAt: must not be in the future", [
      { path: "paidAt", message: "must not be in the future" },
    ]);
  }
  const result = await ctx.stores.promises.recordPayment({
    caseId: input.caseId,
    instalmentId: input.instalmentId,
    amount: BigInt(input.amount),
    currency: input.currency,
    paidAt,
    externalRef: input.externalRef,
    recordedById: actor.userId,
    at: now,
  });
  switch (result.status) {
    case "no_case":
      throw notFound("Case");
    case "currency_mismatch":
      throw new AppError(
        "validation_failed",
        `Invalid payment: currency: the case is in ${result.expected}`,
        [{ path: "currency", message: `must be the case currency ${result.expected}` }],
      );
    case "no_instalment":
      throw new AppError(
        "validation_failed",
        "Invalid payment: instalmentId: no such instalment on this case",
        [{ path: "instalmentId", message: "no such instalment on this case" }],
      );
    case "duplicate_ref_differs":
      throw new AppError(
        "conflict",
        "A different payment with this externalRef is already recorded for this case.",
        {
          paymentId: result.payment.id,
        },
      );
  }
  const { payment, allocations, promise } = result;
  await afterPaymentRecorded(deps, input.caseId, result);
  return {
    created: result.created,
    payment: {
      id: payment.id,
      caseId: payment.caseId,
      instalmentId: payment.instalmentId,
      amount: Number(payment.amount),
      currency: payment.currency,
      paidAt: payment.paidAt.toISOString(),
      externalRef: payment.externalRef,
    },
    allocations: allocations.map((a) => ({ instalmentId: a.instalmentId, amount: Number(a.amount) })),
    promise: promise ? { id: promise.id, status: promise.status } : null,
  };
}

/** Tells the console (and the debtor's page) what a new payment changed; a kept promise closes the case. */
export async function afterPaymentRecorded(
  deps: ConsoleDeps,
  caseId: string,
  result: {
    created: boolean;
    promise: { id: string; status: string; changed: boolean; caseClosed: boolean } | null;
  },
): Promise<void> {
  const { promise } = result;
  if (!promise || !(promise.changed || result.created)) return;
  deps.ctx.events.publish({ type: "promise.updated", caseId, promiseId: promise.id, status: promise.status });
  if (promise.changed && promise.caseClosed) await closeConversation(deps, caseId);
}

/** A kept promise closes the case: the conversation's phase follows and the debtor sees the state. */
export async function closeConversation(deps: ConsoleDeps, caseId: string): Promise<void> {
  const conv = await deps.ctx.stores.conversations.ofCase(caseId);
  if (!conv) {
    deps.ctx.events.publish({ type: "case.status", caseId, status: "closed" });
    return;
  }
  await deps.chat.enqueue(conv.id, async () => {
    const fresh = await deps.ctx.stores.conversations.state(conv.id);
    if (!fresh) throw new Error(`conversation ${conv.id} vanished`);
    await deps.ctx.stores.conversations.saveState(conv.id, { ...readState(fresh.state), phase: "closed" });
  });
  deps.ctx.events.publish({ type: "case.status", caseId, conversationId: conv.id, status: "closed" });
}
