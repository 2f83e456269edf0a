// The audit log (admins): every collector action and system decision, newest first, with the state
// of the hash chain that makes tampering visible.
import { useState } from "react";
import { query, request } from "../api.js";
import { Code, ErrorText, Loading, Pagination } from "../components/common.js";
import { instant } from "../format.js";
import { useResource } from "../hooks.js";
import { codeLabel, hasCodeLabel, t } from "../i18n.js";
import type { AuditPage as AuditData } from "../types.js";

/** Who or what an entry is about, in words when known (the code in the tooltip), else the code. */
function Named({ code, prefix }: { code: string; prefix: string }) {
  if (!hasCodeLabel(prefix + code)) return <>{code}</>;
  return (
    <abbr className="code-label" title={code}>
      {codeLabel(prefix + code)}
    </abbr>
  );
}

export function AuditPage() {
  const [page, setPage] = useState(1);
  const [action, setAction] = useState("");
  const audit = useResource(
    () => request<AuditData>("GET", `/api/audit${query({ page, pageSize: 50, action })}`),
    [page, action],
  );
  const a = audit.data;
  return (
    <section className="page">
      <h1>{t("Audit log")}</h1>
      {a && (
        <p className={a.chain.intact ? "ok" : "error"} role="status">
          {a.chain.intact
            ? t("Hash chain intact: no entry was altered or removed.")
            : t("Hash chain broken at entry {id}: the log was altered.", { id: String(a.chain.brokenAtId) })}
        </p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("Filter the audit log")}>
        <label>
          {t("Action starts with")}
          <input
            value={action}
            placeholder="escalation."
            onChange={(e) => {
              setAction(e.target.value.trim());
              setPage(1);
            }}
          />
        </label>
      </form>
      <ErrorText error={audit.error} />
      {!a && audit.loading && <Loading what={t("the audit log")} />}
      {a && (
        <>
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("When")}</th>
                <th scope="col">{t("Who")}</th>
                <th scope="col">{t("Action")}</th>
                <th scope="col">{t("Entity")}</th>
                <th scope="col">{t("Data")}</th>
              </tr>
            </thead>
            <tbody>
              {a.items.map((row) => (
                <tr key={row.id}>
                  <td>{row.id}</td>
                  <td>{instant(row.at)}</td>
                  <td>{row.actorEmail ?? <Named code={row.actorType} prefix="actor." />}</td>
                  <td>
                    <Code value={row.action} />
                  </td>
                  <td>
                    <Named code={row.entity} prefix="entity." /> {row.entityId?.slice(0, 8)}
                  </td>
                  <td>
                    <code className="data">{JSON.stringify(row.data)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={a.page} pageSize={a.pageSize} total={a.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
