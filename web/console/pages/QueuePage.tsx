// The escalation queue, live: new escalations appear as they open (socket.io /console), filters
// by kind, status and assignee.
import { useState } from "react";
import { query, request } from "../api.js";
import { ErrorText, Loading, Pagination } from "../components/common.js";
import { EscalationItem } from "../components/Escalation.js";
import { label } from "../format.js";
import { useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { useLiveEvents } from "../live.js";
import { useNotificationPermission } from "../notify.js";
import { OutreachTasks } from "../outreach/OutboxPage.js";
import { ESCALATION_KINDS, type EscalationList } from "../types.js";

export function QueuePage() {
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("active");
  const [assignee, setAssignee] = useState("any");
  const [page, setPage] = useState(1);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const list = useResource(
    () =>
      request<EscalationList>(
        "GET",
        `/api/escalations${query({ kind, status, assignee, page, pageSize: 20 })}`,
      ),
    [kind, status, assignee, page],
  );
  useLiveEvents(["escalation.opened", "escalation.updated"], (name, payload) => {
    if (name === "escalation.opened") setFresh((s) => new Set(s).add(payload.escalationId));
    list.reload();
  });

  const [permission, askPermission] = useNotificationPermission();
  return (
    <section className="page">
      <h1>{t("Escalations")}</h1>
      <OutreachTasks />
      {permission === "default" && (
        <p className="hint">
          <button type="button" className="btn" onClick={askPermission}>
            {t("Notify me of new escalations")}
          </button>{" "}
          {t("The browser shows a notification when a case needs a person, even in another tab.")}
        </p>
      )}
      {permission === "granted" && (
        <p className="muted">{t("Browser notifications are on for new escalations.")}</p>
      )}
      <form className="filters" aria-label={t("Filter escalations")} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("Kind")}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t("All kinds")}</option>
            {ESCALATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("Status")}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="active">{t("Open or assigned")}</option>
            <option value="open">{t("Open")}</option>
            <option value="assigned">{t("Assigned")}</option>
            <option value="resolved">{t("Resolved")}</option>
            <option value="all">{t("All")}</option>
          </select>
        </label>
        <label>
          {t("Assignee")}
          <select
            value={assignee}
            onChange={(e) => {
              setAssignee(e.target.value);
              setPage(1);
            }}
          >
            <option value="any">{t("Anyone")}</option>
            <option value="me">{t("Me")}</option>
            <option value="unassigned">{t("Nobody")}</option>
          </select>
        </label>
      </form>
      <ErrorText error={list.error} />
      {!list.data && list.loading && <Loading what={t("escalations")} />}
      {list.data && list.data.items.length === 0 && <p className="empty">{t("Nothing in the queue.")}</p>}
      <div className="queue" aria-live="polite">
        {list.data?.items.map((card) => (
          <EscalationItem key={card.id} card={card} fresh={fresh.has(card.id)} onChange={list.reload} />
        ))}
      </div>
      {list.data && list.data.total > list.data.pageSize && (
        <Pagination
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={setPage}
        />
      )}
    </section>
  );
}
