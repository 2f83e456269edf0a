// One escalation as collectors work it: kind, case, the handoff summary, assign to me, reply to the
// debtor (taking the conversation over first: the assistant is then locked out), resolve.
import { type FormEvent, useState } from "react";
import { request } from "../api.js";
import { duration, instant, label, money, time } from "../format.js";
import { useAction } from "../hooks.js";
import { t } from "../i18n.js";
import { Link } from "../router.js";
import { useSession } from "../session.js";
import { type EscalationCard, OUTCOMES } from "../types.js";
import { Badge, ErrorText } from "./common.js";

type Summary = Record<string, unknown>;

const KNOWN = new Set([
  "kind",
  "why",
  "claim",
  "amounts",
  "offersMade",
  "limitHit",
  "reasonForNonPayment",
  "phase",
  "verified",
  "policyVersionId",
  "policy",
]);

/** The pack's trigger for this escalation, as the toolbox records it in the summary. */
interface PolicyTrigger {
  action: string;
  stopCollection: boolean;
  rules: string[];
  debtorWasTold: string;
}

const ACTIONS = {
  stop_and_handoff: () => t("Stop collecting and take the case over"),
  handoff: () => t("Take the case over; collection may resume afterwards"),
  close: () => t("Stop all contact except the allowed confirmation"),
  verify: () => t("Check the debtor's identity before anything else"),
} as Record<string, () => string>;

function policyTrigger(value: unknown): PolicyTrigger | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.action !== "string" || typeof v.debtorWasTold !== "string") return null;
  return {
    action: v.action,
    stopCollection: v.stopCollection === true,
    rules: Array.isArray(v.rules) ? v.rules.map(String) : [],
    debtorWasTold: v.debtorWasTold,
  };
}

function Amounts({ amounts }: { amounts: Record<string, unknown> }) {
  const currency = String(amounts.currency ?? "EUR");
  // JSONB does not keep key order: show the amounts in the order a collector reads them.
  const order = ["principal", "interest", "fees", "paid", "total", "promised", "remaining"];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const rows = (
    Object.entries(amounts).filter(([k, v]) => k !== "currency" && typeof v === "number") as [
      string,
      number,
    ][]
  ).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <ul className="inline-list">
      {rows.map(([k, v]) => (
        <li key={k}>
          {label(k)}: {money(v, currency)}
        </li>
      ))}
    </ul>
  );
}

export function HandoffSummary({ summary, currency }: { summary: unknown; currency: string }) {
  const s = (summary && typeof summary === "object" ? summary : {}) as Summary;
  const offers = Array.isArray(s.offersMade)
    ? (s.offersMade as { kind: string; total: number; instalments: number; rule: string }[])
    : [];
  const extra = Object.entries(s).filter(([k]) => !KNOWN.has(k));
  const policy = policyTrigger(s.policy);
  return (
    <dl className="summary">
      {typeof s.claim === "string" && s.claim && (
        <div>
          <dt>{t("What the debtor says")}</dt>
          <dd className="quote">{s.claim}</dd>
        </div>
      )}
      <div>
        <dt>{t("Why it escalated")}</dt>
        <dd>{label(String(s.why ?? s.kind ?? "unknown"))}</dd>
      </div>
      {s.amounts && typeof s.amounts === "object" ? (
        <div>
          <dt>{t("Amounts")}</dt>
          <dd>
            <Amounts amounts={s.amounts as Record<string, unknown>} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("Offers made")}</dt>
        <dd>
          {offers.length === 0
            ? t("None")
            : offers
                .map(
                  (o) =>
                    `${label(o.kind)} ${money(o.total, currency)}${o.instalments > 1 ? ` ${t("in {n} instalments", { n: o.instalments })}` : ""} (${o.rule})`,
                )
                .join("; ")}
        </dd>
      </div>
      {s.limitHit ? (
        <div>
          <dt>{t("Limit hit")}</dt>
          <dd>{label(String(s.limitHit))}</dd>
        </div>
      ) : null}
      {policy ? (
        <div>
          <dt>{t("What the policy asks")}</dt>
          <dd>
            {ACTIONS[policy.action]?.() ?? label(policy.action)}
            {policy.stopCollection ? `; ${t("payment requests stop at once")}` : ""}
            {policy.rules.length ? ` (${policy.rules.join(", ")})` : ""}
          </dd>
        </div>
      ) : null}
      {policy ? (
        <div>
          <dt>{t("The debtor was told")}</dt>
          <dd className="quote">{policy.debtorWasTold}</dd>
        </div>
      ) : null}
      {s.reasonForNonPayment ? (
        <div>
          <dt>{t("Reason for non-payment")}</dt>
          <dd>{label(String(s.reasonForNonPayment))}</dd>
        </div>
      ) : null}
      {extra.map(([k, v]) => (
        <div key={k}>
          <dt>{label(k)}</dt>
          <dd>{typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ResolveForm({ escalationId, onDone }: { escalationId: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await action.run(() =>
      request("POST", `/api/escalations/${escalationId}/resolve`, { body: { outcome, note } }),
    );
    if (done) onDone();
  };
  return (
    <form className="resolve" onSubmit={submit} aria-label={t("Resolve the escalation")}>
      <label>
        {t("Outcome")}
        <select required value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t("Choose…")}</option>
          {OUTCOMES.map(([value]) => (
            <option key={value} value={value}>
              {label(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("Note")}
        <textarea required maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorText error={action.error} />
      <button type="submit" className="btn btn--primary" disabled={action.busy}>
        {t("Resolve")}
      </button>
    </form>
  );
}

/** Replying takes the conversation over first (the server refuses agent messages otherwise). */
function ReplyForm({ card, onDone }: { card: EscalationCard; onDone: () => void }) {
  const [text, setText] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await action.run(async () => {
      await request("POST", `/api/cases/${card.case.id}/takeover`, { body: {} });
      return request("POST", `/api/cases/${card.case.id}/messages`, { body: { text } });
    });
    if (sent) {
      setText("");
      onDone();
    }
  };
  return (
    <form className="reply" onSubmit={submit} aria-label={t("Reply to the debtor")}>
      <label>
        {t("Reply to the debtor")}
        <textarea required maxLength={2000} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="hint">
        {t(
          "Replying takes the conversation over: the assistant stays silent until you hand back from the case page.",
        )}
      </p>
      <ErrorText error={action.error} />
      <button type="submit" className="btn" disabled={action.busy || !text.trim()}>
        {t("Take over and send")}
      </button>
    </form>
  );
}

export function EscalationItem({
  card,
  fresh,
  onChange,
}: {
  card: EscalationCard;
  fresh?: boolean;
  onChange: () => void;
}) {
  const session = useSession();
  const assign = useAction();
  const [open, setOpen] = useState<"reply" | "resolve" | null>(null);
  const mine = card.assignee?.email === session.user?.email;
  return (
    <article
      className={`escalation card${fresh ? " escalation--fresh" : ""}`}
      data-escalation={card.id}
      aria-label={t("Escalation {kind} on {reference}", {
        kind: label(card.kind),
        reference: card.case.reference,
      })}
    >
      <header className="escalation__head">
        <Badge value={card.kind} kind="kind" />
        <Badge value={card.status} />
        {fresh && <span className="badge badge--new">{t("New")}</span>}
        <Link to={`/cases/${card.case.id}`} className="escalation__case">
          {card.case.reference}
        </Link>
        <span className="escalation__debtor">{card.case.debtor.name}</span>
        <span className="muted">{card.case.creditor.name}</span>
        <time className="muted" dateTime={card.createdAt}>
          {instant(card.createdAt)}
        </time>
      </header>
      <HandoffSummary summary={card.summary} currency={card.case.currency} />
      {card.status !== "resolved" && card.case.debtorWaitingSince && (
        <p className="waiting" data-waiting-since={card.case.debtorWaitingSince}>
          {t("The debtor has been waiting since {time} ({duration})", {
            time: time(card.case.debtorWaitingSince),
            duration: duration((Date.now() - Date.parse(card.case.debtorWaitingSince)) / 1000),
          })}
        </p>
      )}
      <p className="escalation__assignee">
        {card.assignee
          ? mine
            ? t("Assigned to you")
            : t("Assigned to {email}", { email: card.assignee.email })
          : t("Unassigned")}
        {card.case.humanOwnerId ? ` · ${t("a person owns the conversation")}` : ""}
      </p>
      {card.status === "resolved" ? (
        <p>
          {t("Resolved: {outcome}.", { outcome: label(card.outcome ?? "") })} {card.note}
        </p>
      ) : (
        <div className="actions">
          {!mine && (
            <button
              type="button"
              className="btn"
              disabled={assign.busy}
              onClick={() =>
                void assign.run(() => request("POST", `/api/escalations/${card.id}/assign`)).then(onChange)
              }
            >
              {t("Assign to me")}
            </button>
          )}
          <button
            type="button"
            className="btn"
            aria-expanded={open === "reply"}
            onClick={() => setOpen(open === "reply" ? null : "reply")}
          >
            {t("Reply")}
          </button>
          <button
            type="button"
            className="btn"
            aria-expanded={open === "resolve"}
            onClick={() => setOpen(open === "resolve" ? null : "resolve")}
          >
            {t("Resolve")}
          </button>
          <Link to={`/cases/${card.case.id}`} className="btn btn--ghost">
            {t("Open case and transcript")}
          </Link>
        </div>
      )}
      <ErrorText error={assign.error} />
      {open === "reply" && <ReplyForm card={card} onDone={onChange} />}
      {open === "resolve" && (
        <ResolveForm
          escalationId={card.id}
          onDone={() => {
            setOpen(null);
            onChange();
          }}
        />
      )}
    </article>
  );
}
