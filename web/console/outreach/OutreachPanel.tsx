// The case page's reminder sequence: status, next step and date, when the debtor last opened a
// link, opt-outs, past messages with their delivery status; pause, resume and "send the link now"
// (a message with its own link: the debtor's current link keeps working).
import { request } from "../api.js";
import { Badge, ErrorText, Loading } from "../components/common.js";
import { day, instant, label } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import "./outreach.css";
import { MessageTable } from "./MessageTable.js";
import type { OutreachSequence } from "./types.js";

export function OutreachPanel({ caseId }: { caseId: string }) {
  const seq = useResource(() => request<OutreachSequence>("GET", `/api/cases/${caseId}/outreach`), [caseId]);
  const action = useAction();
  if (seq.error) return <ErrorText error={seq.error} />;
  if (!seq.data) return <Loading what="the reminders" />;
  const s = seq.data;
  const post = (path: string, body?: unknown) =>
    action.run(async () => {
      await request("POST", `/api/cases/${caseId}/outreach/${path}`, body === undefined ? {} : { body });
      seq.reload();
    });
  return (
    <div className="outreach" data-sequence={s.status}>
      <dl className="kv">
        <dt>Sequence</dt>
        <dd>
          <Badge value={s.status} kind="sequence" />
          {s.reason ? ` (${label(s.reason.replace(/^escalation:/, ""))})` : ""}
        </dd>
        <dt>Next step</dt>
        <dd>
          {s.nextStep
            ? `${s.nextStep.id} by ${label(s.nextStep.channel)} on ${day(s.nextStep.date)}${
                s.nextRunAt ? ` (not before ${instant(s.nextRunAt)})` : ""
              }`
            : "—"}
        </dd>
        <dt>Link last opened</dt>
        <dd>{s.lastOpenedAt ? instant(s.lastOpenedAt) : "never"}</dd>
        {(s.emailOptOutAt || s.smsOptOutAt) && (
          <>
            <dt>Opted out</dt>
            <dd>
              {s.emailOptOutAt ? `e-mail since ${instant(s.emailOptOutAt)} ` : ""}
              {s.smsOptOutAt ? `SMS since ${instant(s.smsOptOutAt)}` : ""}
            </dd>
          </>
        )}
      </dl>
      <p className="actions">
        {s.status === "active" ? (
          <button type="button" className="btn" disabled={action.busy} onClick={() => void post("pause")}>
            Pause reminders
          </button>
        ) : (
          <button type="button" className="btn" disabled={action.busy} onClick={() => void post("resume")}>
            Resume reminders
          </button>
        )}{" "}
        <button
          type="button"
          className="btn"
          disabled={action.busy}
          onClick={() => void post("send-link", { channel: "email" })}
        >
          Send the link by e-mail
        </button>{" "}
        <button
          type="button"
          className="btn"
          disabled={action.busy}
          onClick={() => void post("send-link", { channel: "sms" })}
        >
          Send the link by SMS
        </button>
      </p>
      <ErrorText error={action.error} />
      <MessageTable messages={s.messages} />
    </div>
  );
}
