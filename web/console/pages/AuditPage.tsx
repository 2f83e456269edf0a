// The audit log (admins): every collector action and system decision, newest first, with the state
// of the hash chain that makes tampering visible.
import { useState } from "react";
import { query, request } from "../api.js";
import { ErrorText, Loading, Pagination } from "../components/common.js";
import { instant } from "../format.js";
import { useResource } from "../hooks.js";
import type { AuditPage as AuditData } from "../types.js";

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
      <h1>Audit log</h1>
      {a && (
        <p className={a.chain.intact ? "ok" : "error"} role="status">
          {a.chain.intact
            ? "Hash chain intact: no entry was altered or removed."
            : `Hash chain broken at entry ${a.chain.brokenAtId}: the log was altered.`}
        </p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <label>
          Action starts with
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
      {!a && audit.loading && <Loading what="the audit log" />}
      {a && (
        <>
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {a.items.map((row) => (
                <tr key={row.id}>
                  <td>{row.id}</td>
                  <td>{instant(row.at)}</td>
                  <td>{row.actorEmail ?? row.actorType}</td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>
                    {row.entity} {row.entityId?.slice(0, 8)}
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
