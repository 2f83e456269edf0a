// The creditor-wide outbox: every reminder, confirmation, letter and task, filtered by status,
// channel and kind. Without an SMTP server this is where `npm start` shows what would be sent.
import { useState } from "react";
import type { OutreachMessage } from "../../../contract/outreach.js";
import { query, request } from "../api.js";
import { ErrorText, Loading } from "../components/common.js";
import { label } from "../format.js";
import { useResource } from "../hooks.js";
import { codeLabel, t } from "../i18n.js";
import { MessageTable } from "./MessageTable.js";

const STATUSES = ["", "queued", "sent", "failed", "cancelled", "skipped", "to_post", "open", "done"];
const CHANNELS = ["", "email", "sms", "letter", "task"];
const KINDS = [
  "",
  "reminder",
  "instalment_due",
  "instalment_missed",
  "confirmation",
  "cancellation",
  "link",
  "task",
];

export function OutboxPage() {
  const [status, setStatus] = useState("");
  const [channel, setChannel] = useState("");
  const [kind, setKind] = useState("");
  const list = useResource(
    () =>
      request<{ messages: OutreachMessage[] }>(
        "GET",
        `/api/outreach/messages${query({ status, channel, kind })}`,
      ),
    [status, channel, kind],
  );
  const select = (
    name: string,
    value: string,
    options: string[],
    set: (v: string) => void,
    words: (code: string) => string = label,
  ) => (
    <label>
      {name}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o ? words(o) : t("Any")}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="page">
      <h1>{t("Outbox")}</h1>
      <form className="filters" aria-label={t("Filter messages")} onSubmit={(e) => e.preventDefault()}>
        {select(t("Status"), status, STATUSES, setStatus)}
        {select(t("Channel"), channel, CHANNELS, setChannel)}
        {select(t("Kind"), kind, KINDS, setKind, (k) => codeLabel(`outreach.${k}`))}
      </form>
      <ErrorText error={list.error} />
      {list.data ? (
        <MessageTable messages={list.data.messages} showCase />
      ) : (
        <Loading what={t("the outbox")} />
      )}
    </section>
  );
}

/** Open to-do steps of the sequences (task channel), for the queue page. */
export function OutreachTasks() {
  const list = useResource(() => request<{ messages: OutreachMessage[] }>("GET", "/api/outreach/tasks"), []);
  if (!list.data || list.data.messages.length === 0) return null;
  return (
    <section aria-labelledby="h-tasks">
      <h2 id="h-tasks">{t("Reminder tasks")}</h2>
      <MessageTable messages={list.data.messages} showCase />
    </section>
  );
}
