// The escalation queue, live: new escalations appear as they open (socket.io /console), filters
// by kind, status and assignee.
import { useState } from "react";
import { query, request } from "../api.js";
import { ErrorText, Loading, Pagination } from "../components/common.js";
import { EscalationItem } from "../components/Escalation.js";
import { label } from "../format.js";
import { useResource } from "../hooks.js";
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
  useLiveEvents(["escalation.opened", "escalation.updated"], (name, payload: { escalationId: string }) => {
    if (name === "escalation.opened") setFresh((s) => new Set(s).add(payload.escalationId));
    list.reload();
  });

  const [permission, askPermission] = useNotificationPermission();
  return (
    <section className="page">
      <h1>Escalations</h1>
      <OutreachTasks />
      {permission === "default" && (
        <p className="hint">
          <button type="button" className="btn" onClick={askPermission}>
            Notify me of new escalations
          </button>{" "}
          The browser shows a notification when a case needs a person, even in another tab.
        </p>
      )}
      {permission === "granted" && <p className="muted">Browser notifications are on for new escalations.</p>}
      <form className="filters" aria-label="Filter escalations" onSubmit={(e) => e.preventDefault()}>
        <label>
          Kind
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(1);
            }}
          >
            <option value="">All kinds</option>
            {ESCALATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          >
            <option value="active">Open or assigned</option>
            <option value="open">Open</option>
            <option value="assigned">Assigned</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Assignee
          <select
            value={assignee}
            onChange={(e) => {
              setAssignee(e.target.value);
              setPage(1);
            }}
          >
            <option value="any">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Nobody</option>
          </select>
        </label>
      </form>
      <ErrorText error={list.error} />
      {!list.data && list.loading && <Loading what="escalations" />}
      {list.data && list.data.items.length === 0 && <p className="empty">Nothing in the queue.</p>}
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
