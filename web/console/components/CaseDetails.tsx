// The case page's static parts: debt breakdown (amountDue lines), debtor details, the debtor link
// (rotate, revoke, copy the new one), offers.
import { useState } from "react";
import { request } from "../api.js";
import { day, instant, label, money } from "../format.js";
import { useAction } from "../hooks.js";
import { t } from "../i18n.js";
import type { CaseView } from "../types.js";
import { amountHow } from "../words/amount-how.js";
import { CopyLink } from "./CopyLink.js";
import { Badge, Code, ErrorText, Facts } from "./common.js";

export function Breakdown({ view }: { view: CaseView }) {
  const due = view.amountDue;
  if (!due) return <p className="muted">{t("No amount due could be computed.")}</p>;
  const m = (n: number) => money(n, due.currency);
  return (
    <>
      <table className="breakdown">
        <thead>
          <tr>
            <th scope="col">{t("Line")}</th>
            <th scope="col">{t("Invoice")}</th>
            <th scope="col">{t("Amount")}</th>
            <th scope="col">{t("Rule")}</th>
            <th scope="col">{t("How")}</th>
          </tr>
        </thead>
        <tbody>
          {due.lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are ordered and have no id
            <tr key={i}>
              <td>{label(l.kind)}</td>
              <td>{l.invoiceNumber ?? "–"}</td>
              <td className="num">{m(l.amount)}</td>
              <td>
                <Code value={l.rule} />
              </td>
              <td className="muted" title={l.detail}>
                {amountHow(l.how)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("Principal {principal} · interest {interest} · fees {fees} · paid −{paid}", {
                principal: m(due.principal),
                interest: m(due.interest),
                fees: m(due.fees),
                paid: m(due.paid),
              })}
            </th>
            <td className="num">
              <strong>{m(due.total)}</strong>
            </td>
            <td colSpan={2}>
              {t("as of {date} · {days} days past due", { date: day(due.asOf), days: due.daysPastDue })}
              {due.timeBarred ? ` · ${t("time-barred")}` : ""}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">
        <abbr className="code-label" title={due.limitationRule}>
          {t("Limitation period: {years} years", { years: due.limitationYears })}
        </abbr>
      </p>
    </>
  );
}

export function DebtorDetails({ view }: { view: CaseView }) {
  return (
    <Facts
      items={[
        [t("Debtor"), view.debtor.name],
        [t("Kind"), label(view.debtor.kind)],
        [t("Email"), view.debtor.email],
        [t("Phone"), view.debtor.phone],
        [t("Language"), view.debtor.locale === "fr" ? t("French") : t("English")],
        [t("Time zone"), view.debtor.timeZone],
        [t("Creditor"), view.creditor.name],
        [t("Jurisdiction"), `${view.jurisdiction}${view.usState ? ` (${view.usState})` : ""}`],
        [
          t("Identity question"),
          view.verification.question ??
            (view.verification.hasAnswer ? t("(default)") : t("None: invoice number")),
        ],
        [
          t("Identity"),
          view.conversation
            ? view.conversation.verified
              ? t("Verified")
              : view.conversation.locked
                ? t("Locked")
                : t("Not verified")
            : t("Not started"),
        ],
        [t("Policy"), `${view.policyVersion.packId} @ ${view.policyVersion.hash.slice(0, 12)}`],
      ]}
    />
  );
}

export function LinkPanel({ view, onChange }: { view: CaseView; onChange: () => void }) {
  const [fresh, setFresh] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const link = view.link;
  return (
    <div className="link-panel">
      <p>
        {link ? (
          <>
            {link.active ? (
              <Badge value="active" kind="link" />
            ) : (
              <Badge value={link.revokedAt ? "revoked" : "expired"} kind="link" />
            )}{" "}
            {t("created {when}", { when: instant(link.createdAt) })},{" "}
            {link.revokedAt
              ? t("revoked {when}", { when: instant(link.revokedAt) })
              : t("expires {when}", { when: instant(link.expiresAt) })}
          </>
        ) : (
          t("No link.")
        )}
      </p>
      {fresh ? (
        <>
          <p>{t("New link (shown once):")}</p>
          <CopyLink link={fresh} />
        </>
      ) : (
        <p className="hint">
          {t(
            "The link is shown only when it is created: rotate it to get a new one to copy (the old one stops working).",
          )}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={action.busy}
          onClick={async () => {
            const res = await action.run(() =>
              request<{ link: string }>("POST", `/api/cases/${view.id}/link`),
            );
            if (res) {
              setFresh(res.link);
              onChange();
            }
          }}
        >
          {t("Rotate the link")}
        </button>
        {!confirming ? (
          <button
            type="button"
            className="btn btn--danger"
            disabled={!link?.active}
            onClick={() => setConfirming(true)}
          >
            {t("Revoke the link")}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn btn--danger"
              onClick={async () => {
                await action.run(() => request("DELETE", `/api/cases/${view.id}/link`));
                setConfirming(false);
                setFresh(null);
                onChange();
              }}
            >
              {t("Confirm: revoke")}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)}>
              {t("Cancel")}
            </button>
          </>
        )}
      </div>
      <ErrorText error={action.error} />
    </div>
  );
}

export function OfferTable({ view }: { view: CaseView }) {
  if (view.offers.length === 0) return <p className="empty">{t("No offer yet.")}</p>;
  return (
    <table className="offers">
      <thead>
        <tr>
          <th scope="col">{t("Kind")}</th>
          <th scope="col">{t("Status")}</th>
          <th scope="col">Total</th>
          <th scope="col">
            <abbr title={t("Discount")}>%</abbr>
          </th>
          <th scope="col">
            <abbr title={t("Instalments")}>#</abbr>
          </th>
          <th scope="col">{t("Rule")}</th>
          <th scope="col">{t("By")}</th>
          <th scope="col">{t("Expires")}</th>
        </tr>
      </thead>
      <tbody>
        {view.offers.map((o) => (
          <tr key={o.id}>
            <td>{label(o.kind)}</td>
            <td>
              <Badge value={o.status} kind="offer" />
            </td>
            <td className="num">{money(o.total, o.currency)}</td>
            <td className="num">{o.discountBps ? `${(o.discountBps / 100).toFixed(2)} %` : "–"}</td>
            <td className="num">{Array.isArray(o.instalments) ? o.instalments.length : "–"}</td>
            <td>
              <Code value={o.rule} />
            </td>
            <td>{o.source === "collector" ? t("Collector") : t("Policy engine")}</td>
            <td className="nowrap">{day(o.expiresAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
