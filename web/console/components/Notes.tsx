// Internal notes on the case: for the team only (the debtor never sees them), newest last.

import { type FormEvent, useState } from "react";
import type { CaseNotes } from "../../../contract/console-cases.js";
import { request } from "../api.js";
import { instant } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { useLiveEvents } from "../live.js";
import { ErrorText } from "./common.js";

export function NotesPanel({ caseId }: { caseId: string }) {
  const notes = useResource(() => request<CaseNotes>("GET", `/api/cases/${caseId}/notes`), [caseId]);
  useLiveEvents(["case.note"], (_name, payload) => {
    if (payload?.caseId === caseId) notes.reload();
  });
  const [text, setText] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => request("POST", `/api/cases/${caseId}/notes`, { body: { text } }));
    if (ok) {
      setText("");
      notes.reload();
    }
  };
  return (
    <section aria-labelledby="h-notes">
      <h2 id="h-notes">{t("Internal notes")}</h2>
      <p className="muted">{t("For the team only: the debtor never sees them.")}</p>
      <ErrorText error={notes.error} />
      {notes.data && notes.data.items.length > 0 && (
        <ul className="notes" aria-label={t("Notes")}>
          {notes.data.items.map((n) => (
            <li key={n.id}>
              {n.text}
              <br />
              <span className="muted">
                {n.author} · {instant(n.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="composer" onSubmit={submit} aria-label={t("Add a note")}>
        <label>
          {t("New note")}
          <textarea rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <ErrorText error={action.error} />
        <button type="submit" className="btn" disabled={action.busy || !text.trim()}>
          {t("Add the note")}
        </button>
      </form>
    </section>
  );
}
