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
import { t } from "../i18n.js";
import { Rich } from "../words/rich.js";
import { lineNote, lineProblems } from "../words/server-words.js";

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
      <h1>{t("Bank statements")}</h1>
      <p className="muted">
        <Rich
          text="Import a CSV file (columns {columns}) or a CAMT.053 statement. Each credit is matched on the payment reference (RF…) and the amount due."
          values={{ columns: <code>date, amount, currency, text, counterparty, bank_ref</code> }}
        />
      </p>
      <label className="import">
        {t("Statement file")}
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
          {t(
            "{format}: {matched} matched, {partial} partial, {unmatched} unmatched, {duplicate} already imported, {skipped} debits skipped.",
            {
              format: result.format === "csv" ? "CSV" : result.format.toUpperCase(),
              matched: result.matched,
              partial: result.partial,
              unmatched: result.unmatched,
              duplicate: result.duplicate,
              skipped: result.skipped,
            },
          )}
          {result.errors.length ? ` ${t("Unreadable lines: {n}.", { n: result.errors.length })}` : ""}
        </p>
      )}
      {result?.errors.length ? (
        <ul className="error">
          {result.errors.map((e) => (
            <li key={e.lineNo}>
              {t("Line {n}: {message}", { n: e.lineNo, message: lineProblems(e.message) })}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("Filter statement lines")}>
        <label>
          {t("Show")}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="open">{t("Waiting for a person")}</option>
            <option value="unmatched">{t("Unmatched")}</option>
            <option value="partial">{t("Partial")}</option>
            <option value="matched">{t("Matched")}</option>
            <option value="all">{t("All lines")}</option>
          </select>
        </label>
      </form>
      <ErrorText error={lines.error} />
      {!l && lines.loading && <Loading what={t("statement lines")} />}
      {l && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("Booked")}</th>
                <th scope="col">{t("Amount")}</th>
                <th scope="col">{t("Text")}</th>
                <th scope="col">{t("Payer")}</th>
                <th scope="col">{t("Status")}</th>
                <th scope="col">{t("Action")}</th>
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
                    {line.note ? <div className="muted">{lineNote(line.note)}</div> : null}
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
          {t("Case id")}
          <input value={caseId} onChange={(e) => setCaseId(e.target.value)} placeholder={t("case UUID")} />
        </label>
      )}
      <label>
        {t("Note")}
        <input value={note} onChange={(e) => setNote(e.target.value)} required />
      </label>
      {line.status === "unmatched" && (
        <button type="submit" className="btn" disabled={!caseId.trim() || !note.trim()}>
          {t("Assign to case")}
        </button>
      )}
      <button
        type="button"
        className="btn btn--ghost"
        disabled={!note.trim()}
        onClick={(e) => act(e, "dismiss")}
      >
        {line.status === "partial" ? t("Mark reviewed") : t("Dismiss")}
      </button>
      <ErrorText error={error} />
    </form>
  );
}
