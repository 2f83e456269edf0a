// Replies the system writes itself, outside any language layer: the greeting with the notices due
// at session start, and the written confirmation of a promise (restating amounts and dates).
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { money, scheduleSummary } from "../../agent/offline/format.js";
import { Reply } from "../../agent/offline/reply.js";
import { addEvent, addEvents, appendMessage, saveState } from "../../db/conversations.js";
import { checkText } from "../../policy/index.js";
import type { AppContext } from "../context.js";
import type { CaseBundle } from "./case-bundle.js";
import { toWire, type WireMessage } from "./wire.js";

function replyFor(bundle: CaseBundle, seed: string): Reply {
  return new Reply(loadCatalogue(bundle.facts.locale), `${bundle.conversationId}:${seed}`, {
    locale: bundle.facts.locale,
    verificationQuestion: bundle.detail.verificationQuestion ?? "",
    availability: bundle.availability,
  });
}

export async function announceGreeting(app: AppContext, bundle: CaseBundle): Promise<WireMessage> {
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
  const row = await appendMessage(app.db.prisma, bundle.conversationId, {
    role: bundle.humanOwnerId ? "system" : "assistant",
    text: full,
    meta: {
      layer: "offline",
      promptId: reply.catalogue.id,
      promptHash: reply.catalogue.hash,
      policyVersionId: bundle.policy.versionId,
    },
  });
  if (ids.length)
    await addEvent(
      app.db.prisma,
      bundle.conversationId,
      "disclosure.added",
      { ids, moment: "session_start" },
      row.id,
    );
  await saveState(app.db.prisma, bundle.conversationId, {
    ...bundle.state,
    disclosuresShown: [...bundle.state.disclosuresShown, ...ids],
  });
  return toWire(row);
}

export async function confirmPromise(
  app: AppContext,
  bundle: CaseBundle,
  promise: { id: string; total: bigint; currency: string; instalments: { dueDate: Date; amount: bigint }[] },
): Promise<WireMessage> {
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
  // The confirmation is an outgoing message like any other: it passes the guard, and the notices
  // due on every message (a US debt-collector line, an opt-out) are appended.
  const text = reply.result().text;
  const check = checkText(
    text,
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
  const row = await appendMessage(app.db.prisma, bundle.conversationId, {
    role: bundle.humanOwnerId ? "system" : "assistant",
    text: [text, ...check.disclosuresToAppend.map((d) => d.text)].join("\n\n"),
    meta: { layer: "system", promiseId: promise.id, policyVersionId: bundle.policy.versionId },
  });
  await addEvents(app.db.prisma, bundle.conversationId, [
    ...(check.violations.length
      ? [{ kind: "guard.template_violation", data: { violations: check.violations }, messageId: row.id }]
      : []),
    ...(ids.length
      ? [{ kind: "disclosure.added", data: { ids, moment: "message" }, messageId: row.id }]
      : []),
  ]);
  await saveState(app.db.prisma, bundle.conversationId, {
    ...bundle.state,
    phase: "promised",
    disclosuresShown: [...bundle.state.disclosuresShown, ...ids],
  });
  return toWire(row);
}
