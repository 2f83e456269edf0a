// Replies the system writes itself, outside any language layer: the greeting with the notices due
// at session start, and the written confirmation of a promise (restating amounts and dates). They
// are composed here and written by the chat service with the rest of their turn, in one transaction.
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { money, scheduleSummary } from "../../agent/offline/format.js";
import { Reply } from "../../agent/offline/reply.js";
import { nextInstalmentDue } from "../../domain/payments/instructions.js";
import type { ConversationState } from "../../negotiation/conversation-state.js";
import { checkText } from "../../policy/index.js";
import type { AppContext } from "../context.js";
import {
  type loadPaymentInstructions,
  renderPaymentInstructions,
  verbatimPaymentDetails,
} from "../payments/instructions.js";
import type { EventWrite, MessageWrite } from "../ports/chat.js";
import type { CaseBundle } from "./case-bundle.js";
import { newId } from "./turn-state.js";

/** A system reply ready to write: the message, its events, the conversation state after it. */
export interface SystemReply {
  readonly message: MessageWrite;
  readonly events: EventWrite[];
  readonly state: ConversationState;
}

function replyFor(bundle: CaseBundle, seed: string): Reply {
  return new Reply(loadCatalogue(bundle.facts.locale), `${bundle.conversationId}:${seed}`, {
    locale: bundle.facts.locale,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    availability: bundle.availability,
  });
}

export function composeGreeting(app: AppContext, bundle: CaseBundle): SystemReply {
  const reply = replyFor(bundle, "greeting");
  reply.say("greeting", { question: reply.question() });
  const text = reply.result().text;
  const check = checkText(
    text,
    {
      locale: bundle.facts.locale,
      facts: bundle.facts,
      due: bundle.due,
      approvedOffers: [],
      moment: "session_start",
      disclosuresShown: bundle.state.disclosuresShown,
      identityVerified: false,
      now: app.clock.now().toISOString(),
    },
    bundle.policy.pack,
  );
  const ids = check.disclosuresToAppend.map((d) => d.id);
  // The notices come first: a debtor must know they talk to an AI before answering anything.
  const full = [...check.disclosuresToAppend.map((d) => d.text), text].join("\n\n");
  const message: MessageWrite = {
    id: newId(),
    role: bundle.humanOwnerId ? "system" : "assistant",
    text: full,
    meta: {
      layer: "offline",
      promptId: reply.catalogue.id,
      promptHash: reply.catalogue.hash,
      policyVersionId: bundle.policy.versionId,
    },
  };
  return {
    message,
    events: ids.length
      ? [{ kind: "disclosure.added", data: { ids, moment: "session_start" }, messageId: message.id }]
      : [],
    state: { ...bundle.state, disclosuresShown: [...bundle.state.disclosuresShown, ...ids] },
  };
}

export function composePromiseConfirmation(
  app: AppContext,
  bundle: CaseBundle,
  promise: { id: string; total: bigint; currency: string; instalments: { dueDate: Date; amount: bigint }[] },
  /** How to pay it (loadPaymentInstructions, read by the caller before the turn's transaction). */
  instructions: Awaited<ReturnType<typeof loadPaymentInstructions>>,
): SystemReply {
  const reply = replyFor(bundle, `promise:${promise.id}`);
  const locale = bundle.facts.locale;
  const instalments = promise.instalments.map((i) => ({
    dueDate: i.dueDate.toISOString().slice(0, 10),
    amount: Number(i.amount),
  }));
  reply.say("promise_confirmed", {
    schedule: scheduleSummary(instalments, promise.currency, locale),
    total: money(Number(promise.total), promise.currency, locale),
  });
  // And how to pay it, with the reference to quote (the page's "Pay now" sits under this promise).
  // The instructions were read before this promise was written: what is asked for now is its first
  // instalment, not the whole balance.
  const forThisPromise = instructions && {
    ...instructions,
    promiseId: promise.id,
    outstanding: Number(promise.total),
    now: nextInstalmentDue(instalments.map((i, k) => ({ ...i, seq: k + 1, paidAmount: 0 }))),
  };
  if (forThisPromise) {
    reply.raw(
      renderPaymentInstructions(forThisPromise, locale, { payNowHint: true, seed: `promise:${promise.id}` }),
    );
  }
  // The confirmation is an outgoing message like any other: it passes the guard, and the notices
  // due on every message (a US debt-collector line, an opt-out) are appended.
  const text = reply.result().text;
  let checked = text;
  // Bank details and the reference are quoted as given: the figure checks do not read them.
  for (const v of forThisPromise ? verbatimPaymentDetails(forThisPromise) : [])
    if (v) checked = checked.split(v).join(" ");
  const check = checkText(
    checked,
    {
      locale,
      facts: bundle.facts,
      due: bundle.due,
      approvedOffers: bundle.offers.map((o) => ({ ...o, expiresAt: o.expiresOn })),
      moment: "message",
      disclosuresShown: bundle.state.disclosuresShown,
      identityVerified: true,
      now: app.clock.now().toISOString(),
    },
    bundle.policy.pack,
  );
  const ids = check.disclosuresToAppend.map((d) => d.id);
  // While a person owns the conversation the assistant may not speak: the system confirms instead.
  const message: MessageWrite = {
    id: newId(),
    role: bundle.humanOwnerId ? "system" : "assistant",
    text: [text, ...check.disclosuresToAppend.map((d) => d.text)].join("\n\n"),
    meta: { layer: "system", promiseId: promise.id, policyVersionId: bundle.policy.versionId },
  };
  return {
    message,
    events: [
      ...(check.violations.length
        ? [
            {
              kind: "guard.template_violation",
              data: { violations: check.violations },
              messageId: message.id,
            },
          ]
        : []),
      ...(ids.length
        ? [{ kind: "disclosure.added", data: { ids, moment: "message" }, messageId: message.id }]
        : []),
    ],
    state: {
      ...bundle.state,
      phase: "promised",
      disclosuresShown: [...bundle.state.disclosuresShown, ...ids],
    },
  };
}
