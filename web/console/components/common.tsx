// Small pieces shared by the pages: errors, status badges, pagination, key-value lists.
import type { ReactNode } from "react";
import type { ApiError } from "../api.js";
import { label } from "../format.js";
import { t } from "../i18n.js";
import { serverMessage } from "../words/server-words.js";

export function ErrorText({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {serverMessage(error)}
    </p>
  );
}

export function Badge({ value, kind = "status" }: { value: string; kind?: string }) {
  return (
    <span className={`badge badge--${kind} badge--${value}`} title={value}>
      {label(value)}
    </span>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t("Pages")}>
      <button type="button" className="btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("Previous")}
      </button>
      <span>{t("Page {page} of {pages} ({total} in all)", { page, pages, total })}</span>
      <button type="button" className="btn" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("Next")}
      </button>
    </nav>
  );
}

export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v ?? "–"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">{t("Loading {what}…", { what })}</p>;
}

/** A policy rule or other code in plain words, the code itself in the tooltip. */
export function Code({ value }: { value: string }) {
  return (
    <abbr className="code-label" title={value}>
      {label(value)}
    </abbr>
  );
}
