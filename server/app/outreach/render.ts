// Renders one outreach message (e-mail, letter or SMS) from a template and the case facts, then runs
// the whole text through the chat's output guard (checkText): no figure the engine did not produce,
// no forbidden wording, every disclosure rendered. A message that fails is never sent.
import type { CaseFacts, Locale } from "../../domain/case-facts.js";
import { elideBeforePlaceholders } from "../../domain/french-elision.js";
import {
  type AmountDue,
  checkText,
  type PolicyPack,
  renderDisclosure,
  type Violation,
} from "../../policy/index.js";
import { dateText, moneyText } from "../receipts/receipt-text.js";
import { emailLayoutHtml } from "./email-layout.js";
import { breakdown, invoiceList, otherFees, type PlanFacts, planSummary } from "./facts-text.js";
import { loadTemplate, missingFields, TemplateError } from "./templates.js";

export type SendChannel = "email" | "sms" | "letter";

export interface RenderInput {
  readonly pack: PolicyPack;
  readonly facts: CaseFacts;
  readonly due: AmountDue;
  readonly channel: SendChannel;
  readonly templateId: string;
  readonly link: string;
  /** One-click unsubscribe page (e-mail only). */
  readonly unsubscribeUrl?: string;
  /** ISO date the debtor is asked to act by. */
  readonly respondBy?: string;
  readonly instalment?: { readonly amount: number; readonly dueDate: string };
  readonly plan?: PlanFacts;
  /**
   * How to pay (amount due now, bank details, reference to quote), from paymentInstructionsForCase,
   * rendered into {paymentInstructions}; checked by the guard like the rest of the text.
   */
  readonly paymentInstructions?: string;
  /** The bank details and reference quoted as given (verbatimPaymentDetails): the figure checks skip them. */
  readonly paymentVerbatim?: readonly string[];
  readonly disclosureIds: readonly string[];
  readonly now: Date;
  /** Disclosure placeholders such as letterReference / letterDate (FR-1). */
  readonly variables?: Readonly<Record<string, string>>;
  readonly templatesDir?: string;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export class OutreachGuardError extends Error {
  constructor(
    readonly templateId: string,
    readonly violations: readonly Violation[],
  ) {
    super(
      `template ${templateId} fails the output guard: ${violations
        .map((v) => `${v.kind} "${v.match}" (${v.rule})`)
        .join("; ")}`,
    );
  }
}

const FOOTER = {
  fr: { unsubscribe: "Ne plus recevoir ces e-mails", about: "Référence du dossier", colon: " : " },
  en: { unsubscribe: "Stop receiving these e-mails", about: "Account reference", colon: ": " },
} as const;

function fill(
  template: string,
  values: Readonly<Record<string, string>>,
  what: string,
  locale: Locale,
): string {
  const missing: string[] = [];
  const source = elideBeforePlaceholders(template, locale, (name) => values[name]);
  const out = source.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) {
      missing.push(name);
      return whole;
    }
    return v;
  });
  if (missing.length > 0) throw new TemplateError(`${what}: no value for {${missing.join("}, {")}}`);
  return out;
}

/**
 * Paragraphs split on blank lines; wrapped lines joined, list lines ("- ...") kept one per line, and
 * a line after a list (a plan's total) on its own line too.
 */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trim())
        .reduce((out, line, i, lines) => {
          if (i === 0) return line;
          const list = line.startsWith("- ") || (lines[i - 1] as string).startsWith("- ");
          return `${out}${list ? "\n" : " "}${line}`;
        }, ""),
    );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function values(input: RenderInput): Record<string, string> {
  const { facts, due, locale } = { ...input, locale: input.facts.locale };
  const oldest = [...facts.invoices].map((i) => i.dueAt).sort()[0] ?? "";
  return {
    creditorName: facts.creditorName,
    debtorName: facts.debtorName,
    reference: facts.reference,
    invoiceList: invoiceList(facts, locale),
    invoiceNumbers: facts.invoices.map((i) => i.number).join(", "),
    totalDue: moneyText(due.total, due.currency, locale),
    breakdown: breakdown(due, locale),
    oldestDueDate: oldest ? dateText(oldest, locale) : "",
    ...(input.respondBy ? { respondBy: dateText(input.respondBy, locale) } : {}),
    ...(input.instalment
      ? {
          instalmentAmount: moneyText(input.instalment.amount, due.currency, locale),
          instalmentDate: dateText(input.instalment.dueDate, locale),
        }
      : {}),
    ...(input.plan ? { planSummary: planSummary(input.plan, locale) } : {}),
    ...(input.paymentInstructions ? { paymentInstructions: input.paymentInstructions } : {}),
  };
}

function disclosureTexts(input: RenderInput): string[] {
  return input.disclosureIds.map((id) => {
    const d = input.pack.disclosures.find((x) => x.id === id);
    if (!d) throw new TemplateError(`disclosure ${id} is not in pack ${input.pack.id}`);
    const { text, missing } = renderDisclosure(d.text[input.facts.locale], input.facts, input.variables);
    if (missing.length > 0)
      throw new TemplateError(`disclosure ${id}: no value for {${missing.join("}, {")}}`);
    return text;
  });
}

/** Guard check of the words the debtor reads; links are masked (a URL is not a figure). */
export function guardOutgoing(input: RenderInput, words: string): Violation[] {
  const isoDates: Record<string, string> = {};
  if (input.respondBy) isoDates.respondBy = input.respondBy;
  if (input.instalment) isoDates.instalmentDate = input.instalment.dueDate;
  input.plan?.instalments.forEach((i, n) => {
    isoDates[`planDate${n}`] = i.dueDate;
  });
  const engineAmounts = [otherFees(input.due)];
  if (input.instalment) engineAmounts.push(input.instalment.amount);
  if (input.plan) engineAmounts.push(input.plan.total, ...input.plan.instalments.map((i) => i.amount));
  let masked = words.replace(/https?:\/\/\S+/g, "<link>");
  for (const v of input.paymentVerbatim ?? []) if (v) masked = masked.split(v).join(" ");
  const result = checkText(
    masked,
    {
      locale: input.facts.locale,
      facts: input.facts,
      due: input.due,
      approvedOffers: [],
      moment: "message",
      disclosuresShown: [],
      // An SMS may be read by someone else: it is checked as if the reader were not yet verified, so
      // it may carry no figure, invoice number or invoice date (FR-8, US-11, UK-1).
      identityVerified: input.channel !== "sms",
      now: input.now.toISOString(),
      variables: { ...input.variables, ...isoDates },
      engineAmounts,
    },
    input.pack,
  );
  // Disclosures due at a chat moment are the chat's business; outreach names its own (reminders.disclosures).
  return result.violations.filter((v) => v.kind !== "missing_disclosure");
}

export function renderOutreach(input: RenderInput): RenderedMessage {
  const locale: Locale = input.facts.locale;
  const template = loadTemplate(locale, input.templateId, input.templatesDir);
  const missing = missingFields(template, input.channel);
  if (missing.length > 0)
    throw new TemplateError(`${locale}/${input.templateId}: ${input.channel} needs ${missing.join(", ")}`);
  const vals = values(input);
  const where = `${locale}/${input.templateId}`;
  const disclosures = disclosureTexts(input);

  if (input.channel === "sms") {
    const sms = fill(template.sms ?? "", vals, where, locale);
    const text = [`${sms} ${input.link}`, ...disclosures].join("\n");
    const violations = guardOutgoing(input, text);
    if (violations.length > 0) throw new OutreachGuardError(input.templateId, violations);
    return { subject: "", text };
  }

  const subject = fill(template.subject ?? "", vals, where, locale).trim();
  if (!subject) throw new TemplateError(`${where}: the subject is empty once filled`);
  const body = paragraphs(fill(template.body ?? "", vals, where, locale));
  const action = fill(template.action ?? "", vals, where, locale);
  const footer = FOOTER[locale];
  const textParts = [...body, `${action}${footer.colon}${input.link}`, ...disclosures];
  if (input.unsubscribeUrl) textParts.push(`${footer.unsubscribe}${footer.colon}${input.unsubscribeUrl}`);
  const text = textParts.join("\n\n");
  const violations = guardOutgoing(input, `${subject}\n\n${text}`);
  if (violations.length > 0) throw new OutreachGuardError(input.templateId, violations);
  if (input.channel === "letter") return { subject, text };
  return { subject, text, html: emailHtml(input, subject, body, action, disclosures) };
}

/** Text as HTML: escaped, its line breaks kept. */
export const htmlText = (s: string) => escapeHtml(s).replace(/\n/g, "<br/>");

/**
 * An amount kept on one line in HTML: "1 840,00 €" must not wrap after its "1". moneyText writes
 * plain spaces (the text, the guard and the PDF want them); the e-mail binds a French amount's
 * thousands groups and its euro sign with no-break spaces (bank details are left as written).
 */
export const keepFiguresTogether = (escaped: string) =>
  escaped.replace(/(?<!\d)\d{1,3}(?: \d{3})*(?:,\d+)? €/g, (amount) => amount.replaceAll(" ", "&#160;"));

/** A block of paragraphs in one cell of the layout, spaced as separate rows would be. */
const block = (texts: readonly string[], gap: string) =>
  texts.map((t, i) => `<p style="margin:${i === 0 ? "0" : `${gap} 0 0 0`}">${t}</p>`).join("");

/** Responsive e-mail HTML: the layout compiled from MJML, filled with the escaped message. */
function emailHtml(
  input: RenderInput,
  subject: string,
  body: readonly string[],
  action: string,
  disclosures: readonly string[],
): string {
  const footer = FOOTER[input.facts.locale];
  // Trimmed as MJML trims an element's text, so that the filled layout is what MJML would make.
  const t = (s: string) => keepFiguresTogether(htmlText(s.trim()));
  const small = [`${t(footer.about)}${footer.colon}${t(input.facts.reference)}`, ...disclosures.map(t)];
  if (input.unsubscribeUrl)
    small.push(
      `<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#52525b">${t(footer.unsubscribe)}</a>`,
    );
  return emailLayoutHtml({
    lang: input.facts.locale,
    subject: t(subject),
    preview: t(body[1] ?? body[0] ?? subject),
    creditorName: t(input.facts.creditorName),
    paragraphs: block(body.map(t), "20px"),
    link: escapeHtml(input.link),
    action: t(action),
    footer: block(small, "14px"),
  });
}
