// KPIs with charts, for collectors, admins and policy editors (aggregates only): filters by period,
// creditor and policy version; refreshed live when promises, escalations or statuses change.
import { useState } from "react";
import { query, request } from "../api.js";
import { CashKpis } from "../components/CashKpis.js";
import { BarChart, DailyChart } from "../components/Charts.js";
import { ErrorText, Loading } from "../components/common.js";
import { duration, label, money, percent } from "../format.js";
import { useResource } from "../hooks.js";
import { useLiveEvents } from "../live.js";
import type { KpiFilters, KpiReport } from "../types.js";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function KpiPage() {
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [creditor, setCreditor] = useState("");
  const [policyVersion, setPolicyVersion] = useState("");
  const filters = useResource(() => request<KpiFilters>("GET", "/api/kpis/filters"), []);
  const kpis = useResource(
    () => request<KpiReport>("GET", `/api/kpis${query({ from, to, creditor, policyVersion })}`),
    [from, to, creditor, policyVersion],
  );
  useLiveEvents(["kpi.refresh"], () => kpis.reload());
  const k = kpis.data;

  return (
    <section className="page kpis">
      <h1>KPIs</h1>
      <form className="filters" aria-label="KPI filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => e.target.value && setTo(e.target.value)}
          />
        </label>
        <label>
          Creditor
          <select value={creditor} onChange={(e) => setCreditor(e.target.value)}>
            <option value="">All creditors</option>
            {filters.data?.creditors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Policy version
          <select value={policyVersion} onChange={(e) => setPolicyVersion(e.target.value)}>
            <option value="">All versions</option>
            {filters.data?.policyVersions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.packId} @ {v.hash.slice(0, 8)} ({v.status})
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorText error={kpis.error} />
      {!k && kpis.loading && <Loading what="KPIs" />}
      {k && (
        <>
          <dl className="tiles">
            <Tile name="Conversations" value={String(k.conversations)} />
            <Tile
              name="Verification rate"
              value={percent(k.verificationRate)}
              hint={`${k.verified} verified`}
            />
            <Tile
              name="Promise-to-pay rate"
              value={percent(k.promiseToPayRate)}
              hint={`${k.withPromise} with a promise`}
            />
            <Tile
              name="Kept rate"
              value={percent(k.keptRate.overall)}
              hint={`${k.promises.kept} kept, ${k.promises.broken} broken`}
            />
            <Tile
              name="Average discount"
              value={k.averageDiscountBps === null ? "–" : `${(k.averageDiscountBps / 100).toFixed(2)} %`}
            />
            <Tile name="Median time to agreement" value={duration(k.medianTimeToAgreementSeconds)} />
            {k.handedOff !== undefined && <Tile name="Handed off" value={String(k.handedOff)} />}
          </dl>
          <div className="charts">
            <DailyChart days={k.daily} />
            <BarChart
              title="Kept rate by who obtained the promise"
              max={1}
              bars={[
                {
                  label: "Assistant",
                  value: k.keptRate.assistant ?? 0,
                  display: percent(k.keptRate.assistant),
                  tone: "a",
                },
                {
                  label: "Person",
                  value: k.keptRate.human ?? 0,
                  display: percent(k.keptRate.human),
                  tone: "b",
                },
              ]}
            />
            {k.amounts.map((a) => (
              <BarChart
                key={a.currency}
                title={`Promised against amount due (${a.currency})`}
                bars={[
                  { label: "Amount due", value: a.due, display: money(a.due, a.currency), tone: "c" },
                  {
                    label: "Promised",
                    value: a.promised,
                    display: `${money(a.promised, a.currency)} (${percent(a.ratio)})`,
                    tone: "a",
                  },
                ]}
              />
            ))}
            <BarChart
              title="Escalations by kind"
              bars={k.escalationsByKind.map((e) => ({
                label: label(e.kind),
                value: e.count,
                display: String(e.count),
                tone: "b",
              }))}
            />
          </div>
          <CashKpis cash={k.cash} />
          <p className="muted">
            Cohort: conversations started from {k.period.from} to {k.period.to}. Kept rate counts promises
            that ended (kept or broken).
          </p>
        </>
      )}
    </section>
  );
}

function Tile({ name, value, hint }: { name: string; value: string; hint?: string }) {
  return (
    <div className="tile">
      <dt>{name}</dt>
      <dd>
        <span className="tile__value">{value}</span>
        {hint && <span className="tile__hint">{hint}</span>}
      </dd>
    </div>
  );
}
