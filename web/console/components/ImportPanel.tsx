// CSV import with its row-by-row report. "Check" validates only; "Import" imports a file without
// errors (nothing otherwise); "Import the valid cases" imports those and reports the others.
import { useState } from "react";
import { ApiError, request } from "../api.js";
import { label } from "../format.js";
import { useAction } from "../hooks.js";
import { currentLang, t } from "../i18n.js";
import type { ImportReport } from "../types.js";
import { fieldMessage } from "../words/server-words.js";
import { ErrorText } from "./common.js";

/** UTF-8 when the bytes are UTF-8 (with or without BOM), else Windows-1252 ("CSV" from Excel on Windows). */
export function decodeSpreadsheet(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function ImportPanel({ onImported }: { onImported: () => void }) {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();

  const send = async (mode: "validate" | "import" | "import_valid") => {
    // A new attempt starts clean: an earlier failure must not stay on screen after a success.
    setMessage(null);
    setReport(null);
    action.clear();
    try {
      const res = await request<ImportReport>("POST", `/api/cases/import?mode=${mode}`, { csv });
      setReport(res);
      if (res.imported > 0) onImported();
    } catch (err) {
      const details =
        err instanceof ApiError ? (err.details as { report?: ImportReport } | undefined) : undefined;
      if (details?.report) {
        setReport(details.report);
        setMessage((err as ApiError).message);
      } else {
        await action.run(() => Promise.reject(err));
      }
    }
  };

  return (
    <section className="card import" aria-label={t("Import cases from CSV")}>
      <h2>{t("Import cases (CSV)")}</h2>
      <p className="hint">
        {t(
          "One row per invoice; rows with the same creditor_name and reference form one case. Files saved by Excel work as they are: comma or semicolon separated, amounts such as 1200.50 or 1 200,50, dates as 2026-07-31 or 31/07/2026. See docs/console.md for the columns.",
        )}
      </p>
      <label>
        {t("CSV file")}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            setCsv(decodeSpreadsheet(await file.arrayBuffer()));
            setReport(null);
            setMessage(null);
            action.clear();
          }}
        />
      </label>
      <label>
        {t("Or paste the CSV")}
        <textarea rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
      </label>
      <div className="actions">
        <button type="button" className="btn" disabled={!csv.trim()} onClick={() => void send("validate")}>
          {t("Check the file")}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={!csv.trim()}
          onClick={() => void send("import")}
        >
          {t("Import")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!csv.trim() || !report || report.invalid === 0}
          onClick={() => void send("import_valid")}
        >
          {t("Import the valid cases only")}
        </button>
      </div>
      <ErrorText error={action.error} />
      {action.error instanceof ApiError && action.error.fieldErrors().length > 0 && (
        <ul className="errors">
          {action.error.fieldErrors().map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path}: {d.message}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {report && <Report report={report} fileName={fileName} />}
    </section>
  );
}

function Report({ report, fileName }: { report: ImportReport; fileName: string }) {
  return (
    <section className="report" aria-label={t("Import report")}>
      <p role="status">
        {fileName ? `${fileName}: ` : ""}
        {t("{rows} rows, {cases} cases: {valid} valid, {invalid} with errors, {imported} imported.", {
          rows: report.rows,
          cases: report.cases,
          valid: report.valid,
          invalid: report.invalid,
          imported: report.imported,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("Reference")}</th>
            <th scope="col">{t("Rows")}</th>
            <th scope="col">{t("Result")}</th>
            <th scope="col">{t("Details")}</th>
          </tr>
        </thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={`${r.creditor}/${r.reference}`} data-status={r.status}>
              <td>{r.reference || t("(no reference)")}</td>
              <td>{r.rows.join(", ")}</td>
              <td>{label(r.status)}</td>
              <td>
                {r.link && <code className="link">{r.link}</code>}
                {r.errors.length > 0 && (
                  <ul className="errors">
                    {r.errors.map((e) => (
                      <li key={`${e.row}:${e.column}:${e.message}`}>
                        {t("Row {row}", { row: e.row })}
                        {e.column ? (
                          <>
                            , <code>{e.column}</code>
                          </>
                        ) : (
                          ""
                        )}
                        {currentLang() === "fr" ? " : " : ": "}
                        {fieldMessage(e.message)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
