// Promises with their instalments, and the payment form (amount, date, instalment or the oldest
// unpaid ones); the promise status follows the payments.
import { type FormEvent, useState } from "react";
import type { PromiseView } from "../../../contract/console-cases.js";
import { request } from "../api.js";
import { day, fromMajor, label, money } from "../format.js";
import { useAction } from "../hooks.js";
import { t } from "../i18n.js";

const PROMISE_BY_PERSON = "{total} · obtained by a person · accepted {accepted} · paid {paid}";
const PROMISE_BY_ASSISTANT = "{total} · obtained by the assistant · accepted {accepted} · paid {paid}";

import type { CaseView } from "../types.js";
import { Badge, ErrorText } from "./common.js";

export function PromiseList({ view, onChange }: { view: CaseView; onChange: () => void }) {
  if (view.promises.length === 0) return <p className="empty">{t("No promise yet.")}</p>;
  return (
    <>
      {view.promises.map((p) => (
        <PromiseCard key={p.id} promise={p} caseId={view.id} onChange={onChange} />
      ))}
    </>
  );
}

function PromiseCard({
  promise,
  caseId,
  onChange,
}: {
  promise: PromiseView;
  caseId: string;
  onChange: () => void;
}) {
  const paid = promise.instalments.reduce((s, i) => s + i.paidAmount, 0);
  return (
    <article
      className="promise"
      data-promise={promise.id}
      aria-label={t("Promise of {amount}", { amount: money(promise.total, promise.currency) })}
    >
      <header>
        <Badge value={promise.status} kind="promise" />{" "}
        {t(promise.obtainedBy === "human" ? PROMISE_BY_PERSON : PROMISE_BY_ASSISTANT, {
          total: money(promise.total, promise.currency),
          accepted: day(promise.acceptedAt),
          paid: money(paid, promise.currency),
        })}
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("Due")}</th>
            <th scope="col">{t("Amount")}</th>
            <th scope="col">{t("Paid")}</th>
            <th scope="col">{t("Status")}</th>
          </tr>
        </thead>
        <tbody>
          {promise.instalments.map((i) => (
            <tr key={i.id} data-instalment={i.seq}>
              <td>{i.seq}</td>
              <td>{day(i.dueDate)}</td>
              <td className="num">{money(i.amount, promise.currency)}</td>
              <td className="num">{money(i.paidAmount, promise.currency)}</td>
              <td>
                <Badge value={i.status} kind="instalment" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(promise.status === "active" || promise.status === "broken") && (
        <PaymentForm caseId={caseId} promise={promise} onRecorded={onChange} />
      )}
    </article>
  );
}

function PaymentForm({
  caseId,
  promise,
  onRecorded,
}: {
  caseId: string;
  promise: PromiseView;
  onRecorded: () => void;
}) {
  const [amount, setAmount] = useState("");
  const [paidAt, setPaidAt] = useState(() => new Date().toISOString().slice(0, 10));
  const [instalmentId, setInstalmentId] = useState("");
  const [externalRef, setExternalRef] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = fromMajor(amount, promise.currency);
    if (minor === null || minor <= 0) {
      setAmountError(t("Enter an amount such as 120.50"));
      return;
    }
    setAmountError(null);
    const body = {
      caseId,
      amount: minor,
      currency: promise.currency,
      paidAt,
      ...(instalmentId ? { instalmentId } : {}),
      ...(externalRef.trim() ? { externalRef: externalRef.trim() } : {}),
    };
    const ok = await action.run(() => request("POST", "/api/payments", { body }));
    if (ok) {
      setAmount("");
      setExternalRef("");
      onRecorded();
    }
  };
  const fieldErrors = action.error?.fieldErrors() ?? [];
  return (
    <form className="payment" onSubmit={submit} aria-label={t("Record a payment")}>
      <label>
        {t("Amount ({currency})", { currency: promise.currency })}
        <input
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={amountError ? true : undefined}
        />
        {amountError && <span className="field-error">{amountError}</span>}
      </label>
      <label>
        {t("Paid on")}
        <input type="date" required value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
      </label>
      <label>
        {t("Instalment")}
        <select value={instalmentId} onChange={(e) => setInstalmentId(e.target.value)}>
          <option value="">{t("Oldest unpaid first")}</option>
          {promise.instalments
            .filter((i) => i.paidAmount < i.amount)
            .map((i) => (
              <option key={i.id} value={i.id}>
                #{i.seq} due {day(i.dueDate)} ({label(i.status)})
              </option>
            ))}
        </select>
      </label>
      <label>
        {t("Bank reference (optional)")}
        <input value={externalRef} onChange={(e) => setExternalRef(e.target.value)} maxLength={100} />
      </label>
      {fieldErrors.length > 0 ? (
        <ul className="errors" role="alert">
          {fieldErrors.map((d) => (
            <li key={d.path}>
              {d.path}: {d.message}
            </li>
          ))}
        </ul>
      ) : (
        <ErrorText error={action.error} />
      )}
      <button type="submit" className="btn btn--primary" disabled={action.busy}>
        {t("Record the payment")}
      </button>
    </form>
  );
}
