// A draft's simulation: start it, follow its progress (read from the job row, so a reload picks it
// up again), then the replay of past conversations and the evaluation suite side by side, with
// the conversations and scenarios that moved.
import { useEffect, useState } from "react";
import type { JobView, SimulationResult } from "../../../../contract/policy-studio.js";
import { request } from "../../api.js";
import { money } from "../../format.js";
import { useAction } from "../../hooks.js";
import { BarChart } from "../Charts.js";
import { ErrorText } from "../common.js";

export function useJob(jobId: string | null, onDone: () => void): JobView | null {
  const [job, setJob] = useState<JobView | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: polls for the job id only
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await request<JobView>("GET", `/api/jobs/${jobId}`);
        if (stopped) return;
        setJob(next);
        if (next.status === "succeeded" || next.status === "failed") {
          onDone();
          return;
        }
      } catch {
        // A failed poll is retried: the job goes on in the background.
      }
      if (!stopped) timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);
  return job;
}

export function SimulationPanel({
  draftId,
  jobId,
  onStarted,
  onDone,
}: {
  draftId: string;
  jobId: string | null;
  onStarted: (jobId: string) => void;
  onDone: () => void;
}) {
  const job = useJob(jobId, onDone);
  const action = useAction();
  const [filter, setFilter] = useState("");
  const running = job !== null && (job.status === "queued" || job.status === "running");
  const start = () =>
    action.run(async () => {
      const started = await request<{ jobId: string }>(
        "POST",
        `/api/policies/drafts/${draftId}/simulations`,
        {
          body: filter.trim() ? { filter: filter.trim() } : {},
        },
      );
      onStarted(started.jobId);
    });
  return (
    <section className="card" aria-label="Simulation">
      <h2>Simulation</h2>
      <p className="hint">
        The pack's evaluation scenarios under the published version and the draft, and a replay of the last
        month's real conversations under both.
      </p>
      <div className="actions">
        <label className="policy-field">
          <span>
            Scenarios <span className="hint">(optional filter, as npm run eval -- --filter)</span>
          </span>
          <input value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={start} disabled={action.busy || running}>
          {job ? "Run the simulation again" : "Run the simulation"}
        </button>
        <ErrorText error={action.error} />
      </div>
      {job && (
        <div className="simulation-progress">
          <progress max={100} value={job.progress} aria-label="Simulation progress" />{" "}
          <span data-testid="simulation-status">
            {job.status === "succeeded"
              ? "Finished"
              : job.status === "failed"
                ? `Failed: ${job.error ?? "unknown error"}`
                : `${job.progress} % — ${job.stage ?? "waiting for a worker"}`}
          </span>
        </div>
      )}
      {job?.status === "succeeded" && job.result && <SimulationResultView result={job.result} />}
    </section>
  );
}

function SimulationResultView({ result }: { result: SimulationResult }) {
  const t = result.replay.totals;
  return (
    <div className="simulation-result">
      {result.blocking.length > 0 && (
        <ul className="errors" aria-label="What blocks publishing">
          {result.blocking.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <h3>Past conversations</h3>
      <table aria-label="Replay totals">
        <tbody>
          <tr>
            <th scope="row">Conversations replayed</th>
            <td>{t.conversations}</td>
          </tr>
          <tr>
            <th scope="row">Conversations that moved</th>
            <td data-testid="moved-count">{t.moved}</td>
          </tr>
          <tr>
            <th scope="row">Offers that would change</th>
            <td>{t.offersChanged}</td>
          </tr>
          <tr>
            <th scope="row">Escalations opened / avoided</th>
            <td>
              {t.escalationsOpened} / {t.escalationsAvoided}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="charts">
        <BarChart
          title="Agreements"
          bars={[
            {
              label: "published",
              value: t.agreementsPublished,
              display: String(t.agreementsPublished),
              tone: "a",
            },
            { label: "draft", value: t.agreementsDraft, display: String(t.agreementsDraft), tone: "b" },
          ]}
        />
        {t.amounts.map((a) => (
          <BarChart
            key={a.currency}
            title={`Amounts of the last offers (${a.currency})`}
            bars={[
              { label: "published", value: a.published, display: money(a.published, a.currency), tone: "a" },
              { label: "draft", value: a.draft, display: money(a.draft, a.currency), tone: "b" },
            ]}
          />
        ))}
      </div>
      {result.replay.conversations.length === 0 ? (
        <p className="empty">No past conversation would have gone differently.</p>
      ) : (
        <table aria-label="Conversations that moved">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Message</th>
              <th scope="col">Published version</th>
              <th scope="col">Draft</th>
            </tr>
          </thead>
          <tbody>
            {result.replay.conversations.flatMap((c) =>
              (c.changes.length > 0
                ? c.changes
                : [{ index: -1, published: "(outcome)", draft: "(outcome)" }]
              ).map((ch) => (
                <tr key={`${c.caseId}-${ch.index}`}>
                  <td>
                    <code>{c.caseKey}</code>
                  </td>
                  <td>{ch.index >= 0 ? `#${ch.index + 1}` : ""}</td>
                  <td>{ch.published}</td>
                  <td>{ch.draft}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <h3>Evaluation suite</h3>
      {!result.suite ? (
        <p className="muted">No evaluation scenario for this pack.</p>
      ) : (
        <>
          <table aria-label="Suite metrics">
            <thead>
              <tr>
                <th scope="col">Assistant ({result.suite.scenarios} scenarios)</th>
                <th scope="col">Published</th>
                <th scope="col">Draft</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {result.suite.metrics.map((m) => (
                <tr key={m.metric}>
                  <td>{m.metric}</td>
                  <td>{m.published}</td>
                  <td>{m.draft}</td>
                  <td>{m.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.suite.shifts.length === 0 ? (
            <p className="empty">No scenario changed its result.</p>
          ) : (
            <table aria-label="Scenarios that moved">
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Published</th>
                  <th scope="col">Draft</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {result.suite.shifts.map((s) => (
                  <tr key={s.scenarioId}>
                    <td>{s.scenarioId}</td>
                    <td>{s.expected}</td>
                    <td>{s.published}</td>
                    <td>{s.draft}</td>
                    <td>{s.direction}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
