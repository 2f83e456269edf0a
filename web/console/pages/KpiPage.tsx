// KPIs with charts, for collectors, admins and policy editors (aggregates only): filters by period,
// creditor and policy version; refreshed live when promises, escalations or statuses change.
import { useState } from "react";
import { query, request } from "../api.js";
import { CashKpis } from "../components/CashKpis.js";
import { BarChart, DailyChart } from "../components/Charts.js";
import { ErrorText, Loading } from "../components/common.js";
import { day, duration, label, money, percent } from "../format.js";
import { useResource } from "../hooks.js";
import { t } from "../i18n.js";
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
      <h1>{t("KPIs")}</h1>
      <form className="filters" aria-label={t("KPI filters")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("From")}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </label>
        <label>
          {t("To")}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => e.target.value && setTo(e.target.value)}
          />
        </label>
        <label>
          {t("Creditor")}
          <select value={creditor} onChange={(e) => setCreditor(e.target.value)}>
            <option value="">{t("All creditors")}</option>
            {filters.data?.creditors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("Policy version")}
          <select value={policyVersion} onChange={(e) => setPolicyVersion(e.target.value)}>
            <option value="">{t("All versions")}</option>
            {filters.data?.policyVersions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.packId} @ {v.hash.slice(0, 8)} ({label(v.status)})
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorText error={kpis.error} />
      {!k && kpis.loading && <Loading what={t("the KPIs")} />}
      {k && (
        <>
          <dl className="tiles">
            <Tile name={t("Conversations")} value={String(k.conversations)} />
            <Tile
              name={t("Verification rate")}
              value={percent(k.verificationRate)}
              hint={t("{count} verified", { count: k.verified })}
            />
            <Tile
              name={t("Promise-to-pay rate")}
              value={percent(k.promiseToPayRate)}
              hint={t("{count} with a promise", { count: k.withPromise })}
            />
            <Tile
              name={t("Kept rate")}
              value={percent(k.keptRate.overall)}
              hint={t("{kept} kept, {broken} broken", { kept: k.promises.kept, broken: k.promises.broken })}
            />
            <Tile
              name={t("Average discount")}
              value={k.averageDiscountBps === null ? "–" : percent(k.averageDiscountBps / 10_000, 2)}
            />
            <Tile name={t("Median time to agreement")} value={duration(k.medianTimeToAgreementSeconds)} />
            {k.handedOff !== undefined && <Tile name={t("Handed off")} value={String(k.handedOff)} />}
          </dl>
          <div className="charts">
            <DailyChart days={k.daily} />
            <BarChart
              title={t("Kept rate by who obtained the promise")}
              max={1}
              bars={[
                {
                  label: t("Assistant"),
                  value: k.keptRate.assistant ?? 0,
                  display: percent(k.keptRate.assistant),
                  tone: "a",
                },
                {
                  label: t("Person"),
                  value: k.keptRate.human ?? 0,
                  display: percent(k.keptRate.human),
                  tone: "b",
                },
              ]}
            />
            {k.amounts.map((a) => (
              <BarChart
                key={a.currency}
                title={t("Promised against amount due ({currency})", { currency: a.currency })}
                bars={[
                  { label: t("Amount due"), value: a.due, display: money(a.due, a.currency), tone: "c" },
                  {
                    label: t("Promised"),
                    value: a.promised,
                    display: `${money(a.promised, a.currency)} (${percent(a.ratio)})`,
                    tone: "a",
                  },
                ]}
              />
            ))}
            <BarChart
              title={t("Escalations by kind")}
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
            {t(
              "Cohort: conversations started from {from} to {to}. Kept rate counts promises that ended (kept or broken).",
              { from: day(k.period.from), to: day(k.period.to) },
            )}
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
