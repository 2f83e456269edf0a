// The policy studio's editor for one pack: the settings as a form (or YAML for experts), checked
// by the server as you type (errors on their field, the changes in words, what needs a second
// person's approval, what the law forbids), saved as a draft, simulated in the background, then
// published, approved or rolled back. The draft's id is in the address, so a reload (or a
// colleague opening the link) finds the draft and its running simulation again.
import { useEffect, useMemo, useRef, useState } from "react";
import { parse, stringify } from "yaml";
import type { DraftCheck, DraftDetail, PackJson, PolicyDetail } from "../../../contract/policy-studio.js";
import { ApiError, request } from "../api.js";
import { Badge, ErrorText, Loading } from "../components/common.js";
import type { Errors } from "../components/policy/fields.js";
import { PackForm } from "../components/policy/PackForm.js";
import { SimulationPanel } from "../components/policy/SimulationPanel.js";
import { instant } from "../format.js";
import { useAction, useResource } from "../hooks.js";
import { currentLang, t } from "../i18n.js";
import { Link, navigate, useLocation } from "../router.js";
import {
  changeText,
  checkErrorText,
  fieldLabel,
  studioErrorText,
  versionNote,
  yamlErrorText,
} from "../words/policy-server-words.js";

// The server writes its sentences in English (`message`, `text`) and in French (`messageFr`,
// `textFr`); the page shows the console's language (words/policy-server-words.ts).
interface ServerMessage {
  path: string;
  message: string;
  messageFr?: string;
}

type Check = DraftCheck;

const byPath = (errors: readonly ServerMessage[]): Errors => {
  const out: Record<string, string[]> = {};
  for (const e of errors) out[e.path] = [...(out[e.path] ?? []), checkErrorText(e)];
  return out;
};

/** A person's note in the quotation marks of the console's language. */
const quoted = (text: string) => (currentLang() === "fr" ? `« ${text} »` : `“${text}”`);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function PolicyEditorPage({ packId }: { packId: string }) {
  const { search } = useLocation();
  const draftId = search.get("draft");
  const detail = useResource(
    () => request<PolicyDetail>("GET", `/api/policies/${encodeURIComponent(packId)}`),
    [packId],
  );
  const draft = useResource(
    () => (draftId ? request<DraftDetail>("GET", `/api/policies/drafts/${draftId}`) : Promise.resolve(null)),
    [draftId],
  );
  const [content, setContent] = useState<PackJson | null>(null);
  const [mode, setMode] = useState<"form" | "yaml">("form");
  const [yamlText, setYamlText] = useState("");
  const [yamlError, setYamlError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [saveErrors, setSaveErrors] = useState<Errors>({});
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const action = useAction();

  const base = (draftId ? draft.data?.content : detail.data?.published?.content) as PackJson | undefined;
  // (Re)start from the saved draft or the published version when either loads or changes.
  const baseKey = draftId ? (draft.data?.id ?? null) : (detail.data?.published?.versionId ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the base version changes
  useEffect(() => {
    if (base) {
      setContent(structuredClone(base));
      setYamlText(stringify(base, { lineWidth: 0 }));
    }
  }, [baseKey]);
  useEffect(() => {
    setJobId(draft.data?.simulation?.id ?? null);
  }, [draft.data?.simulation?.id]);

  // The server checks the content as it is typed (debounced): the same schema and words as on save.
  const seq = useRef(0);
  useEffect(() => {
    if (!content) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      request<Check>("POST", `/api/policies/${encodeURIComponent(packId)}/check`, { body: { content } })
        .then((c) => {
          if (mine === seq.current) setCheck(c);
        })
        .catch(() => undefined);
    }, 350);
    return () => clearTimeout(timer);
  }, [content, packId]);

  const errors = useMemo(() => ({ ...byPath(check?.errors ?? []), ...saveErrors }), [check, saveErrors]);
  const unsaved = content !== null && !(draftId && draft.data && same(content, draft.data.content));
  const pristine = content !== null && !draftId && same(content, detail.data?.published?.content);

  const change = (next: PackJson) => {
    setSaveErrors({});
    setMessage(null);
    setContent(next);
    setYamlText(stringify(next, { lineWidth: 0 }));
  };
  const changeYaml = (text: string) => {
    setYamlText(text);
    try {
      const value: unknown = parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new Error("the pack must be a mapping");
      setYamlError(null);
      setSaveErrors({});
      setContent(value as PackJson);
    } catch (e) {
      setYamlError(yamlErrorText(e));
    }
  };

  const save = () =>
    action.run(async () => {
      try {
        const saved = await request<{ id: string }>(
          "POST",
          `/api/policies/${encodeURIComponent(packId)}/drafts`,
          {
            body: { content },
          },
        );
        setMessage(t("Draft saved."));
        navigate(`/policies/${packId}?draft=${saved.id}`, { replace: true });
        draft.reload();
      } catch (e) {
        if (e instanceof ApiError && e.fieldErrors().length > 0)
          setSaveErrors(byPath(e.fieldErrors() as ServerMessage[]));
        throw e;
      }
    });
  const publish = () =>
    action.run(async () => {
      const r = await request<{ status: string }>("POST", `/api/policies/drafts/${draftId}/publish`, {
        body: { note },
      });
      if (r.status === "awaiting_approval") {
        setMessage(
          t("This change widens a limit: it waits for a second policy editor or admin to approve it."),
        );
        draft.reload();
      } else {
        setMessage(t("Published. New cases use this version; existing cases keep theirs."));
        navigate(`/policies/${packId}`, { replace: true });
      }
      detail.reload();
    });
  const approve = () =>
    action.run(async () => {
      await request("POST", `/api/policies/drafts/${draftId}/approve`, { body: {} });
      setMessage(t("Approved and published. New cases use this version; existing cases keep theirs."));
      navigate(`/policies/${packId}`, { replace: true });
      detail.reload();
    });
  const rollback = (versionId: string) =>
    action.run(async () => {
      await request("POST", `/api/policies/${encodeURIComponent(packId)}/rollback`, {
        body: { versionId, note: "roll-back from the console" },
      });
      setMessage(t("Rolled back: new cases use that version again."));
      navigate(`/policies/${packId}`, { replace: true });
      detail.reload();
    });

  if (!detail.data)
    return (
      <section className="page">
        {detail.loading ? <Loading what={t("the policy")} /> : <ErrorText error={detail.error} />}
      </section>
    );
  const pub = detail.data.published;
  const status = draftId ? draft.data?.status : undefined;
  const open = status === "draft" || status === "awaiting_approval";
  return (
    <section className="page policy-editor">
      <p>
        <Link to="/policies">{t("All policies")}</Link>
      </p>
      <h1>
        {packId} {draftId ? <Badge value={status ?? "draft"} kind="policy" /> : null}
      </h1>
      <p className="muted">
        {t("Published version")} <code>{pub?.hash.slice(0, 12)}</code>{" "}
        {t("since {when}", { when: instant(pub?.publishedAt) })}
        {pub?.note ? ` — ${versionNote(pub.note)}` : ""}
      </p>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {action.error && (
        <p className="error" role="alert">
          {studioErrorText(action.error)}
        </p>
      )}

      <section className="card" aria-label={t("Changes")}>
        <h2>{t("Changes against the published version")}</h2>
        {!check || check.changes.length === 0 ? (
          <p className="empty">{t("No change yet.")}</p>
        ) : (
          <ul className="policy-changes">
            {check.changes.map((c) => (
              <li key={c.path}>{changeText(c)}</li>
            ))}
          </ul>
        )}
        {check && check.widenings.length > 0 && (
          <p className="warn">
            {t("Widens {limits}: publishing needs a second person's approval.", {
              limits: check.widenings.map((w) => fieldLabel(w.path)).join(", "),
            })}
          </p>
        )}
        {check && check.legalProblems.length > 0 && (
          <ul className="errors" aria-label={t("Legal problems")}>
            {check.legalProblems.map((p) => (
              <li key={`${p.path}-${p.message}`}>
                <code>{p.path}</code>: {checkErrorText(p)}
              </li>
            ))}
          </ul>
        )}
        {check && !check.ok && (
          <p className="error">
            {mode === "form"
              ? t(
                  "{count} problem(s) to fix before saving (shown on their fields; others in the YAML view).",
                  {
                    count: check.errors.length,
                  },
                )
              : t("{count} problem(s) to fix before saving (shown on their fields).", {
                  count: check.errors.length,
                })}
          </p>
        )}
      </section>

      <div className="actions" role="tablist" aria-label={t("Editor view")}>
        <button
          type="button"
          role="tab"
          aria-selected={mode === "form"}
          className="btn btn--ghost"
          onClick={() => setMode("form")}
        >
          {t("Form")}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === "yaml"}
          className="btn btn--ghost"
          onClick={() => setMode("yaml")}
        >
          YAML
        </button>
      </div>
      {content && mode === "form" && (
        <PackForm
          b={{
            pack: content,
            errors,
            currency: String((content.currencies as string[] | undefined)?.[0] ?? "EUR"),
            onChange: change,
          }}
        />
      )}
      {content && mode === "yaml" && (
        <section className="card">
          <label className="policy-field policy-field--text">
            <span>{t("The pack as YAML")}</span>
            <textarea
              className="policy-yaml"
              rows={30}
              value={yamlText}
              spellCheck={false}
              onChange={(e) => changeYaml(e.target.value)}
            />
          </label>
          {yamlError && <p className="field-error">{yamlError}</p>}
          {(check?.errors ?? []).length > 0 && (
            <ul className="errors">
              {check?.errors.map((e) => (
                <li key={`${e.path}-${e.message}`}>
                  <code>{e.path}</code>: {checkErrorText(e)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={save}
          disabled={action.busy || !unsaved || pristine || (check !== null && !check.ok)}
        >
          {t("Save draft")}
        </button>
        {unsaved && draftId && (
          <span className="hint">{t("Unsaved changes since the draft was saved.")}</span>
        )}
      </div>

      {draftId && draft.data && open && (
        <>
          <SimulationPanel
            draftId={draftId}
            jobId={jobId}
            onStarted={setJobId}
            onDone={() => draft.reload()}
          />
          <section className="card" aria-label={t("Publish")}>
            <h2>{t("Publish")}</h2>
            {status === "awaiting_approval" ? (
              <>
                <p>
                  {t("Awaiting approval")}
                  {draft.data.note ? ` — ${quoted(draft.data.note)}` : ""}.{" "}
                  {t("Another policy editor or admin approves it.")}
                </p>
                <button type="button" className="btn" onClick={approve} disabled={action.busy}>
                  {t("Approve and publish")}
                </button>
              </>
            ) : (
              <>
                <label className="policy-field policy-field--text">
                  <span>{t("Why this change (required)")}</span>
                  <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
                </label>
                <button
                  type="button"
                  className="btn"
                  onClick={publish}
                  disabled={action.busy || unsaved || note.trim().length < 3}
                >
                  {t("Publish")}
                </button>
              </>
            )}
          </section>
        </>
      )}

      <section className="card" aria-label={t("Versions")}>
        <h2>{t("Versions")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("Version")}</th>
              <th scope="col">{t("Status")}</th>
              <th scope="col">{t("Note")}</th>
              <th scope="col">{t("Author")}</th>
              <th scope="col">{t("Published")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {detail.data.versions.map((v) => (
              <tr key={v.versionId}>
                <td>
                  <code title={v.hash}>{v.hash.slice(0, 12)}</code>
                </td>
                <td>
                  <Badge value={v.status} kind="policy" />
                </td>
                <td>{versionNote(v.note)}</td>
                <td>{v.author ?? t("policies/ file")}</td>
                <td>{instant(v.publishedAt)}</td>
                <td>
                  {v.status === "archived" && v.publishedAt && (
                    <button
                      type="button"
                      className="btn btn--ghost"
                      onClick={() => rollback(v.versionId)}
                      disabled={action.busy}
                    >
                      {t("Roll back to this version")}
                    </button>
                  )}
                  {(v.status === "draft" || v.status === "awaiting_approval") && v.versionId !== draftId && (
                    <Link to={`/policies/${packId}?draft=${v.versionId}`}>{t("Open draft")}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
