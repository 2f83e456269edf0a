// Bank statement reconciliation (collectors, admins): import a CSV or CAMT.053 file, see what was
// matched, and work the lines that wait for a person: assign an unmatched line to a case, or close
// a line with a note.

import { type FormEvent, useState } from "react";
import type {
  StatementLineView as StatementLine,
  StatementLinePage,
} from "../../../contract/statement-inputs.js";
import { type ApiError, query, request } from "../api.js";
import { Badge, ErrorText, Loading, Pagination } from "../components/common.js";
import { day, money } from "../format.js";
import { useResource } from "../hooks.js";

interface ImportResult {
  readonly format: string;
  readonly matched: number;
  readonly partial: number;
  readonly unmatched: number;
  readonly duplicate: number;
  readonly skipped: number;
  readonly errors: { lineNo: number; message: string }[];
}

export function StatementsPage() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState("open");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const lines = useResource(
    () => request<StatementLinePage>("GET", `/api/statements/lines${query({ status, page, pageSize: 50 })}`),
    [status, page],
  );

  const upload = async (file: File) => {
    setError(null);
    try {
      setResult(await request<ImportResult>("POST", "/api/statements", { csv: await file.text() }));
      lines.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const l = lines.data;
  return (
    <section className="page">
      <h1>Bank statements</h1>
      <p className="muted">
        Import a CSV file (date, amount, currency, text, counterparty, bank_ref) or a CAMT.053 statement. Each
        credit is matched on the payment reference (RF…) and the amount due.
      </p>
      <label className="import">
        Statement file
        <input
          type="file"
          accept=".csv,.xml,text/csv,application/xml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </label>
      <ErrorText error={error} />
      {result && (
        <p role="status">
          {result.format}: {result.matched} matched, {result.partial} partial, {result.unmatched} unmatched,{" "}
          {result.duplicate} already imported, {result.skipped} debits skipped
          {result.errors.length ? `, ${result.errors.length} unreadable line(s)` : ""}.
        </p>
      )}
      {result?.errors.length ? (
        <ul className="error">
          {result.errors.map((e) => (
            <li key={e.lineNo}>
              Line {e.lineNo}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter statement lines">
        <label>
          Show
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="open">Waiting for a person</option>
            <option value="unmatched">Unmatched</option>
            <option value="partial">Partial</option>
            <option value="matched">Matched</option>
            <option value="all">All</option>
          </select>
        </label>
      </form>
      <ErrorText error={lines.error} />
      {!l && lines.loading && <Loading what="statement lines" />}
      {l && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Booked</th>
                <th scope="col">Amount</th>
                <th scope="col">Text</th>
                <th scope="col">Payer</th>
                <th scope="col">Status</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {l.items.map((line) => (
                <tr key={line.id}>
                  <td>{day(line.bookedAt)}</td>
                  <td className="num">{money(line.amount, line.currency)}</td>
                  <td>{line.text}</td>
                  <td>{line.counterparty ?? "–"}</td>
                  <td>
                    <Badge value={line.status} />
                    {line.note ? <div className="muted">{line.note}</div> : null}
                  </td>
                  <td>
                    <LineActions line={line} onDone={lines.reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={l.page} pageSize={l.pageSize} total={l.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function LineActions({ line, onDone }: { line: StatementLine; onDone: () => void }) {
  const [caseId, setCaseId] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  if (line.status !== "unmatched" && line.status !== "partial") return null;
  const act = async (e: FormEvent, what: "assign" | "dismiss") => {
    e.preventDefault();
    setError(null);
    try {
      await request("POST", `/api/statements/lines/${line.id}/${what}`, {
        body: what === "assign" ? { caseId: caseId.trim(), note } : { note },
      });
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form
      className="line-actions"
      onSubmit={(e) => act(e, line.status === "unmatched" ? "assign" : "dismiss")}
    >
      {line.status === "unmatched" && (
        <label>
          Case id
          <input value={caseId} onChange={(e) => setCaseId(e.target.value)} placeholder="case UUID" />
        </label>
      )}
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} required />
      </label>
      {line.status === "unmatched" && (
        <button type="submit" className="btn" disabled={!caseId.trim() || !note.trim()}>
          Assign to case
        </button>
      )}
      <button
        type="button"
        className="btn btn--ghost"
        disabled={!note.trim()}
        onClick={(e) => act(e, "dismiss")}
      >
        {line.status === "partial" ? "Mark reviewed" : "Dismiss"}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
