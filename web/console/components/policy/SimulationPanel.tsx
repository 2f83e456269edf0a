// A draft's simulation: start it, follow its progress (read from the job row, so a reload picks it
// up again), then the replay of past conversations and the evaluation suite side by side, with
// the conversations and scenarios that moved.
import { useEffect, useState } from "react";
import type { JobView, SimulationResult } from "../../../../contract/policy-studio.js";
import { request } from "../../api.js";
import { money } from "../../format.js";
import { useAction } from "../../hooks.js";
import { currentLang, t } from "../../i18n.js";
import { studioErrorText } from "../../words/policy-server-words.js";
import type { PageText } from "../../words-fr.js";
import { BarChart } from "../Charts.js";

// The worker's stages and the evaluation's metric names are fixed English words: their French here.
const STAGES: Record<string, PageText> = {
  "replaying past conversations": "replaying past conversations",
  "replay done": "replay done",
  "suite: published version": "suite: published version",
  "suite: draft": "suite: draft",
};
const METRICS: Record<string, PageText> = {
  "pass rate": "pass rate",
  "policy violations": "policy violations",
  "agreement rate": "agreement rate",
  "recovery ratio (promised / due)": "recovery ratio (promised / due)",
  "mean discount granted": "mean discount granted",
  "escalation precision": "escalation precision",
  "escalation recall": "escalation recall",
  "turns to agreement (mean)": "turns to agreement (mean)",
  "guard interventions": "guard interventions",
};
const DIRECTIONS: Record<string, PageText> = { better: "better", worse: "worse", moved: "moved" };
const known = (words: Record<string, PageText>, text: string) => (words[text] ? t(words[text]) : text);
// "+1.5 pts", "n/a": figures written by the evaluation, with the French decimal comma.
const figure = (text: string) =>
  currentLang() === "fr" ? text.replace(/(\d)\.(\d)/g, "$1,$2").replace("n/a", "n.d.") : text;

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
    <section className="card" aria-label={t("Simulation")}>
      <h2>{t("Simulation")}</h2>
      <p className="hint">
        {t(
          "The pack's evaluation scenarios under the published version and the draft, and a replay of the last month's real conversations under both.",
        )}
      </p>
      <div className="actions">
        <label className="policy-field">
          <span>
            {t("Scenarios")}{" "}
            <span className="hint">
              ({t("optional filter, as")} <code>npm run eval -- --filter</code>)
            </span>
          </span>
          <input value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={start} disabled={action.busy || running}>
          {job ? t("Run the simulation again") : t("Run the simulation")}
        </button>
        {action.error && (
          <p className="error" role="alert">
            {studioErrorText(action.error)}
          </p>
        )}
      </div>
      {job && (
        <div className="simulation-progress">
          <progress max={100} value={job.progress} aria-label={t("Simulation progress")} />{" "}
          <span data-testid="simulation-status">
            {job.status === "succeeded"
              ? t("Finished")
              : job.status === "failed"
                ? t("Failed: {why}", { why: job.error ?? t("unknown error") })
                : `${job.progress} % — ${job.stage ? known(STAGES, job.stage) : t("waiting for a worker")}`}
          </span>
        </div>
      )}
      {job?.status === "succeeded" && job.result && <SimulationResultView result={job.result} />}
    </section>
  );
}

function SimulationResultView({ result }: { result: SimulationResult }) {
  const r = result.replay.totals;
  const blocking = currentLang() === "fr" && result.blockingFr ? result.blockingFr : result.blocking;
  return (
    <div className="simulation-result">
      {blocking.length > 0 && (
        <ul className="errors" aria-label={t("What blocks publishing")}>
          {blocking.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <h3>{t("Past conversations")}</h3>
      <table aria-label={t("Replay totals")}>
        <tbody>
          <tr>
            <th scope="row">{t("Conversations replayed")}</th>
            <td>{r.conversations}</td>
          </tr>
          <tr>
            <th scope="row">{t("Conversations that moved")}</th>
            <td data-testid="moved-count">{r.moved}</td>
          </tr>
          <tr>
            <th scope="row">{t("Offers that would change")}</th>
            <td>{r.offersChanged}</td>
          </tr>
          <tr>
            <th scope="row">{t("Escalations opened / avoided")}</th>
            <td>
              {r.escalationsOpened} / {r.escalationsAvoided}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="charts">
        <BarChart
          title={t("Agreements")}
          bars={[
            {
              label: t("published"),
              value: r.agreementsPublished,
              display: String(r.agreementsPublished),
              tone: "a",
            },
            { label: t("draft"), value: r.agreementsDraft, display: String(r.agreementsDraft), tone: "b" },
          ]}
        />
        {r.amounts.map((a) => (
          <BarChart
            key={a.currency}
            title={t("Amounts of the last offers ({currency})", { currency: a.currency })}
            bars={[
              {
                label: t("published"),
                value: a.published,
                display: money(a.published, a.currency),
                tone: "a",
              },
              { label: t("draft"), value: a.draft, display: money(a.draft, a.currency), tone: "b" },
            ]}
          />
        ))}
      </div>
      {result.replay.conversations.length === 0 ? (
        <p className="empty">{t("No past conversation would have gone differently.")}</p>
      ) : (
        <table aria-label={t("Conversations that moved")}>
          <thead>
            <tr>
              <th scope="col">{t("Case")}</th>
              <th scope="col">{t("Message")}</th>
              <th scope="col">{t("Published version")}</th>
              <th scope="col">{t("Draft")}</th>
            </tr>
          </thead>
          <tbody>
            {result.replay.conversations.flatMap((c) =>
              (c.changes.length > 0
                ? c.changes
                : [{ index: -1, published: t("(outcome)"), draft: t("(outcome)") }]
              ).map((ch) => (
                <tr key={`${c.caseId}-${ch.index}`}>
                  <td>
                    <code>{c.caseKey}</code>
                  </td>
                  <td>{ch.index >= 0 ? `#${ch.index + 1}` : ""}</td>
                  <td>{currentLang() === "fr" && ch.publishedFr ? ch.publishedFr : ch.published}</td>
                  <td>{currentLang() === "fr" && ch.draftFr ? ch.draftFr : ch.draft}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <h3>{t("Evaluation suite")}</h3>
      {!result.suite ? (
        <p className="muted">{t("No evaluation scenario for this pack.")}</p>
      ) : (
        <>
          <table aria-label={t("Suite metrics")}>
            <thead>
              <tr>
                <th scope="col">{t("Assistant ({count} scenarios)", { count: result.suite.scenarios })}</th>
                <th scope="col">{t("Published")}</th>
                <th scope="col">{t("Draft")}</th>
                <th scope="col">{t("Change")}</th>
              </tr>
            </thead>
            <tbody>
              {result.suite.metrics.map((m) => (
                <tr key={m.metric}>
                  <td>{known(METRICS, m.metric)}</td>
                  <td>{figure(m.published)}</td>
                  <td>{figure(m.draft)}</td>
                  <td>{figure(m.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.suite.shifts.length === 0 ? (
            <p className="empty">{t("No scenario changed its result.")}</p>
          ) : (
            <table aria-label={t("Scenarios that moved")}>
              <thead>
                <tr>
                  <th scope="col">{t("Scenario")}</th>
                  <th scope="col">{t("Expected")}</th>
                  <th scope="col">{t("Published")}</th>
                  <th scope="col">{t("Draft")}</th>
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
                    <td>{known(DIRECTIONS, s.direction)}</td>
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
