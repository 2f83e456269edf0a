// A pack's settings grouped as a policy editor thinks of them: limits and discount tiers, the
// concession ladder, fees, the reminder sequence, disclosures and wording per locale, escalation
// texts, FAQ answers. Sections the form
// does not group yet (forbidden wording, limitation, guard, and whatever other teams add to the
// pack) are named at the end and edited in the YAML view.
import type { ReactNode } from "react";
import { FaqForm } from "./FaqForm.js";
import { type Binding, ChoiceList, errorsAt, NumberField, TextField } from "./fields.js";
import { getAt } from "./paths.js";
import { RemindersForm } from "./RemindersForm.js";

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
      <Section title="Limits">
        <div className="grid">
          <NumberField b={b} path={["limits", "maxInstalments", "value"]} label="Maximum instalments" />
          <NumberField
            b={b}
            path={["limits", "minInstalment", "value"]}
            label="Minimum instalment"
            unit="money"
          />
          <NumberField
            b={b}
            path={["limits", "maxPlanMonths", "value"]}
            label="Maximum plan length (months)"
          />
          <NumberField
            b={b}
            path={["limits", "firstPaymentWithinDays", "value"]}
            label="First payment within"
            unit="days"
          />
          <NumberField
            b={b}
            path={["limits", "minDownPaymentBps", "value"]}
            label="Minimum down payment"
            unit="bps"
          />
          <NumberField
            b={b}
            path={["limits", "settlementPayWithinDays", "value"]}
            label="Settlement paid within"
            unit="days"
          />
          {getAt(b.pack, ["limits", "promiseBrokenAfterDays"]) !== undefined && (
            <NumberField
              b={b}
              path={["limits", "promiseBrokenAfterDays", "value"]}
              label="Promise broken after"
              unit="days"
            />
          )}
          <ChoiceList
            b={b}
            path={["limits", "cadences", "value"]}
            label="Payment cadences"
            options={["weekly", "biweekly", "monthly"]}
          />
        </div>
        {hardship && (
          <>
            <h3>Under hardship</h3>
            <div className="grid">
              <NumberField
                b={b}
                path={["limits", "hardship", "maxInstalments", "value"]}
                label="Maximum instalments under hardship"
              />
              <NumberField
                b={b}
                path={["limits", "hardship", "minInstalment", "value"]}
                label="Minimum instalment under hardship"
                unit="money"
              />
              <NumberField
                b={b}
                path={["limits", "hardship", "maxPlanMonths", "value"]}
                label="Maximum plan length under hardship (months)"
              />
            </div>
          </>
        )}
        <h3>Discount tiers</h3>
        {tiers.length === 0 && <p className="empty">No tier: no settlement discount.</p>}
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
              label={`Tier ${i + 1}: days past due from`}
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "daysPastDue", "to"]}
              label="to (blank: and above)"
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "balance", "from"]}
              label="balance from"
              unit="money"
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "balance", "to"]}
              label="balance to"
              unit="money"
            />
            <NumberField
              b={b}
              path={["limits", "discountTiers", i, "maxDiscountBps"]}
              label="maximum discount"
              unit="bps"
            />
          </div>
        ))}
      </Section>

      <Section title="Concession ladder">
        <div className="grid">
          <NumberField
            b={b}
            path={["ladder", "counterStepBps", "value"]}
            label="Counter-offer step"
            unit="bps"
          />
          <NumberField b={b} path={["ladder", "maxCounterRounds", "value"]} label="Counter-offer rounds" />
          <NumberField
            b={b}
            path={["ladder", "offerValidDays", "value"]}
            label="Offer valid for"
            unit="days"
          />
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Kind</th>
              <th scope="col">Instalments</th>
              <th scope="col">Due in (days)</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={String(s.id ?? i)}>
                <td>{String(s.id ?? "")}</td>
                <td>{String(s.kind ?? "")}</td>
                <td>
                  {s.kind === "plan" ? (
                    <NumberField
                      b={b}
                      path={["ladder", "steps", i, "instalments"]}
                      label={`${String(s.id)} instalments`}
                    />
                  ) : (
                    "–"
                  )}
                </td>
                <td>
                  <NumberField
                    b={b}
                    path={["ladder", "steps", i, "dueInDays"]}
                    label={`${String(s.id)} due in`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Fees">
        <div className="grid">
          {fees.recoveryIndemnity !== undefined && (
            <NumberField
              b={b}
              path={["fees", "recoveryIndemnity", "amount"]}
              label="Recovery indemnity per invoice"
              unit="money"
            />
          )}
          {fees.lateInterest !== undefined && (
            <NumberField
              b={b}
              path={["fees", "lateInterest", "marginBps"]}
              label="Late interest margin over the ECB rate"
              unit="bps"
            />
          )}
        </div>
        {fees.recoveryIndemnity === undefined && fees.lateInterest === undefined && (
          <p className="muted">No late interest and no indemnity in this pack.</p>
        )}
        <p className="hint">
          Contractual fees: {list(b, "fees.contractualFees").length || "none"} (edit them in the YAML view).
        </p>
      </Section>

      <Section title="Reminder sequence">
        <RemindersForm b={b} />
      </Section>

      <Section title="Disclosures and wording">
        {disclosures.map((d, i) => (
          <fieldset key={String(d.id ?? i)} className="policy-text">
            <legend>
              {String(d.id)} <span className="hint">({String(d.moment ?? "")})</span>
            </legend>
            <TextField b={b} path={["disclosures", i, "text", "fr"]} label="Français" />
            <TextField b={b} path={["disclosures", i, "text", "en"]} label="English" />
          </fieldset>
        ))}
      </Section>

      <Section title="Escalation texts">
        {escalations.map((t, i) => (
          <fieldset key={String(t.kind ?? i)} className="policy-text">
            <legend>
              {String(t.kind)} <span className="hint">({String(t.action ?? "")})</span>
            </legend>
            <TextField b={b} path={["escalation", i, "handling", "fr"]} label="Français" />
            <TextField b={b} path={["escalation", i, "handling", "en"]} label="English" />
          </fieldset>
        ))}
      </Section>

      <Section title="FAQ answers">
        <FaqForm b={b} />
      </Section>

      <Section title="Other sections">
        <p className="muted">Edited in the YAML view: {others.length > 0 ? others.join(", ") : "none"}.</p>
      </Section>
    </div>
  );
}
