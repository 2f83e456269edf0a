// Live takeover from the case page: take the conversation over (the server then refuses every
// assistant message), chat with the debtor as a person (newest messages right above the composer,
// canned replies in the debtor's language, how long the debtor has been waiting), make an offer the
// policy allows (previewed by the engine before it is sent), and hand back with a note.

import { type FormEvent, useEffect, useRef, useState } from "react";
import type {
  CollectorOfferAnswer,
  OfferPreview,
  OfferTermsView as OfferTerms,
} from "../../../contract/collector-offers.js";
import { request } from "../api.js";
import { CANNED_REPLIES } from "../canned.js";
import { duration, fromMajor, label, messageText, money, time, toMajor } from "../format.js";
import { useAction } from "../hooks.js";
import { t } from "../i18n.js";
import { useSession } from "../session.js";
import type { CaseView, TranscriptMessage } from "../types.js";
import { ErrorText } from "./common.js";

interface Props {
  readonly view: CaseView;
  readonly messages: readonly TranscriptMessage[];
  readonly onChange: () => void;
}

export function TakeoverPanel({ view, messages, onChange }: Props) {
  const session = useSession();
  const take = useAction();
  const me = session.user?.id;
  const caseId = view.id;
  const ownerId = view.conversation?.humanOwnerId ?? null;
  // Without the user id (older /api/me), an owned conversation is assumed ours: the server decides.
  const mine = ownerId !== null && (me === undefined || ownerId === me);
  if (!ownerId) {
    return (
      <section className="card takeover" aria-label={t("Takeover")}>
        <h2>{t("The assistant is talking")}</h2>
        <p>
          {t(
            "Take over to talk to the debtor yourself. The assistant stays silent until you hand back, even a reply it is writing now. Taking over assigns the case's open escalations to you.",
          )}
        </p>
        <WaitingTime messages={messages} />
        <ErrorText error={take.error} />
        <button
          type="button"
          className="btn btn--primary"
          disabled={take.busy}
          onClick={() =>
            void take.run(() => request("POST", `/api/cases/${caseId}/takeover`, { body: {} })).then(onChange)
          }
        >
          {t("Take over the conversation")}
        </button>
      </section>
    );
  }
  if (!mine) {
    return (
      <section className="card takeover" aria-label={t("Takeover")}>
        <h2>{t("Another collector owns this conversation")}</h2>
        <p>{t("They must hand it back before you can write.")}</p>
      </section>
    );
  }
  return (
    <section className="card takeover takeover--mine" aria-label={t("Takeover")}>
      <h2>{t("You own this conversation")}</h2>
      <p className="hint">
        {t("The debtor sees your messages as coming from a member of the team. The assistant is locked out.")}
      </p>
      <LiveChat messages={messages} />
      <Composer caseId={caseId} locale={view.debtor.locale} onSent={onChange} />
      <OfferForm view={view} onOffered={onChange} />
      <HandBack caseId={caseId} onDone={onChange} />
    </section>
  );
}

const chatRoles = new Set(["debtor", "assistant", "agent", "system"]);
const WHO = {
  debtor: () => t("Debtor"),
  assistant: () => t("Assistant"),
  agent: () => t("You"),
  system: () => t("Notice"),
} as Record<string, () => string>;

/** Seconds since the debtor's last message when nobody has answered it yet, else null. */
export function waitingSince(messages: readonly TranscriptMessage[], now: number): number | null {
  const last = messages.findLast((m) => m.role === "debtor" || m.role === "agent" || m.role === "assistant");
  if (last?.role !== "debtor") return null;
  return Math.max(0, (now - Date.parse(last.createdAt)) / 1000);
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function WaitingTime({ messages }: { messages: readonly TranscriptMessage[] }) {
  const now = useNow(15_000);
  const waiting = waitingSince(messages, now);
  if (waiting === null) return null;
  return (
    <p className={`waiting${waiting > 300 ? " waiting--long" : ""}`} role="status">
      {t("The debtor has been waiting for an answer for {duration}.", { duration: duration(waiting) })}
    </p>
  );
}

/** The conversation as a chat: oldest at the top, the newest right above the composer. */
function LiveChat({ messages }: { messages: readonly TranscriptMessage[] }) {
  const end = useRef<HTMLLIElement>(null);
  const shown = messages.filter((m) => chatRoles.has(m.role));
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever a message arrives
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [shown.length]);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable with the keyboard (axe: scrollable-region-focusable) */}
      <ol className="chat" aria-label={t("Live chat")} tabIndex={0}>
        {shown.map((m) => (
          <li key={m.id} className={`chat__msg chat__msg--${m.role}`} data-role={m.role}>
            <span className="chat__who">{WHO[m.role]?.()}</span>{" "}
            <span className="chat__text">{messageText(m.role, m.text)}</span>{" "}
            <time className="muted" dateTime={m.createdAt}>
              {time(m.createdAt)}
            </time>
          </li>
        ))}
        <li ref={end} aria-hidden="true" className="chat__end" />
      </ol>
      <WaitingTime messages={messages} />
    </>
  );
}

function Composer({ caseId, locale, onSent }: { caseId: string; locale: "fr" | "en"; onSent: () => void }) {
  const [text, setText] = useState("");
  const action = useAction();
  const box = useRef<HTMLTextAreaElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clientMessageId = `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const ok = await action.run(() =>
      request("POST", `/api/cases/${caseId}/messages`, { body: { text, clientMessageId } }),
    );
    if (ok) {
      setText("");
      onSent();
    }
  };
  return (
    <form className="composer" onSubmit={submit} aria-label={t("Write to the debtor")}>
      <fieldset className="canned">
        <legend className="sr-only">{t("Canned replies")}</legend>
        {CANNED_REPLIES[locale].map((c) => (
          <button
            key={c.label}
            type="button"
            className="btn btn--small"
            title={c.text}
            onClick={() => {
              setText(c.text);
              box.current?.focus();
            }}
          >
            {c.label}
          </button>
        ))}
      </fieldset>
      <label>
        {t("Message to the debtor")}
        <textarea
          ref={box}
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              if (text.trim()) e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </label>
      <span className="muted">{text.length} / 2000</span>
      <ErrorText error={action.error} />
      <button type="submit" className="btn btn--primary" disabled={action.busy || !text.trim()}>
        {t("Send")}
      </button>
    </form>
  );
}

type Terms = OfferTerms;
type Preview = OfferPreview;

function describeTerms(terms: Terms): string {
  const n = terms.instalments.length;
  const [first, second] = terms.instalments;
  // A first instalment of its own (a down payment) is named with its amount.
  const firstText = !first
    ? ""
    : second && first.amount !== second.amount
      ? t("first {amount} on {date}", { amount: money(first.amount, terms.currency), date: first.dueDate })
      : t("first on {date}", { date: first.dueDate });
  return `${label(terms.kind)} ${money(terms.total, terms.currency)}${n > 1 ? ` ${t("in {n} instalments", { n })}` : ""}${
    firstText ? `, ${firstText}` : ""
  }`;
}

/** An amount typed in major units (read with fromMajor when the form is sent). */
function AmountField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <input
        inputMode="decimal"
        value={props.value}
        placeholder="0.00"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** The terms a person may propose, as the policy engine reads them (first date, amount or count, waiver). */
function OfferForm({ view, onOffered }: { view: CaseView; onOffered: () => void }) {
  const currency = view.principal.currency;
  const due = view.amountDue;
  const [kind, setKind] = useState("plan");
  const [count, setCount] = useState("3");
  const [cadence, setCadence] = useState("monthly");
  const [firstDate, setFirstDate] = useState("");
  const [amount, setAmount] = useState("");
  const [firstAmount, setFirstAmount] = useState("");
  const [restDate, setRestDate] = useState("");
  const [waive, setWaive] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  const waivable = due ? due.interest + due.fees : 0;

  const body = () => {
    const b: Record<string, unknown> = { kind };
    if (firstDate) b.firstDate = firstDate;
    const minor = amount ? fromMajor(amount, currency) : null;
    if (kind === "plan") {
      b.cadence = cadence;
      const down = firstAmount ? fromMajor(firstAmount, currency) : null;
      if (down) b.firstAmount = down;
      // The rest in one payment on its own day is a two-payment plan: no count of its own.
      if (down && restDate) b.restDate = restDate;
      else if (minor) b.instalmentAmount = minor;
      else b.count = Number(count);
    } else if (minor) b.total = minor;
    // Waiving interest and fees is proposing the total without them; the engine decides.
    if (waive && due && !b.total) b.total = due.total - waivable;
    return b;
  };
  const reset = () => {
    setPreview(null);
    setSent(null);
  };
  const check = async () => {
    setSent(null);
    const res = await action.run(() =>
      request<Preview>("POST", `/api/cases/${view.id}/offers/preview`, { body: body() }),
    );
    if (res) setPreview(res);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await action.run(() =>
      request<CollectorOfferAnswer>("POST", `/api/cases/${view.id}/offers`, { body: body() }),
    );
    if (res?.recorded) {
      setPreview(null);
      setSent(t("Offer sent: {terms}.", { terms: describeTerms(res.terms) }));
      onOffered();
    } else if (res) setPreview(res);
  };
  return (
    <details className="offer-form">
      <summary>{t("Make an offer (checked by the policy)")}</summary>
      <form onSubmit={submit} onChange={reset}>
        <label>
          {t("Kind")}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="full">{label("full")}</option>
            <option value="plan">{label("plan")}</option>
            <option value="settlement">{label("settlement")}</option>
          </select>
        </label>
        {kind === "plan" && (
          <>
            <label>
              {t("Instalments")}
              <input
                type="number"
                min={1}
                max={60}
                value={count}
                disabled={amount !== ""}
                onChange={(e) => setCount(e.target.value)}
              />
            </label>
            <label>
              {t("Every")}
              <select value={cadence} onChange={(e) => setCadence(e.target.value)}>
                <option value="monthly">{t("month")}</option>
                <option value="biweekly">{t("two weeks")}</option>
                <option value="weekly">{t("week")}</option>
              </select>
            </label>
          </>
        )}
        <AmountField
          label={
            kind === "plan"
              ? t("Or amount per instalment ({currency})", { currency })
              : t("Total ({currency}, optional)", { currency })
          }
          value={amount}
          onChange={setAmount}
        />
        {kind === "plan" && (
          <AmountField
            label={t("First instalment amount ({currency}, optional)", { currency })}
            value={firstAmount}
            onChange={setFirstAmount}
          />
        )}
        {kind === "plan" && firstAmount !== "" && (
          <label>
            {t("Rest in one payment on (optional)")}
            <input type="date" value={restDate} onChange={(e) => setRestDate(e.target.value)} />
          </label>
        )}
        <label>
          {t("First payment on")}
          <input type="date" value={firstDate} onChange={(e) => setFirstDate(e.target.value)} />
        </label>
        {waivable > 0 && (
          <label className="check">
            <input type="checkbox" checked={waive} onChange={(e) => setWaive(e.target.checked)} />
            {t("Waive interest and fees ({amount})", { amount: money(waivable, currency) })}
          </label>
        )}
        <button type="button" className="btn" disabled={action.busy} onClick={() => void check()}>
          {t("Check with the policy")}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={action.busy || preview?.decision !== "accept"}
        >
          {t("Send the offer")}
        </button>
        {preview?.decision !== "accept" && (
          <span className="muted">{t("Check the terms with the policy first.")}</span>
        )}
      </form>
      <ErrorText error={action.error} />
      {preview && (
        <p
          role="status"
          className={preview.decision === "accept" ? "ok" : "warn"}
          data-decision={preview.decision}
        >
          {preview.decision === "accept"
            ? t("The policy accepts: {terms}.", { terms: describeTerms(preview.terms) })
            : preview.decision === "counter"
              ? `${t("The policy would counter: {why}", { why: preview.explanation ?? "" })}${
                  preview.terms ? ` ${t("It allows {terms}.", { terms: describeTerms(preview.terms) })}` : ""
                }`
              : t("The policy refuses: {why}", { why: preview.explanation ?? "" })}
        </p>
      )}
      {sent && (
        <p role="status" className="ok">
          {sent}
        </p>
      )}
      {due && kind === "plan" && [amount, firstAmount].some((a) => a && fromMajor(a, currency) === null) && (
        <p className="error">{t("Write the amount as {example}.", { example: toMajor(12345, currency) })}</p>
      )}
    </details>
  );
}

function HandBack({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [note, setNote] = useState("");
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(() => request("POST", `/api/cases/${caseId}/handback`, { body: { note } }));
    if (ok) {
      setNote("");
      onDone();
    }
  };
  return (
    <form className="handback" onSubmit={submit} aria-label={t("Hand back to the assistant")}>
      <label>
        {t("Note for the transcript")}
        <input
          required
          maxLength={2000}
          value={note}
          aria-describedby="handback-hint"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <ErrorText error={action.error} />
      <button type="submit" className="btn" disabled={action.busy || !note.trim()}>
        {t("Hand back to the assistant")}
      </button>
      <span id="handback-hint" className="muted">
        {note.trim()
          ? t("The debtor is told the assistant is back.")
          : t("Write a note for the transcript first: it says what you did and why you hand back.")}
      </span>
    </form>
  );
}
