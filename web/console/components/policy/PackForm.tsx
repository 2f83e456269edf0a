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
import { type Binding, ChoiceList, errorsAt, NumberField, TextField } from "./fields.js";
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
          <NumberField b={b} path={["limits", "maxInstalments", "value"]} label={t("Maximum instalments")} />
          <NumberField
            b={b}
            path={["limits", "minInstalment", "value"]}
            label={t("Minimum instalment")}
            unit="money"
          />
          <NumberField
            b={b}
            path={["limits", "maxPlanMonths", "value"]}
            label={t("Maximum plan length (months)")}
          />
          <NumberField
            b={b}
            path={["limits", "firstPaymentWithinDays", "value"]}
            label={t("First payment within")}
            unit="days"
          />
          <NumberField
            b={b}
            path={["limits", "minDownPaymentBps", "value"]}
            label={t("Minimum down payment")}
            unit="bps"
          />
          <NumberField
            b={b}
            path={["limits", "settlementPayWithinDays", "value"]}
            label={t("Settlement paid within")}
            unit="days"
          />
          {getAt(b.pack, ["limits", "promiseBrokenAfterDays"]) !== undefined && (
            <NumberField
              b={b}
              path={["limits", "promiseBrokenAfterDays", "value"]}
              label={t("Promise broken after")}
              unit="days"
            />
          )}
          <ChoiceList
            b={b}
            path={["limits", "cadences", "value"]}
            label={t("Payment cadences")}
            options={["weekly", "biweekly", "monthly"]}
            optionLabel={(c) => (currentLang() === "fr" && CADENCES[c] ? t(CADENCES[c]) : c)}
          />
        </div>
        {hardship && (
          <>
            <h3>{t("Under hardship")}</h3>
            <div className="grid">
              <NumberField
                b={b}
                path={["limits", "hardship", "maxInstalments", "value"]}
                label={t("Maximum instalments under hardship")}
              />
              <NumberField
                b={b}
                path={["limits", "hardship", "minInstalment", "value"]}
                label={t("Minimum instalment under hardship")}
                unit="money"
              />
              <NumberField
                b={b}
                path={["limits", "hardship", "maxPlanMonths", "value"]}
                label={t("Maximum plan length under hardship (months)")}
              />
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
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "daysPastDue", "from"]}
              label={t("Tier {n}: days past due from", { n: i + 1 })}
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "daysPastDue", "to"]}
              label={t("to (blank: and above)")}
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "balance", "from"]}
              label={t("balance from")}
              unit="money"
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "balance", "to"]}
              label={t("balance to")}
              unit="money"
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "maxDiscountBps"]}
              label={t("maximum discount")}
              unit="bps"
            />
          </div>
        ))}
      </Section>

      <Section title={t("Concession ladder")}>
        <div className="grid">
          <NumberField
            b={b}
            path={["ladder", "counterStepBps", "value"]}
            label={t("Counter-offer step")}
            unit="bps"
          />
          <NumberField
            b={b}
            path={["ladder", "maxCounterRounds", "value"]}
            label={t("Counter-offer rounds")}
          />
          <NumberField
            b={b}
            path={["ladder", "offerValidDays", "value"]}
            label={t("Offer valid for")}
            unit="days"
          />
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
          {fees.recoveryIndemnity !== undefined && (
            <NumberField
              b={b}
              path={["fees", "recoveryIndemnity", "amount"]}
              label={t("Recovery indemnity per invoice")}
              unit="money"
            />
          )}
          {fees.lateInterest !== undefined && (
            <NumberField
              b={b}
              path={["fees", "lateInterest", "marginBps"]}
              label={t("Late interest margin over the ECB rate")}
              unit="bps"
            />
          )}
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
            <TextField b={b} path={["disclosures", i, "text", "fr"]} label={t("Français")} />
            <TextField b={b} path={["disclosures", i, "text", "en"]} label={t("English")} />
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
            <TextField b={b} path={["escalation", i, "handling", "fr"]} label={t("Français")} />
            <TextField b={b} path={["escalation", i, "handling", "en"]} label={t("English")} />
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
