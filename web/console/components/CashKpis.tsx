// The money side of the KPIs (GET /api/kpis, field cash): cash collected and by whom the promise
// behind it was obtained, by creditor, promised against collected, and the funnel to payment.

import type { CashReport } from "../../../contract/console-reports.js";
import { money, percent } from "../format.js";
import { BarChart } from "./Charts.js";

export function CashKpis({ cash }: { cash: CashReport | undefined }) {
  if (!cash) return null;
  const f = cash.funnel;
  return (
    <div className="charts">
      <BarChart
        title="Funnel: links sent to paid"
        bars={[
          { label: "Links sent", value: f.linksSent, display: String(f.linksSent), tone: "c" },
          { label: "Opened", value: f.opened, display: String(f.opened), tone: "c" },
          { label: "Verified", value: f.verified, display: String(f.verified), tone: "b" },
          { label: "Promised", value: f.promised, display: String(f.promised), tone: "a" },
          { label: "Paid", value: f.paid, display: String(f.paid), tone: "a" },
        ]}
      />
      {cash.collected.map((c) => (
        <BarChart
          key={c.currency}
          title={`Cash collected (${c.currency}): ${money(c.total, c.currency)}`}
          bars={[
            {
              label: "Assistant's promises",
              value: c.assistant,
              display: money(c.assistant, c.currency),
              tone: "a",
            },
            { label: "Person's promises", value: c.human, display: money(c.human, c.currency), tone: "b" },
            { label: "No promise", value: c.unplanned, display: money(c.unplanned, c.currency), tone: "c" },
          ]}
        />
      ))}
      {cash.promisedVsCollected.map((p) => (
        <BarChart
          key={`pvc-${p.currency}`}
          title={`Promised against collected (${p.currency})`}
          bars={[
            { label: "Promised", value: p.promised, display: money(p.promised, p.currency), tone: "c" },
            {
              label: "Collected",
              value: p.collected,
              display: `${money(p.collected, p.currency)} (${percent(p.ratio)})`,
              tone: "a",
            },
          ]}
        />
      ))}
      {cash.collectedByCreditor.length > 0 && (
        <BarChart
          title="Cash collected by creditor"
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
