// The case page's reminder sequence: status, next step and date, when the debtor last opened a
// link, opt-outs, past messages with their delivery status; pause, resume and "send the link now"
// (a message with its own link: the debtor's current link keeps working).
import { useState } from "react";
import { download, request } from "../api.js";
import { ErrorText, Loading } from "../components/common.js";
import { day, instant, label } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import { hasCodeLabel, t } from "../i18n.js";
import "./outreach.css";
import type { OutreachSequence } from "../../../contract/outreach.js";
import { MessageTable } from "./MessageTable.js";

export function OutreachPanel({ caseId }: { caseId: string }) {
  const seq = useResource(() => request<OutreachSequence>("GET", `/api/cases/${caseId}/outreach`), [caseId]);
  const action = useAction();
  const [recipient, setRecipient] = useState("collection_agency");
  if (seq.error) return <ErrorText error={seq.error} />;
  if (!seq.data) return <Loading what={t("the reminders")} />;
  const s = seq.data;
  const post = (path: string, body?: unknown) =>
    action.run(async () => {
      await request("POST", `/api/cases/${caseId}/outreach/${path}`, body === undefined ? {} : { body });
      seq.reload();
    });
  return (
    <div className="outreach" data-sequence={s.status}>
      <dl className="kv">
        <dt>{t("Sequence")}</dt>
        <dd>
          {/* "La séquence" is feminine: its states have their own words (sequence.*). */}
          <span className={`badge badge--sequence badge--${s.status}`} title={s.status}>
            {hasCodeLabel(`sequence.${s.status}`) ? label(`sequence.${s.status}`) : label(s.status)}
          </span>
          {s.reason ? ` (${reasonLabel(s.reason)})` : ""}
        </dd>
        <dt>{t("Next step")}</dt>
        <dd>
          {s.nextStep ? (
            <>
              {t("{step} by {channel} on {date}", {
                step: t("Step {n} of {count}", {
                  n: s.steps.findIndex((step) => step.id === s.nextStep?.id) + 1,
                  count: s.steps.length,
                }),
                channel: inSentence(label(s.nextStep.channel)),
                date: day(s.nextStep.date),
              })}
              {s.nextRunAt ? ` ${t("(not before {when})", { when: instant(s.nextRunAt) })}` : ""}{" "}
              <code className="muted" title={t("The step's name in the policy")}>
                {s.nextStep.id}
              </code>
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("Link last opened")}</dt>
        <dd>{s.lastOpenedAt ? instant(s.lastOpenedAt) : t("never")}</dd>
        {(s.emailOptOutAt || s.smsOptOutAt) && (
          <>
            <dt>{t("Opted out")}</dt>
            <dd>
              {s.emailOptOutAt ? `${t("e-mail since {when}", { when: instant(s.emailOptOutAt) })} ` : ""}
              {s.smsOptOutAt ? t("SMS since {when}", { when: instant(s.smsOptOutAt) }) : ""}
            </dd>
          </>
        )}
      </dl>
      <p className="actions">
        {s.status === "active" ? (
          <button type="button" className="btn" disabled={action.busy} onClick={() => void post("pause")}>
            {t("Pause reminders")}
          </button>
        ) : (
          <button type="button" className="btn" disabled={action.busy} onClick={() => void post("resume")}>
            {t("Resume reminders")}
          </button>
        )}{" "}
        <button
          type="button"
          className="btn"
          disabled={action.busy}
          onClick={() => void post("send-link", { channel: "email" })}
        >
          {t("Send the link by e-mail")}
        </button>{" "}
        <button
          type="button"
          className="btn"
          disabled={action.busy}
          onClick={() => void post("send-link", { channel: "sms" })}
        >
          {t("Send the link by SMS")}
        </button>
      </p>
      <form
        className="actions"
        aria-label={t("Hand off")}
        onSubmit={(e) => {
          e.preventDefault();
          if (!window.confirm(t("Hand off this case? All contact with the debtor stops."))) return;
          void action.run(async () => {
            await request("POST", `/api/cases/${caseId}/hand-off`, { body: { recipient } });
            await download(`/api/cases/${caseId}/case-file.zip`, "case-file.zip");
            seq.reload();
          });
        }}
      >
        <label>
          {t("Hand off to")}{" "}
          <select value={recipient} onChange={(e) => setRecipient(e.target.value)}>
            <option value="collection_agency">{t("a collection agency")}</option>
            <option value="bailiff">{t("a bailiff")}</option>
            <option value="court_order">{t("a court order for payment")}</option>
          </select>
        </label>{" "}
        <button type="submit" className="btn" disabled={action.busy || s.reason === "case:handed_off"}>
          {t("Hand off and download the case file")}
        </button>{" "}
        {s.reason === "case:handed_off" && (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() =>
              void action.run(() => download(`/api/cases/${caseId}/case-file.zip`, "case-file.zip"))
            }
          >
            {t("Case file (ZIP)")}
          </button>
        )}
      </form>
      <ErrorText error={action.error} />
      <MessageTable messages={s.messages} />
    </div>
  );
}

/** Why the sequence is paused or stopped: "escalation:dispute", "case:handed_off", "collector"… in words. */
function reasonLabel(reason: string): string {
  const code = reason.replace(/^(escalation|case):/, "");
  return hasCodeLabel(`sequence.${code}`) ? label(`sequence.${code}`) : label(code);
}

/** "E-mail" in the middle of a sentence is "e-mail"; acronyms (SMS) stay as they are. */
function inSentence(word: string): string {
  return /^[A-Z][a-zà-ÿ-]/.test(word) ? word.charAt(0).toLowerCase() + word.slice(1) : word;
}
