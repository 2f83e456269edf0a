// The policy pack: one YAML file per jurisdiction and debtor kind, validated here. Objects are strict
// so that a misspelt key is an error instead of a silently ignored setting.
import { z } from "zod";
import type { Locale } from "../domain/case-facts.js";
import { currencySchema, nonEmptyText, refineUnique } from "./schema-common.js";
import { faqSchema } from "./schema-faq.js";
import { feesSchema, limitationSchema } from "./schema-fees.js";
import { ladderSchema } from "./schema-ladder.js";
import { limitsSchema } from "./schema-limits.js";
import { remindersSchema } from "./schema-reminders.js";
import {
  type CaseFlag,
  disclosureSchema,
  escalationSchema,
  forbiddenWordingSchema,
  guardSchema,
} from "./schema-text.js";
import { findForbiddenWording } from "./wording.js";

const LOCALES: readonly Locale[] = ["fr", "en"];

export const jurisdictionSchema = z.enum(["FR", "US", "UK"]);
export const debtorKindSchema = z.enum(["business", "consumer"]);

const uniqueStrings = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .min(1, { error: `list at least one ${what}` })
    .superRefine((values, ctx) => {
      values.forEach((v, i) => {
        if (values.indexOf(v) !== i)
          ctx.addIssue({ code: "custom", path: [i], message: `duplicate ${what} "${v}"` });
      });
    });

export const policyPackSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "pack id must be lower-case words joined by hyphens" }),
    name: nonEmptyText,
    description: z.string().optional(),
    jurisdictions: uniqueStrings(jurisdictionSchema, "jurisdiction"),
    debtorKinds: uniqueStrings(debtorKindSchema, "debtor kind"),
    /** Case currencies this pack accepts; amounts in the pack are minor units of the case currency. */
    currencies: uniqueStrings(currencySchema, "currency"),
    limits: limitsSchema,
    ladder: ladderSchema,
    fees: feesSchema,
    limitation: limitationSchema,
    disclosures: z.array(disclosureSchema).superRefine(refineUnique("id", "disclosure id")),
    forbiddenWording: z.array(forbiddenWordingSchema).superRefine(refineUnique("id", "wording id")),
    escalation: escalationSchema,
    guard: guardSchema,
    /** The outreach sequence (optional: a pack without one sends no reminders). */
    reminders: remindersSchema.optional(),
    faq: faqSchema,
  })
  .strict()
  .superRefine((pack, ctx) => {
    // Checks that span sections; they run once every section is well-formed on its own.
    const add = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });

    pack.ladder.steps.forEach((step, i) => {
      if (step.waive?.interest && !pack.fees.lateInterest)
        add(
          ["ladder", "steps", i, "waive", "interest"],
          "cannot waive late interest: fees.lateInterest is not set",
        );
      if (step.waive?.indemnity && !pack.fees.recoveryIndemnity)
        add(
          ["ladder", "steps", i, "waive", "indemnity"],
          "cannot waive the indemnity: fees.recoveryIndemnity is not set",
        );
      if (step.kind === "settlement" && pack.limits.discountTiers.length === 0)
        add(
          ["ladder", "steps", i, "kind"],
          "a settlement step needs at least one entry in limits.discountTiers",
        );
      const window =
        step.kind === "settlement"
          ? pack.limits.settlementPayWithinDays.value
          : pack.limits.firstPaymentWithinDays.value;
      if (step.dueInDays !== undefined && step.dueInDays > window)
        add(["ladder", "steps", i, "dueInDays"], `must be at most ${window} (the payment window in limits)`);
      // A step reserved to hardship answers to the hardship limit; any other step can reach a
      // debtor without hardship, so it answers to the standard one.
      const hardshipOnly = step.requires?.includes("hardship") === true;
      const maxCount =
        hardshipOnly && pack.limits.hardship
          ? pack.limits.hardship.maxInstalments.value
          : pack.limits.maxInstalments.value;
      const limitName =
        hardshipOnly && pack.limits.hardship ? "limits.hardship.maxInstalments" : "limits.maxInstalments";
      if (step.instalments !== undefined && maxCount >= 1 && step.instalments > maxCount)
        add(["ladder", "steps", i, "instalments"], `must be at most ${maxCount} (${limitName})`);
      if (step.cadence !== undefined && !pack.limits.cadences.value.includes(step.cadence))
        add(["ladder", "steps", i, "cadence"], `cadence "${step.cadence}" is not in limits.cadences`);
    });

    const indemnity = pack.fees.recoveryIndemnity;
    if (indemnity) {
      // The indemnity is a fixed amount in one currency; we refuse other currencies rather than convert.
      pack.currencies.forEach((c, i) => {
        if (c !== indemnity.currency)
          add(["currencies", i], `currency ${c} cannot carry the ${indemnity.currency} recovery indemnity`);
      });
    }

    const disclosureIds = new Set(pack.disclosures.map((d) => d.id));
    const barredDisclosure = pack.limitation.timeBarred.disclosure;
    if (barredDisclosure !== undefined && !disclosureIds.has(barredDisclosure))
      add(["limitation", "timeBarred", "disclosure"], `no disclosure with id "${barredDisclosure}"`);

    pack.limitation.overrides.forEach((o, i) => {
      if (!pack.jurisdictions.includes(o.jurisdiction))
        add(
          ["limitation", "overrides", i, "jurisdiction"],
          `${o.jurisdiction} is not one of this pack's jurisdictions`,
        );
    });

    const reminders = pack.reminders;
    if (reminders) {
      reminders.disclosures.forEach((id, i) => {
        if (!disclosureIds.has(id)) add(["reminders", "disclosures", i], `no disclosure with id "${id}"`);
      });
      reminders.steps.forEach((step, i) => {
        step.disclosures.forEach((id, j) => {
          if (!disclosureIds.has(id))
            add(["reminders", "steps", i, "disclosures", j], `no disclosure with id "${id}"`);
        });
      });
    }

    const kinds = new Set(pack.escalation.map((t) => t.kind));
    if (pack.jurisdictions.includes("FR") && !kinds.has("surendettement"))
      add(["escalation"], "an FR pack must handle the surendettement escalation (FR-6)");
    if (pack.jurisdictions.includes("UK") && !kinds.has("breathing_space"))
      add(["escalation"], "a UK pack must handle the breathing_space escalation (UK-13)");

    // The system shows these texts verbatim, past the output guard: they must pass the pack's own
    // wording check, at its strictest (a time-barred case, where more categories are forbidden).
    const strictest = new Set<CaseFlag>(["time_barred"]);
    const ownWording = (path: (string | number)[], text: string, locale: Locale) => {
      for (const hit of findForbiddenWording(text, pack, locale, strictest))
        add(path, `uses forbidden wording "${hit.match}" (forbiddenWording ${hit.entry.id})`);
    };
    for (const locale of LOCALES) {
      for (const [i, t] of pack.escalation.entries())
        ownWording(["escalation", i, "handling", locale], t.handling[locale], locale);
      for (const [i, d] of pack.disclosures.entries())
        ownWording(["disclosures", i, "text", locale], d.text[locale], locale);
      for (const [topic, answer] of Object.entries(pack.faq ?? {}))
        if (answer) ownWording(["faq", topic, locale], answer[locale], locale);
    }
  });

export type PolicyPack = z.infer<typeof policyPackSchema>;
/** The YAML shape before defaults are applied. */
export type PolicyPackInput = z.input<typeof policyPackSchema>;
