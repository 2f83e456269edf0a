// The pack's answers to the questions debtors ask, one per topic, written per language. A topic
// without an answer falls back to the catalogue's generic wording; one can be added here.
import { useId, useState } from "react";
import type { FaqTopic, PackJson } from "../../../../contract/policy-studio.js";
import { t } from "../../i18n.js";
import type { PageText } from "../../words-fr.js";
import { type Binding, TextField } from "./fields.js";
import { getAt, setAt } from "./paths.js";

const TOPICS: Record<FaqTopic, PageText> = {
  what_for: "What the file is about",
  creditor: "Who the creditor is (is this a scam?)",
  missed_payment: "A missed payment",
  change_plan: "Changing a plan",
  invoice_copy: "A copy of the invoices",
  proof_of_payment: "Proof of a payment",
  contact: "How to contact a person",
};

export function FaqForm({ b }: { b: Binding }) {
  const id = useId();
  const raw = getAt(b.pack, ["faq"]);
  const faq = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const present = (Object.keys(TOPICS) as FaqTopic[]).filter((k) => faq[k] !== undefined);
  const missing = (Object.keys(TOPICS) as FaqTopic[]).filter((k) => faq[k] === undefined);
  const [adding, setAdding] = useState<FaqTopic | "">("");
  return (
    <>
      {present.length === 0 && (
        <p className="empty">{t("No answer: the catalogue's generic wording is used.")}</p>
      )}
      {present.map((topic) => (
        <fieldset key={topic} className="policy-text">
          <legend>
            {t(TOPICS[topic])} <span className="hint">({topic})</span>
          </legend>
          <TextField b={b} path={["faq", topic, "fr"]} label={`${topic}: ${t("Français")}`} />
          <TextField b={b} path={["faq", topic, "en"]} label={`${topic}: ${t("English")}`} />
        </fieldset>
      ))}
      {missing.length > 0 && (
        <div className="actions">
          <label htmlFor={id}>{t("Answer another question")}</label>
          <select id={id} value={adding} onChange={(e) => setAdding(e.target.value as FaqTopic | "")}>
            <option value="">—</option>
            {missing.map((k) => (
              <option key={k} value={k}>
                {t(TOPICS[k])}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--ghost"
            disabled={adding === ""}
            onClick={() => {
              if (adding === "") return;
              b.onChange(setAt<PackJson>(b.pack, ["faq", adding], { fr: "", en: "" }));
              setAdding("");
            }}
          >
            {t("Add the answer")}
          </button>
        </div>
      )}
    </>
  );
}
