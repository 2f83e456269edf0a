// The money side of the KPIs (GET /api/kpis, field cash): cash collected and by whom the promise
// behind it was obtained, by creditor, promised against collected, and the funnel to payment.

import type { CashReport } from "../../../contract/console-reports.js";
import { money, percent } from "../format.js";
import { currentLang, t } from "../i18n.js";
import { BarChart } from "./Charts.js";

// Steps of the funnel, counted in debtors: in French they agree with "liens"/"débiteurs" (plural),
// unlike the dictionary's "Verified"/"Paid" said of one identity or one instalment elsewhere.
const FUNNEL = {
  en: { verified: "Verified", paid: "Paid" },
  fr: { verified: "Vérifiés", paid: "Payés" },
} as const;

export function CashKpis({ cash }: { cash: CashReport | undefined }) {
  if (!cash) return null;
  const f = cash.funnel;
  return (
    <div className="charts">
      <BarChart
        title={t("Funnel: links sent to paid")}
        bars={[
          { label: t("Links sent"), value: f.linksSent, display: String(f.linksSent), tone: "c" },
          { label: t("Opened"), value: f.opened, display: String(f.opened), tone: "c" },
          {
            label: FUNNEL[currentLang()].verified,
            value: f.verified,
            display: String(f.verified),
            tone: "b",
          },
          { label: t("Promised"), value: f.promised, display: String(f.promised), tone: "a" },
          { label: FUNNEL[currentLang()].paid, value: f.paid, display: String(f.paid), tone: "a" },
        ]}
      />
      {cash.collected.map((c) => (
        <BarChart
          key={c.currency}
          title={t("Cash collected ({currency}): {amount}", {
            currency: c.currency,
            amount: money(c.total, c.currency),
          })}
          bars={[
            {
              label: t("Assistant's promises"),
              value: c.assistant,
              display: money(c.assistant, c.currency),
              tone: "a",
            },
            { label: t("Person's promises"), value: c.human, display: money(c.human, c.currency), tone: "b" },
            {
              label: t("No promise"),
              value: c.unplanned,
              display: money(c.unplanned, c.currency),
              tone: "c",
            },
          ]}
        />
      ))}
      {cash.promisedVsCollected.map((p) => (
        <BarChart
          key={`pvc-${p.currency}`}
          title={t("Promised against collected ({currency})", { currency: p.currency })}
          bars={[
            { label: t("Promised"), value: p.promised, display: money(p.promised, p.currency), tone: "c" },
            {
              label: t("Collected"),
              value: p.collected,
              display: `${money(p.collected, p.currency)} (${percent(p.ratio)})`,
              tone: "a",
            },
          ]}
        />
      ))}
      {cash.collectedByCreditor.length > 0 && (
        <BarChart
          title={t("Cash collected by creditor")}
          bars={cash.collectedByCreditor.slice(0, 10).map((c) => ({
            label: c.creditor,
            value: c.amount,
            display: money(c.amount, c.currency),
            tone: "b",
          }))}
        />
      )}
    </div>
  );
}
