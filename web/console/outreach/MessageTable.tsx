// A table of outreach messages: step, channel, status, dates; a letter links to its PDF, any row
// opens the text exactly as sent (the HTML e-mail as a download).
import { useState } from "react";
import type { OutreachDetail, OutreachMessage } from "../../../contract/outreach.js";
import { download, request } from "../api.js";
import { Badge, ErrorText } from "../components/common.js";
import { instant, label } from "../format.js";
import { useAction } from "../hooks.js";
import { Link } from "../router.js";

export function MessageTable({
  messages,
  showCase = false,
}: {
  messages: OutreachMessage[];
  showCase?: boolean;
}) {
  const [open, setOpen] = useState<OutreachDetail | null>(null);
  const action = useAction();
  if (messages.length === 0) return <p className="empty">No message yet.</p>;
  const view = (id: string) =>
    action.run(async () => setOpen(await request<OutreachDetail>("GET", `/api/outreach/messages/${id}`)));
  return (
    <>
      <table className="outreach-table">
        <thead>
          <tr>
            {showCase && <th scope="col">Case</th>}
            <th scope="col">Step</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">Composed</th>
            <th scope="col">Sent</th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-message={m.stepKey}>
              {showCase && (
                <td>{m.caseId ? <Link to={`/cases/${m.caseId}`}>{m.reference}</Link> : m.reference}</td>
              )}
              <td>{m.stepKey.replace(/:[0-9a-f-]{36}/g, "")}</td>
              <td>{label(m.channel)}</td>
              <td>
                <Badge value={m.status} kind="outreach" />
                {m.transport === "outbox" ? " (outbox)" : ""}
              </td>
              <td>{instant(m.createdAt)}</td>
              <td>{m.sentAt ? instant(m.sentAt) : "—"}</td>
              <td>{m.error ?? (m.attempts > 1 ? `${m.attempts} attempts` : "")}</td>
              <td>
                {m.channel === "letter" && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      action.run(() => download(`/api/outreach/messages/${m.id}/letter.pdf`, "letter.pdf"))
                    }
                  >
                    Letter PDF
                  </button>
                )}{" "}
                {m.status !== "skipped" && (
                  <button type="button" className="btn btn--ghost" onClick={() => void view(m.id)}>
                    View
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText error={action.error} />
      {open && (
        <section className="outreach-preview" aria-label={`Message ${open.subject ?? open.stepKey}`}>
          <header>
            <strong>{open.subject ?? label(open.channel)}</strong> → {open.recipient ?? "—"}{" "}
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(null)}>
              Close
            </button>
          </header>
          {/* The text as sent; the HTML version is a download (inline styles would break the console's CSP). */}
          <pre className="outreach-preview__text">{open.text}</pre>
          {open.html && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                const url = URL.createObjectURL(new Blob([open.html ?? ""], { type: "text/html" }));
                const a = document.createElement("a");
                a.href = url;
                a.download = `${open.stepKey.replace(/[^a-z0-9-]+/gi, "-")}.html`;
                a.click();
                setTimeout(() => URL.revokeObjectURL(url), 10_000);
              }}
            >
              Download the HTML e-mail
            </button>
          )}
        </section>
      )}
    </>
  );
}
