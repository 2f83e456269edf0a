// policy:check's outreach half: renders every template a pack uses (its reminder steps and the
// system messages: confirmations, instalment reminders, the link) in every locale with sample facts,
// and runs each through the output guard. One line per problem, "ok" per clean pack.
import type { CaseFacts, Locale } from "../../domain/case-facts.js";
import { type AmountNow, buildInstructions } from "../../domain/payments/instructions.js";
import { addDays, amountDue, type LoadedPack, type PolicyPack } from "../../policy/index.js";
import type { ReminderChannel } from "../../policy/schema-reminders.js";
import { renderPaymentInstructions, verbatimPaymentDetails } from "../payments/instructions.js";
import { renderOutreach, type SendChannel } from "./render.js";
import { loadTemplate, missingFields, SYSTEM_TEMPLATES } from "./templates.js";

const LOCALES: readonly Locale[] = ["fr", "en"];
const ZONES = { FR: "Europe/Paris", US: "America/New_York", UK: "Europe/London" } as const;

export function sampleFacts(pack: PolicyPack, locale: Locale, today: string): CaseFacts {
  const jurisdiction = pack.jurisdictions[0] ?? "FR";
  return {
    reference: "INV-SAMPLE-1",
    creditorName: "Atelier Sample",
    debtorName: "Sample Debtor",
    debtorKind: pack.debtorKinds[0] ?? "business",
    locale,
    jurisdiction,
    currency: pack.currencies[0] ?? "EUR",
    timeZone: ZONES[jurisdiction],
    invoices: [
      { number: "F-2026-041", issuedAt: addDays(today, -70), dueAt: addDays(today, -40), amount: 123_456 },
      { number: "F-2026-057", issuedAt: addDays(today, -50), dueAt: addDays(today, -20), amount: 45_000 },
    ],
  };
}

interface Use {
  readonly template: string;
  readonly channel: ReminderChannel;
  readonly disclosures: readonly string[];
  readonly where: string;
}

export function templateUses(pack: PolicyPack): Use[] {
  const r = pack.reminders;
  if (!r) return [];
  const uses: Use[] = r.steps.map((s, i) => ({
    template: s.template,
    channel: s.channel,
    disclosures: [...s.disclosures, ...r.disclosures],
    where: `reminders.steps[${i}] (${s.id})`,
  }));
  for (const id of Object.values(SYSTEM_TEMPLATES)) {
    uses.push({ template: id, channel: "email", disclosures: r.disclosures, where: `system ${id}` });
    if (id !== SYSTEM_TEMPLATES.cancelled)
      uses.push({ template: id, channel: "sms", disclosures: r.disclosures, where: `system ${id} (sms)` });
  }
  return uses;
}

export async function checkOutreachTemplates(
  loaded: readonly LoadedPack[],
  options: { templatesDir?: string; today?: string } = {},
): Promise<{ ok: boolean; lines: string[] }> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lines: string[] = [];
  let ok = true;
  for (const { file, pack } of loaded) {
    let packOk = true;
    const fail = (line: string) => {
      packOk = false;
      lines.push(`${file} ${line}`);
    };
    for (const locale of LOCALES) {
      const facts = sampleFacts(pack, locale, today);
      const due = amountDue(facts, pack, today);
      for (const use of templateUses(pack)) {
        try {
          const t = loadTemplate(locale, use.template, options.templatesDir);
          const missing = missingFields(t, use.channel);
          if (missing.length > 0) {
            fail(`${use.where}: ${locale}/${use.template} has no ${missing.join(", ")} for ${use.channel}`);
            continue;
          }
          if (use.channel === "task") continue; // shown to collectors only, never sent
          // Sample payment instructions (bank details, reference), as compose.ts fills them.
          const system = (Object.values(SYSTEM_TEMPLATES) as string[]).includes(use.template);
          const payNow: AmountNow = system
            ? { what: "instalment", amount: 20_000, dueDate: addDays(today, 3), seq: 1, count: 2 }
            : { what: "total", amount: due.total, dueDate: null };
          const pay = buildInstructions({
            payee: { name: facts.creditorName, iban: "FR7630006000011234567890189", bic: "AGRIFRPPXXX" },
            currency: facts.currency,
            now: payNow,
            reference: "AMSAMPLE1",
            payNowAvailable: false,
          });
          renderOutreach({
            pack,
            facts,
            due,
            channel: use.channel as SendChannel,
            templateId: use.template,
            link: "https://amiable.example/c/sample",
            unsubscribeUrl: "https://amiable.example/u/sample",
            respondBy: addDays(today, 8),
            instalment: { amount: 20_000, dueDate: addDays(today, 3) },
            plan: {
              total: 60_000,
              currency: facts.currency,
              instalments: [
                { amount: 20_000, dueDate: addDays(today, 3) },
                { amount: 40_000, dueDate: addDays(today, 33) },
              ],
            },
            paymentInstructions: renderPaymentInstructions(pay, locale),
            paymentVerbatim: verbatimPaymentDetails(pay),
            disclosureIds: use.disclosures,
            now: new Date(`${today}T09:00:00Z`),
            templatesDir: options.templatesDir,
          });
        } catch (error) {
          fail(`${use.where}: ${locale}: ${(error as Error).message}`);
        }
      }
    }
    if (packOk) lines.push(`ok ${file} (${pack.id}) outreach templates`);
    ok &&= packOk;
  }
  return { ok, lines };
}
