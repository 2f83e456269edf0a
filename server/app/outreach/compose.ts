// Composes one outreach message for a case: picks the recipient, issues the message's own debtor
// link (an additional token: the case's existing link is never rotated, decision 0041) and its
// unsubscribe token, renders the template and runs the output guard. Runs inside the caller's
// transaction, which holds the sequence's row lock.
import { hashToken, newSecretToken } from "../../auth/tokens.js";
import type { AmountDue, PolicyPack } from "../../policy/index.js";
import type { ReminderChannel } from "../../policy/schema-reminders.js";
import { debtorLink } from "../cases/case-service.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import { paymentInstructionsForCase, verbatimPaymentDetails } from "../payments/instructions.js";
import { payNowUrl } from "../payments/pay-now-link.js";
import type { TxStores } from "../ports/index.js";
import type { OutreachCase } from "../ports/outreach.js";
import type { PlanFacts } from "./facts-text.js";
import { toE164 } from "./phone.js";
import { OutreachGuardError, renderOutreach } from "./render.js";
import { loadTemplate, TemplateError } from "./templates.js";

export type MessageKind =
  | "reminder"
  | "instalment_due"
  | "instalment_missed"
  | "confirmation"
  | "cancellation"
  | "link"
  | "task";

/** Kinds the 7-day cap counts: what we send unprompted (confirmations and links answer the debtor). */
export const CAPPED_KINDS: readonly MessageKind[] = ["reminder", "instalment_due", "instalment_missed"];

export interface ComposeRequest {
  readonly stepKey: string;
  readonly kind: MessageKind;
  readonly channel: ReminderChannel;
  readonly templateId: string;
  readonly disclosureIds: readonly string[];
  readonly respondBy?: string;
  readonly instalment?: { amount: number; dueDate: string };
  readonly plan?: PlanFacts;
  readonly promiseId?: string;
}

export interface ComposeResult {
  readonly id: string | null;
  readonly status: string;
}

export async function composeMessage(
  ctx: AppContext,
  tx: TxStores,
  c: OutreachCase,
  pack: PolicyPack,
  due: AmountDue,
  req: ComposeRequest,
): Promise<ComposeResult> {
  const now = ctx.clock.now();
  const facts = caseFacts(c);
  const base = {
    caseId: c.id,
    stepKey: req.stepKey,
    kind: req.kind,
    channel: req.channel,
    templateId: req.templateId,
    promiseId: req.promiseId ?? null,
    now,
  };
  const skip = async (why: string) => ({
    id: await tx.outreach.insertMessage({ ...base, status: "skipped", text: "", error: why }),
    status: "skipped",
  });

  if (req.channel === "task") {
    const t = loadTemplate(facts.locale, req.templateId);
    const text = (t.task ?? "").replace(/\{reference\}/g, c.reference);
    return { id: await tx.outreach.insertMessage({ ...base, status: "open", text }), status: "open" };
  }
  const seq = c.outreach;
  let recipient: string | null = null;
  if (req.channel === "email") {
    if (!c.debtor.email) return skip("no e-mail address");
    if (seq?.emailOptOutAt) return skip("e-mail opted out");
    recipient = c.debtor.email;
  } else if (req.channel === "sms") {
    if (!c.debtor.phone) return skip("no phone number");
    if (seq?.smsOptOutAt) return skip("SMS opted out");
    recipient = toE164(c.debtor.phone, c.jurisdiction);
    if (!recipient) return skip("phone number not usable for SMS");
  }

  // The message's own link: an extra token with the usual lifetime, so that re-sending never
  // revokes the link the debtor already has, and each message's opening can be traced.
  const token = newSecretToken();
  const link = await tx.outreach.createLinkToken(
    c.id,
    hashToken(token),
    new Date(now.getTime() + ctx.env.DEBTOR_LINK_TTL_DAYS * 86_400_000),
    now,
  );
  const unsubscribe = req.channel === "email" ? newSecretToken() : null;
  // How to pay, for the templates that say it ({paymentInstructions}); never in an SMS (no figures).
  // An e-mail also carries the pay-now link (GET <link>/pay: Stripe Checkout) when Stripe is set up.
  const payLink = req.channel === "email" ? payNowUrl(debtorLink(ctx, token)) : undefined;
  const pay =
    req.channel === "sms"
      ? null
      : await paymentInstructionsForCase(ctx, c.id, facts.locale, tx, payLink ? { payNowUrl: payLink } : {});
  try {
    const rendered = renderOutreach({
      pack,
      facts,
      due,
      channel: req.channel,
      templateId: req.templateId,
      link: debtorLink(ctx, token),
      ...(unsubscribe ? { unsubscribeUrl: `${ctx.publicUrl}/u/${unsubscribe}` } : {}),
      ...(req.respondBy ? { respondBy: req.respondBy } : {}),
      ...(req.instalment ? { instalment: req.instalment } : {}),
      ...(req.plan ? { plan: req.plan } : {}),
      ...(pay
        ? {
            paymentInstructions: pay.text,
            paymentVerbatim: [...verbatimPaymentDetails(pay.data), ...(payLink ? [payLink] : [])],
          }
        : {}),
      disclosureIds: req.disclosureIds,
      now,
    });
    const status = req.channel === "letter" ? "to_post" : "queued";
    const id = await tx.outreach.insertMessage({
      ...base,
      status,
      recipient,
      subject: rendered.subject || null,
      text: rendered.text,
      html: rendered.html ?? null,
      linkTokenId: link.id,
      unsubscribeTokenHash: unsubscribe ? hashToken(unsubscribe) : null,
    });
    return { id, status };
  } catch (error) {
    if (!(error instanceof OutreachGuardError || error instanceof TemplateError)) throw error;
    // Never sent: the collector sees why on the case page; the log names the template, not the debtor.
    ctx.log.warn({ caseId: c.id, template: req.templateId, err: error.message }, "outreach message refused");
    const id = await tx.outreach.insertMessage({
      ...base,
      status: "failed",
      recipient,
      text: "",
      error: error.message,
    });
    return { id, status: "failed" };
  }
}
