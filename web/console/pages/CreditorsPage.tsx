// Creditor settings: what the debtor's page and documents show (display name, logo, contact) and
// how debtors pay (bank transfer details, payment page). Admins edit; collectors read.

import { type FormEvent, useState } from "react";
import type { CreditorView, PaymentField } from "../../../contract/creditor-settings.js";
import { type ApiError, request } from "../api.js";
import { ErrorText, Loading } from "../components/common.js";
import { useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { useSession } from "../session.js";
import { fieldMessage } from "../words/server-words.js";
import type { PageText } from "../words-fr.js";

type Creditor = CreditorView;

const TOP: [keyof Creditor & string, PageText][] = [
  ["displayName", "Display name"],
  ["logoUrl", "Logo URL (https)"],
  ["contactEmail", "Contact e-mail"],
  ["contactPhone", "Contact phone"],
];
const PAYMENT: [PaymentField, PageText][] = [
  ["accountHolder", "Account holder"],
  ["iban", "IBAN"],
  ["bic", "BIC"],
  ["ukSortCode", "UK sort code"],
  ["ukAccountNumber", "UK account number"],
  ["usRoutingNumber", "US routing number"],
  ["usAccountNumber", "US account number"],
  ["url", "Payment page URL (https)"],
];

export function CreditorsPage() {
  const list = useResource(() => request<{ items: Creditor[] }>("GET", "/api/creditors"), []);
  const [selected, setSelected] = useState<string | null>(null);
  const current = list.data?.items.find((c) => c.id === selected) ?? null;
  return (
    <section className="page">
      <h1>{t("Creditors")}</h1>
      <ErrorText error={list.error} />
      {!list.data && list.loading && <Loading what={t("creditors")} />}
      {list.data && (
        <label>
          {t("Creditor")}
          <select value={selected ?? ""} onChange={(e) => setSelected(e.target.value || null)}>
            <option value="">{t("Choose…")}</option>
            {list.data.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {current && <CreditorForm key={current.id} creditor={current} onSaved={list.reload} />}
    </section>
  );
}

function CreditorForm({ creditor, onSaved }: { creditor: Creditor; onSaved: () => void }) {
  const session = useSession();
  const admin = session.user?.role === "admin";
  const initial: Record<string, string> = {};
  for (const [k] of TOP) initial[k] = (creditor[k] as string | null) ?? "";
  for (const [k] of PAYMENT) initial[`payment.${k}`] = creditor.payment[k] ?? "";
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldError = (path: string) => {
    const found = error?.fieldErrors().find((f) => f.path === path)?.message;
    return found ? fieldMessage(found) : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    // Only what changed is sent; an emptied field is cleared (null).
    const body: Record<string, unknown> = {};
    const payment: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === initial[k]) continue;
      const value = v.trim() === "" ? null : v.trim();
      if (k.startsWith("payment.")) payment[k.slice(8)] = value;
      else body[k] = value;
    }
    if (Object.keys(payment).length) body.payment = payment;
    if (!Object.keys(body).length) return;
    try {
      await request("PATCH", `/api/creditors/${creditor.id}`, { body });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  const input = (key: string, text: PageText) => (
    <label key={key}>
      {t(text)}
      <input
        value={values[key] ?? ""}
        readOnly={!admin}
        aria-invalid={fieldError(key) ? true : undefined}
        onChange={(e) => setValues({ ...values, [key]: e.target.value })}
      />
      {fieldError(key) ? <span className="error">{fieldError(key)}</span> : null}
    </label>
  );

  return (
    <form className="form" onSubmit={submit} aria-label={t("Settings of {name}", { name: creditor.name })}>
      <h2>{creditor.name}</h2>
      <fieldset>
        <legend>{t("Shown to debtors")}</legend>
        {TOP.map(([k, text]) => input(k, text))}
      </fieldset>
      <fieldset>
        <legend>{t("How debtors pay")}</legend>
        {PAYMENT.map(([k, text]) => input(`payment.${k}`, text))}
      </fieldset>
      {/* Field errors are shown beside their fields: the summary only points at them. */}
      {error?.fieldErrors().length ? (
        <p className="error" role="alert">
          {t("Please correct the highlighted fields.")}
        </p>
      ) : (
        <ErrorText error={error} />
      )}
      {saved && <p role="status">{t("Saved.")}</p>}
      {admin ? (
        <button type="submit" className="btn btn--primary">
          {t("Save")}
        </button>
      ) : (
        <p className="muted">{t("Only an administrator can change these settings.")}</p>
      )}
    </form>
  );
}
