// A pack's settings grouped as a policy editor thinks of them: limits and discount tiers, the
// concession ladder, fees, the reminder sequence, disclosures and wording per locale, escalation
// texts, FAQ answers. Sections the form
// does not group yet (forbidden wording, limitation, guard, and whatever other teams add to the
// pack) are named at the end and edited in the YAML view.
import type { ReactNode } from "react";
import { currentLang, t } from "../../i18n.js";
import type { PageText } from "../../words-fr.js";
import { Code } from "../common.js";
import { FaqForm } from "./FaqForm.js";
import { type Binding, errorsAt, FieldList, type FieldSpec, NumberField } from "./fields.js";
import { getAt } from "./paths.js";
import { RemindersForm } from "./RemindersForm.js";

/** A disclosure's moment and an escalation's action in words (the code stays in the YAML view). */
const MOMENTS: Record<string, PageText> = {
  session_start: "at the start of a conversation",
  before_first_amount: "before the first amount",
  offer: "with each offer",
  settlement: "with a settlement",
  message: "with every message",
};
const ACTIONS: Record<string, PageText> = {
  stop_and_handoff: "stop and hand to a person",
  handoff: "hand to a person",
  close: "close",
  verify: "check the identity",
};
const CADENCES: Record<string, PageText> = {
  weekly: "weekly",
  biweekly: "every two weeks",
  monthly: "monthly",
};
/** The pack's limits, in the order a policy editor reads them. */
const LIMITS: readonly FieldSpec[] = [
  { path: ["maxInstalments", "value"], label: "Maximum instalments" },
  { path: ["minInstalment", "value"], label: "Minimum instalment", unit: "money" },
  { path: ["maxPlanMonths", "value"], label: "Maximum plan length (months)" },
  { path: ["firstPaymentWithinDays", "value"], label: "First payment within", unit: "days" },
  { path: ["minDownPaymentBps", "value"], label: "Minimum down payment", unit: "bps" },
  { path: ["settlementPayWithinDays", "value"], label: "Settlement paid within", unit: "days" },
  { path: ["promiseBrokenAfterDays", "value"], label: "Promise broken after", unit: "days", optional: true },
  {
    kind: "choices",
    path: ["cadences", "value"],
    label: "Payment cadences",
    options: ["weekly", "biweekly", "monthly"],
    optionLabel: (c) => (currentLang() === "fr" && CADENCES[c] ? t(CADENCES[c]) : c),
  },
];
const HARDSHIP: readonly FieldSpec[] = [
  { path: ["maxInstalments", "value"], label: "Maximum instalments under hardship" },
  { path: ["minInstalment", "value"], label: "Minimum instalment under hardship", unit: "money" },
  { path: ["maxPlanMonths", "value"], label: "Maximum plan length under hardship (months)" },
];
/** A discount tier's fields, below its place in the list ({n}: the tier's number). */
const TIER: readonly FieldSpec[] = [
  { path: ["daysPastDue", "from"], label: "Tier {n}: days past due from" },
  { path: ["daysPastDue", "to"], label: "to (blank: and above)" },
  { path: ["balance", "from"], label: "balance from", unit: "money" },
  { path: ["balance", "to"], label: "balance to", unit: "money" },
  { path: ["maxDiscountBps"], label: "maximum discount", unit: "bps" },
];
const LADDER: readonly FieldSpec[] = [
  { path: ["counterStepBps", "value"], label: "Counter-offer step", unit: "bps" },
  { path: ["maxCounterRounds", "value"], label: "Counter-offer rounds" },
  { path: ["offerValidDays", "value"], label: "Offer valid for", unit: "days" },
];
/** Each shown when the pack has that fee. */
const FEES: readonly FieldSpec[] = [
  {
    path: ["recoveryIndemnity", "amount"],
    label: "Recovery indemnity per invoice",
    unit: "money",
    optional: true,
  },
  {
    path: ["lateInterest", "marginBps"],
    label: "Late interest margin over the ECB rate",
    unit: "bps",
    optional: true,
  },
];
/** A text written per language (a disclosure, an escalation's handling). */
const PER_LANGUAGE: readonly FieldSpec[] = [
  { kind: "text", path: ["fr"], label: "Français" },
  { kind: "text", path: ["en"], label: "English" },
];
const momentText = (m: string) => (MOMENTS[m] ? t(MOMENTS[m]) : m);
const actionText = (a: string) => (ACTIONS[a] ? t(ACTIONS[a]) : a);

const GROUPED = new Set([
  "id",
  "name",
  "description",
  "jurisdictions",
  "debtorKinds",
  "currencies",
  "limits",
  "ladder",
  "fees",
  "disclosures",
  "escalation",
  "reminders",
  "faq",
]);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card policy-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

const list = (b: Binding, path: string) => {
  const v = getAt(b.pack, path.split("."));
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
};

export function PackForm({ b }: { b: Binding }) {
  const tiers = list(b, "limits.discountTiers");
  const steps = list(b, "ladder.steps");
  const disclosures = list(b, "disclosures");
  const escalations = list(b, "escalation");
  const hardship = getAt(b.pack, ["limits", "hardship"]) !== undefined;
  const fees = (getAt(b.pack, ["fees"]) ?? {}) as Record<string, unknown>;
  const others = Object.keys(b.pack).filter((k) => !GROUPED.has(k));
  return (
    <div className="policy-form">
      <Section title={t("Limits")}>
        <div className="grid">
          <FieldList b={b} base={["limits"]} fields={LIMITS} />
        </div>
        {hardship && (
          <>
            <h3>{t("Under hardship")}</h3>
            <div className="grid">
              <FieldList b={b} base={["limits", "hardship"]} fields={HARDSHIP} />
            </div>
          </>
        )}
        <h3>{t("Discount tiers")}</h3>
        {tiers.length === 0 && <p className="empty">{t("No tier: no settlement discount.")}</p>}
        {errorsAt(b.errors, "limits.discountTiers")
          .slice(0, 3)
          .map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        {tiers.map((_, i) => (
          <div className="grid policy-tier" key={`tier-${i.toString()}`}>
            <FieldList b={b} base={["limits", "discountTiers", i]} fields={TIER} words={{ n: i + 1 }} />
          </div>
        ))}
      </Section>

      <Section title={t("Concession ladder")}>
        <div className="grid">
          <FieldList b={b} base={["ladder"]} fields={LADDER} />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("Step")}</th>
              <th scope="col">{t("Kind")}</th>
              <th scope="col">{t("Instalments")}</th>
              <th scope="col">{t("Due in (days)")}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={String(s.id ?? i)}>
                <td>{String(s.id ?? "")}</td>
                <td>{s.kind === undefined ? "" : <Code value={String(s.kind)} />}</td>
                <td>
                  {s.kind === "plan" ? (
                    <NumberField
                      b={b}
                      path={["ladder", "steps", i, "instalments"]}
                      label={t("{step} instalments", { step: String(s.id) })}
                    />
                  ) : (
                    "–"
                  )}
                </td>
                <td>
                  <NumberField
                    b={b}
                    path={["ladder", "steps", i, "dueInDays"]}
                    label={t("{step} due in", { step: String(s.id) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t("Fees")}>
        <div className="grid">
          <FieldList b={b} base={["fees"]} fields={FEES} />
        </div>
        {fees.recoveryIndemnity === undefined && fees.lateInterest === undefined && (
          <p className="muted">{t("No late interest and no indemnity in this pack.")}</p>
        )}
        <p className="hint">
          {t("Contractual fees: {count} (edit them in the YAML view).", {
            count: list(b, "fees.contractualFees").length || t("none"),
          })}
        </p>
      </Section>

      <Section title={t("Reminder sequence")}>
        <RemindersForm b={b} />
      </Section>

      <Section title={t("Disclosures and wording")}>
        {disclosures.map((d, i) => (
          <fieldset key={String(d.id ?? i)} className="policy-text">
            <legend>
              <code>{String(d.id)}</code> <span className="hint">({momentText(String(d.moment ?? ""))})</span>
            </legend>
            <FieldList b={b} base={["disclosures", i, "text"]} fields={PER_LANGUAGE} />
          </fieldset>
        ))}
      </Section>

      <Section title={t("Escalation texts")}>
        {escalations.map((e, i) => (
          <fieldset key={String(e.kind ?? i)} className="policy-text">
            <legend>
              <Code value={String(e.kind)} />{" "}
              <span className="hint">({actionText(String(e.action ?? ""))})</span>
            </legend>
            <FieldList b={b} base={["escalation", i, "handling"]} fields={PER_LANGUAGE} />
          </fieldset>
        ))}
      </Section>

      <Section title={t("FAQ answers")}>
        <FaqForm b={b} />
      </Section>

      <Section title={t("Other sections")}>
        <p className="muted">
          {t("Edited in the YAML view: {sections}.", {
            sections: others.length > 0 ? others.join(", ") : t("none"),
          })}
        </p>
      </Section>
    </div>
  );
}
