// The payment instructions of one case, for every place the debtor looks (chat, receipt, calendar,
// debtor page, e-mails): what is due now (the next instalment of a live promise, else the balance),
// the creditor's bank route, the reference to quote, the creditor's payment page and whether a card
// payment can be started. `paymentInstructionsForCase` is the one entry point others reuse.
import { loadCatalogue } from "../../agent/offline/catalogue.js";
import { date as dateText, money } from "../../agent/offline/format.js";
import type { Locale } from "../../domain/case-facts.js";
import {
  type AmountNow,
  buildInstructions,
  nextInstalmentDue,
  type PaymentInstructions,
} from "../../domain/payments/instructions.js";
import { newPaymentReference } from "../../domain/payments/payment-reference.js";
import { amountDue, dateInZone } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { AppContext } from "../context.js";
import type { InstructionsStore } from "../ports/payments.js";
import type { PolicyVersionReader } from "../ports/policies.js";

/** Where the instructions are read: the service's stores, or an open transaction's (TxStores). */
export interface InstructionStores {
  readonly instructions: InstructionsStore;
  readonly policies: PolicyVersionReader;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function payNowConfigured(ctx: AppContext): boolean {
  return Boolean(ctx.env.STRIPE_SECRET_KEY);
}

/** The instructions as data, or null for an unknown case. */
export async function loadPaymentInstructions(
  ctx: AppContext,
  caseId: string,
  db: InstructionStores = ctx.stores,
): Promise<
  | (PaymentInstructions & {
      readonly locale: Locale;
      readonly promiseId: string | null;
      /** What is left to pay in all: the live promise's unpaid instalments, else the balance. */
      readonly outstanding: number;
    })
  | null
> {
  const row = await db.instructions.caseForInstructions(caseId);
  if (!row) return null;
  const reference =
    row.paymentReference ?? (await db.instructions.ensurePaymentReference(row.id, newPaymentReference()));
  const promise = row.promises[0];
  let now: AmountNow;
  let outstanding: number;
  if (promise) {
    outstanding = promise.instalments.reduce((s, i) => s + Number(i.amount - i.paidAmount), 0);
    now = nextInstalmentDue(
      promise.instalments.map((i) => ({
        seq: i.seq,
        dueDate: day(i.dueDate),
        amount: Number(i.amount),
        paidAmount: Number(i.paidAmount),
      })),
    );
  } else {
    const policy = await ctx.policies.forVersion(row.policyVersionId, db.policies);
    const facts = caseFacts(row);
    const due = amountDue(facts, policy.pack, dateInZone(ctx.clock.now(), facts.timeZone));
    outstanding = Math.max(0, due.total);
    now = due.total > 0 ? { what: "total", amount: due.total, dueDate: null } : { what: "nothing" };
  }
  const c = row.creditor;
  const instructions = buildInstructions({
    payee: {
      name: c.name,
      displayName: c.displayName,
      accountHolder: c.bankHolder,
      iban: c.iban,
      bic: c.bic,
      ukSortCode: c.ukSortCode,
      ukAccountNumber: c.ukAccountNumber,
      usRoutingNumber: c.usRoutingNumber,
      usAccountNumber: c.usAccountNumber,
      paymentUrl: c.paymentUrl,
      contactEmail: c.contactEmail,
      contactPhone: c.contactPhone,
    },
    currency: row.currency,
    now,
    reference,
    payNowAvailable: payNowConfigured(ctx),
  });
  return { ...instructions, locale: row.debtor.locale, promiseId: promise?.id ?? null, outstanding };
}

/** An IBAN in groups of four, as printed. */
export function groups(text: string): string {
  return text.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The instructions in words, from the offline catalogue (prompts/offline/<locale>.yaml, keys pay_*),
 * so the chat, the documents and the e-mails say the same thing. `payNowHint` names the page's
 * "Pay now" button (only where that button is: the chat page).
 */
export function renderPaymentInstructions(
  instr: PaymentInstructions,
  locale: Locale,
  options: {
    readonly payNowHint?: boolean;
    readonly seed?: string;
    /** An e-mail's pay-now link (payNowUrl): said when online payment is configured. */
    readonly payNowUrl?: string;
  } = {},
): string {
  const cat = loadCatalogue(locale);
  const seed = options.seed ?? instr.reference;
  const say = (key: string, params: Record<string, string | number> = {}) => cat.render(key, params, seed);
  const amount = (n: number) => money(n, instr.currency, locale);
  const parts: string[] = [];
  const now = instr.now;
  if (now.what === "nothing") return say("pay_nothing_due");
  if (now.what === "instalment")
    parts.push(
      say("pay_amount_instalment", {
        amount: amount(now.amount),
        date: dateText(now.dueDate, locale),
        seq: now.seq,
        count: now.count,
      }),
    );
  else parts.push(say("pay_amount_total", { amount: amount(now.amount) }));
  const bank = instr.bank;
  if (bank?.kind === "iban")
    parts.push(
      bank.bic
        ? say("pay_bank_iban_bic", { holder: bank.holder, iban: groups(bank.iban), bic: bank.bic })
        : say("pay_bank_iban", { holder: bank.holder, iban: groups(bank.iban) }),
    );
  else if (bank?.kind === "uk")
    parts.push(
      say("pay_bank_uk", {
        holder: bank.holder,
        sortCode: bank.sortCode.replace(/^(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3"),
        accountNumber: bank.accountNumber,
      }),
    );
  else if (bank?.kind === "us")
    parts.push(
      say("pay_bank_us", {
        holder: bank.holder,
        routingNumber: bank.routingNumber,
        accountNumber: bank.accountNumber,
      }),
    );
  parts.push(say("pay_reference", { reference: instr.referenceText }));
  if (instr.paymentUrl) parts.push(say("pay_online", { payee: instr.payee, url: instr.paymentUrl }));
  if (instr.payNow && options.payNowHint) parts.push(say("pay_now_button"));
  if (instr.payNow && options.payNowUrl) parts.push(say("pay_now_link", { url: options.payNowUrl }));
  const contact = [instr.contact.email, instr.contact.phone].filter(Boolean).join(", ");
  if (!bank && !instr.paymentUrl && !(instr.payNow && options.payNowHint))
    parts.push(
      contact
        ? say("pay_no_route_contact", { payee: instr.payee, contact })
        : say("pay_no_route", { payee: instr.payee }),
    );
  else if (contact) parts.push(say("pay_contact", { payee: instr.payee, contact }));
  return parts.join(" ");
}

/**
 * The payment instructions of a case as words and data, in the debtor's language (or `locale`):
 * for e-mails, reminders and anything else that must tell the debtor how to pay. Null for an
 * unknown case. `db` is the caller's open transaction, if any (the outreach composes inside one).
 */
export async function paymentInstructionsForCase(
  ctx: AppContext,
  caseId: string,
  locale?: Locale,
  db?: InstructionStores,
  render: { readonly payNowUrl?: string } = {},
): Promise<{ text: string; data: PaymentInstructions } | null> {
  const loaded = await loadPaymentInstructions(ctx, caseId, db);
  if (!loaded) return null;
  const { locale: debtorLocale, promiseId: _promise, outstanding: _outstanding, ...data } = loaded;
  return { text: renderPaymentInstructions(data, locale ?? debtorLocale, render), data };
}

/** Every form in which the instructions print the payment details (see renderPaymentInstructions). */
export function verbatimPaymentDetails(data: PaymentInstructions): string[] {
  const out = [data.referenceText, data.reference];
  const bank = data.bank;
  if (bank?.kind === "iban") out.push(groups(bank.iban), bank.iban, ...(bank.bic ? [bank.bic] : []));
  if (bank?.kind === "uk")
    out.push(bank.sortCode.replace(/^(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3"), bank.sortCode, bank.accountNumber);
  if (bank?.kind === "us") out.push(bank.routingNumber, bank.accountNumber);
  if (data.paymentUrl) out.push(data.paymentUrl);
  if (data.contact.phone) out.push(data.contact.phone);
  return out;
}
