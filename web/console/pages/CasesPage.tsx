// Cases: filters (status, escalated, promise status, jurisdiction, free text) kept in the URL,
// pagination, a creation form, CSV import and export.
import { type FormEvent, useState } from "react";
import { download, query, request } from "../api.js";
import { CaseForm } from "../components/CaseForm.js";
import { Badge, ErrorText, Loading, Pagination } from "../components/common.js";
import { ImportPanel } from "../components/ImportPanel.js";
import { instant, label, money } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { Link, navigate, useLocation } from "../router.js";
import { CASE_STATUSES, type CaseList } from "../types.js";

const FILTERS = ["status", "escalated", "promise", "jurisdiction", "q"] as const;

export function CasesPage() {
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const page = Number(search.get("page") ?? "1") || 1;
  const [text, setText] = useState(filters.q);
  const [panel, setPanel] = useState<"new" | "import" | null>(null);
  const exporter = useAction();
  const list = useResource(
    () => request<CaseList>("GET", `/api/cases${query({ ...filters, page, pageSize: 20 })}`),
    [search.toString()],
  );

  const setFilter = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === "" || v === 1) next.delete(k);
      else next.set(k, String(v));
    }
    if (!("page" in changes)) next.delete("page");
    const s = next.toString();
    navigate(`/cases${s ? `?${s}` : ""}`, { replace: true });
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ q: text.trim() });
  };

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t("Cases")}</h1>
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            aria-expanded={panel === "new"}
            onClick={() => setPanel(panel === "new" ? null : "new")}
          >
            {t("New case")}
          </button>
          <button
            type="button"
            className="btn"
            aria-expanded={panel === "import"}
            onClick={() => setPanel(panel === "import" ? null : "import")}
          >
            {t("Import CSV")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={exporter.busy}
            onClick={() =>
              void exporter.run(() => download(`/api/cases/export.csv${query(filters)}`, "cases.csv"))
            }
          >
            {t("Export CSV")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={exporter.busy}
            title={t("Separated by semicolons with decimal commas: opens as columns in French Excel")}
            onClick={() =>
              void exporter.run(() =>
                download(`/api/cases/export.csv${query({ ...filters, dialect: "excel-fr" })}`, "cases.csv"),
              )
            }
          >
            {t("Export for Excel (FR)")}
          </button>
        </div>
      </div>
      <ErrorText error={exporter.error} />
      {panel === "new" && <CaseForm onCreated={() => list.reload()} />}
      {panel === "import" && <ImportPanel onImported={() => list.reload()} />}

      <form className="filters" onSubmit={submitSearch} aria-label={t("Filter cases")}>
        <label>
          {t("Search")}
          <input
            type="search"
            placeholder={t("Reference, name, e-mail, phone or invoice number")}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label>
          {t("Status")}
          <select value={filters.status} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">{t("Any")}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("Escalated")}
          <select value={filters.escalated} onChange={(e) => setFilter({ escalated: e.target.value })}>
            <option value="">{t("Any")}</option>
            <option value="true">{t("Yes")}</option>
            <option value="false">{t("No")}</option>
          </select>
        </label>
        <label>
          {t("Promise")}
          <select value={filters.promise} onChange={(e) => setFilter({ promise: e.target.value })}>
            <option value="">{t("Any")}</option>
            <option value="active">{t("Active")}</option>
            <option value="kept">{t("Kept")}</option>
            <option value="broken">{t("Broken")}</option>
            <option value="cancelled">{t("Cancelled")}</option>
            <option value="none">{t("None")}</option>
          </select>
        </label>
        <label>
          {t("Jurisdiction")}
          <select value={filters.jurisdiction} onChange={(e) => setFilter({ jurisdiction: e.target.value })}>
            <option value="">{t("Any")}</option>
            <option value="FR">FR</option>
            <option value="UK">UK</option>
            <option value="US">US</option>
          </select>
        </label>
        <button type="submit" className="btn">
          {t("Search")}
        </button>
      </form>

      <ErrorText error={list.error} />
      {!list.data && list.loading && <Loading what={t("cases")} />}
      {list.data && (
        <>
          <table className="cases">
            <thead>
              <tr>
                <th scope="col">{t("Reference")}</th>
                <th scope="col">{t("Debtor")}</th>
                <th scope="col">{t("Creditor")}</th>
                <th scope="col">{t("Status")}</th>
                <th scope="col">{t("Promise")}</th>
                <th scope="col">{t("Principal")}</th>
                <th scope="col">{t("Created")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                  </td>
                  <td>{c.debtor.name}</td>
                  <td>{c.creditor.name}</td>
                  <td>
                    <Badge value={c.status} />
                    {c.escalated && (
                      <span className="muted"> {c.escalationKinds.map((k) => label(k)).join(", ")}</span>
                    )}
                  </td>
                  <td>{c.promise ? <Badge value={c.promise.status} kind="promise" /> : "–"}</td>
                  <td className="num">{money(c.principal.amount, c.principal.currency)}</td>
                  <td>{instant(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.items.length === 0 && <p className="empty">{t("No case matches these filters.")}</p>}
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(p) => setFilter({ page: p })}
          />
        </>
      )}
    </section>
  );
}
