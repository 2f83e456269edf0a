// A table of outreach messages: step, channel, status, dates; a letter links to its PDF, any row
// opens the text exactly as sent (the HTML e-mail as a download).
import { useState } from "react";
import type { OutreachDetail, OutreachMessage } from "../../../contract/outreach.js";
import { download, request } from "../api.js";
import { Badge, ErrorText } from "../components/common.js";
import { instant, label } from "../format.js";
import { useAction } from "../hooks.js";
import { codeLabel, t } from "../i18n.js";
import { Link } from "../router.js";
import type { PageText } from "../words-fr.js";

export function MessageTable({
  messages,
  showCase = false,
}: {
  messages: OutreachMessage[];
  showCase?: boolean;
}) {
  const [open, setOpen] = useState<OutreachDetail | null>(null);
  const action = useAction();
  if (messages.length === 0) return <p className="empty">{t("No message yet.")}</p>;
  const view = (id: string) =>
    action.run(async () => setOpen(await request<OutreachDetail>("GET", `/api/outreach/messages/${id}`)));
  return (
    <>
      <table className="outreach-table">
        <thead>
          <tr>
            {showCase && <th scope="col">{t("Case")}</th>}
            <th scope="col">{t("Step")}</th>
            <th scope="col">{t("Channel")}</th>
            <th scope="col">{t("Status")}</th>
            <th scope="col">{t("Composed")}</th>
            <th scope="col">{t("Sent")}</th>
            <th scope="col">{t("Note")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("Actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-message={m.stepKey}>
              {showCase && (
                <td>{m.caseId ? <Link to={`/cases/${m.caseId}`}>{m.reference}</Link> : m.reference}</td>
              )}
              <td>
                <StepName message={m} />
              </td>
              <td>{label(m.channel)}</td>
              <td>
                <Badge value={m.status} kind="outreach" />
                {m.transport === "outbox" ? ` ${t("(outbox)")}` : ""}
              </td>
              <td>{instant(m.createdAt)}</td>
              <td>{m.sentAt ? instant(m.sentAt) : "—"}</td>
              <td>
                {m.error ? deliveryNote(m.error) : m.attempts > 1 ? t("{n} attempts", { n: m.attempts }) : ""}
              </td>
              <td>
                {m.channel === "letter" && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      action.run(() => download(`/api/outreach/messages/${m.id}/letter.pdf`, "letter.pdf"))
                    }
                  >
                    {t("Letter PDF")}
                  </button>
                )}{" "}
                {m.status !== "skipped" && (
                  <button type="button" className="btn btn--ghost" onClick={() => void view(m.id)}>
                    {t("View")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText error={action.error} />
      {open && (
        <section
          className="outreach-preview"
          aria-label={t("Message {name}", { name: open.subject ?? open.stepKey })}
        >
          <header>
            <strong>{open.subject ?? label(open.channel)}</strong> → {open.recipient ?? "—"}{" "}
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(null)}>
              {t("Close")}
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
              {t("Download the HTML e-mail")}
            </button>
          )}
        </section>
      )}
    </>
  );
}

/** The step in words: the message's kind, and the sequence step's own name (from the policy) beside it. */
function StepName({ message }: { message: OutreachMessage }) {
  const step = /^step:(.+)$/.exec(message.stepKey)?.[1];
  return (
    <>
      <span title={message.stepKey.replace(/:[0-9a-f-]{36}/g, "")}>
        {codeLabel(`outreach.${message.kind}`)}
      </span>
      {step ? (
        <>
          {" "}
          <code className="muted">{step}</code>
        </>
      ) : null}
    </>
  );
}

/**
 * Why a message was not sent, as the server stores it (a short English reason): the known ones in the
 * console's language, the provider's own words (SMTP 550, SMS API 503) as they are.
 */
const DELIVERY_NOTES = {
  "e-mail opted out": "The debtor unsubscribed from e-mails",
  "SMS opted out": "The debtor unsubscribed from SMS",
  "no recipient": "No address to send to",
  "no phone number": "No phone number",
  "case handed off": "The case was handed off",
  "SMTP recipient refused": "The mail server refused the address",
} as const satisfies Record<string, PageText>;

function deliveryNote(error: string): string {
  const known = DELIVERY_NOTES[error as keyof typeof DELIVERY_NOTES];
  return known ? t(known) : error;
}
