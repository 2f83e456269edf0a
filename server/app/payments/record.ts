// A payment that arrives by itself (a Stripe webhook, a bank statement line): recorded like the
// console's (allocated to the oldest unpaid instalments, the promise kept when all is paid), then
// the debtor is told in the chat, in their language, what was received.

import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { money } from "../../agent/offline/format.js";
import { type ConsoleDeps, deliver } from "../console/deps.js";
import { afterPaymentRecorded } from "../console/payments.js";
import type { RecordPaymentResult } from "../ports/console.js";

export interface ExternalPayment {
  readonly caseId: string;
  readonly instalmentId?: string | undefined;
  readonly amount: bigint;
  readonly currency: string;
  readonly paidAt: Date;
  /** What makes it unique for the case: the Stripe payment intent, the bank's line reference. */
  readonly externalRef: string;
  readonly source: "stripe" | "statement";
  /** Who recorded it: "stripe", or the user who imported the statement. */
  readonly recordedById: string;
}

export async function recordExternalPayment(
  deps: ConsoleDeps,
  input: ExternalPayment,
): Promise<RecordPaymentResult> {
  const { ctx } = deps;
  const result = await ctx.stores.promises.recordPayment({ ...input, at: ctx.clock.now() });
  if (result.status !== "recorded" || !result.created) return result;
  await tellDebtor(deps, input, result.promise?.changed === true && result.promise.status === "kept");
  await afterPaymentRecorded(deps, input.caseId, result);
  return result;
}

/** A system message in the debtor's conversation: "We have received your payment of …". */
async function tellDebtor(deps: ConsoleDeps, input: ExternalPayment, kept: boolean): Promise<void> {
  const { ctx } = deps;
  const found = await ctx.stores.cases.debtorLocale(input.caseId);
  if (!found) return;
  const locale = found.debtor.locale;
  const conversation = await ctx.stores.conversations.getOrCreate(input.caseId);
  const text = loadCatalogue(locale).render(
    kept ? "payment_received_kept" : "payment_received",
    { amount: money(Number(input.amount), input.currency, locale) },
    `${conversation.id}:payment:${input.externalRef}`,
  );
  const row = await deps.chat.enqueue(conversation.id, () =>
    // The same row lock as a chat turn's claim: the notice never races a reply for its number.
    ctx.stores.conversations.postStaffMessage(conversation.id, {
      role: "system",
      text,
      meta: { kind: "payment.received", source: input.source, amount: Number(input.amount) },
    }),
  );
  deliver(deps, input.caseId, conversation.id, row);
}
