// The case creation form. It validates with the API's own schema (createCaseInput, shared with the
// server), so the same field errors show before sending; errors the server finds (a duplicate
// reference, a case no policy covers) are shown next to their fields too.
import { type FormEvent, useState } from "react";
import { createCaseInput } from "../../../contract/case-input.js";
import { ApiError, request } from "../api.js";
import { fromMajor, label } from "../format.js";
import { useAction } from "../hooks.js";
import { currentLang, t } from "../i18n.js";
import { fieldMessage, serverMessage } from "../words/server-words.js";
import { CopyLink } from "./CopyLink.js";

interface InvoiceRow {
  number: string;
  issuedAt: string;
  dueAt: string;
  amount: string;
}

const EMPTY_INVOICE: InvoiceRow = { number: "", issuedAt: "", dueAt: "", amount: "" };
const blank = (v: string) => (v.trim() === "" ? undefined : v.trim());

export function CaseForm({ onCreated }: { onCreated: (created: { id: string; link: string }) => void }) {
  const [f, setF] = useState({
    reference: "",
    creditor: "",
    debtorName: "",
    kind: "business",
    email: "",
    phone: "",
    locale: "fr",
    timeZone: "",
    jurisdiction: "FR",
    usState: "",
    currency: "EUR",
    question: "",
    answer: "",
  });
  const [invoices, setInvoices] = useState<InvoiceRow[]>([{ ...EMPTY_INVOICE }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ id: string; link: string } | null>(null);
  const action = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  function body() {
    const amountErrors: Record<string, string> = {};
    const list = invoices.map((inv, i) => {
      const amount = fromMajor(inv.amount, f.currency);
      if (amount === null)
        amountErrors[`invoices.${i}.amount`] = t("must be an amount such as {example}", {
          example: currentLang() === "fr" ? "1200,50" : "1200.50",
        });
      return { number: inv.number.trim(), issuedAt: inv.issuedAt, dueAt: inv.dueAt, amount: amount ?? 0 };
    });
    return {
      amountErrors,
      body: {
        reference: f.reference,
        creditor: { name: f.creditor },
        debtor: {
          name: f.debtorName,
          kind: f.kind,
          ...(blank(f.email) ? { email: blank(f.email) } : {}),
          ...(blank(f.phone) ? { phone: blank(f.phone) } : {}),
          locale: f.locale,
          ...(blank(f.timeZone) ? { timeZone: blank(f.timeZone) } : {}),
        },
        jurisdiction: f.jurisdiction,
        ...(blank(f.usState) ? { usState: blank(f.usState) } : {}),
        currency: f.currency.trim().toUpperCase(),
        invoices: list,
        ...(blank(f.answer)
          ? { verification: { answer: f.answer, ...(blank(f.question) ? { question: f.question } : {}) } }
          : {}),
      },
    };
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { body: payload, amountErrors } = body();
    const parsed = createCaseInput.safeParse(payload);
    const found: Record<string, string> = { ...amountErrors };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".") || "(root)";
        if (!found[path]) found[path] = fieldMessage(issue.message);
      }
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await action.run(() =>
      request<{ id: string; link: string }>("POST", "/api/cases", { body: payload }),
    );
    if (res) {
      setCreated(res);
      onCreated(res);
    }
  };

  // Server-side field errors (409 duplicate reference, 400 policy coverage) join the client ones.
  const serverErrors: Record<string, string> = {};
  if (action.error instanceof ApiError) {
    for (const d of action.error.fieldErrors()) serverErrors[d.path] = fieldMessage(d.message);
    if (action.error.code === "conflict") serverErrors.reference = serverMessage(action.error);
  }
  const all = { ...serverErrors, ...errors };
  const err = (path: string) =>
    all[path] ? (
      <span className="field-error" id={`err-${path}`}>
        {all[path]}
      </span>
    ) : null;
  const described = (path: string) =>
    all[path] ? { "aria-invalid": true as const, "aria-describedby": `err-${path}` } : {};

  if (created) {
    return (
      <div className="card">
        <h2>{t("Case created")}</h2>
        <p>{t("Send this link to the debtor. It is shown only once: copy it now.")}</p>
        <CopyLink link={created.link} />
      </div>
    );
  }

  return (
    <form className="card case-form" onSubmit={submit} noValidate aria-label={t("New case")}>
      <h2>{t("New case")}</h2>
      <div className="grid">
        <label>
          {t("Reference")}
          <input value={f.reference} onChange={set("reference")} {...described("reference")} />
          {err("reference")}
        </label>
        <label>
          {t("Creditor")}
          <input value={f.creditor} onChange={set("creditor")} {...described("creditor.name")} />
          {err("creditor.name")}
        </label>
        <label>
          {t("Debtor name")}
          <input value={f.debtorName} onChange={set("debtorName")} {...described("debtor.name")} />
          {err("debtor.name")}
        </label>
        <label>
          {t("Debtor kind")}
          <select value={f.kind} onChange={set("kind")}>
            <option value="business">{label("business")}</option>
            <option value="consumer">{label("consumer")}</option>
          </select>
        </label>
        <label>
          {t("Email")}
          <input type="email" value={f.email} onChange={set("email")} {...described("debtor.email")} />
          {err("debtor.email")}
        </label>
        <label>
          {t("Phone")}
          <input value={f.phone} onChange={set("phone")} {...described("debtor.phone")} />
          {err("debtor.phone")}
        </label>
        <label>
          {t("Language")}
          <select value={f.locale} onChange={set("locale")}>
            <option value="fr">{t("French")}</option>
            <option value="en">{t("English")}</option>
          </select>
        </label>
        <label>
          {t("Time zone (optional)")}
          <input
            placeholder="Europe/Paris"
            value={f.timeZone}
            onChange={set("timeZone")}
            {...described("debtor.timeZone")}
          />
          {err("debtor.timeZone")}
        </label>
        <label>
          {t("Jurisdiction")}
          <select value={f.jurisdiction} onChange={set("jurisdiction")} {...described("jurisdiction")}>
            <option value="FR">{t("France")}</option>
            <option value="UK">{t("United Kingdom")}</option>
            <option value="US">{t("United States")}</option>
          </select>
          {err("jurisdiction")}
        </label>
        {f.jurisdiction === "US" && (
          <label>
            {t("US state")}
            <input value={f.usState} onChange={set("usState")} {...described("usState")} />
            {err("usState")}
          </label>
        )}
        <label>
          {t("Currency")}
          <input value={f.currency} onChange={set("currency")} maxLength={3} {...described("currency")} />
          {err("currency")}
        </label>
      </div>
      <fieldset>
        <legend>{t("Invoices")}</legend>
        {err("invoices")}
        {invoices.map((inv, i) => {
          const upd = (k: keyof InvoiceRow) => (e: { target: { value: string } }) =>
            setInvoices(invoices.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <div className="invoice-row" key={i}>
              <label>
                {t("Number")}
                <input value={inv.number} onChange={upd("number")} {...described(`invoices.${i}.number`)} />
                {err(`invoices.${i}.number`)}
              </label>
              <label>
                {t("Issued")}
                <input
                  type="date"
                  value={inv.issuedAt}
                  onChange={upd("issuedAt")}
                  {...described(`invoices.${i}.issuedAt`)}
                />
                {err(`invoices.${i}.issuedAt`)}
              </label>
              <label>
                {t("Due")}
                <input
                  type="date"
                  value={inv.dueAt}
                  onChange={upd("dueAt")}
                  {...described(`invoices.${i}.dueAt`)}
                />
                {err(`invoices.${i}.dueAt`)}
              </label>
              <label>
                {t("Amount ({currency})", { currency: f.currency || "…" })}
                <input
                  inputMode="decimal"
                  placeholder={currentLang() === "fr" ? "1200,50" : "1200.50"}
                  value={inv.amount}
                  onChange={upd("amount")}
                  {...described(`invoices.${i}.amount`)}
                />
                {err(`invoices.${i}.amount`)}
              </label>
              {invoices.length > 1 && (
                <button
                  type="button"
                  className="btn btn--ghost"
                  onClick={() => setInvoices(invoices.filter((_, j) => j !== i))}
                >
                  {t("Remove")}
                </button>
              )}
            </div>
          );
        })}
        <button
          type="button"
          className="btn"
          onClick={() => setInvoices([...invoices, { ...EMPTY_INVOICE }])}
        >
          {t("Add an invoice")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("Identity check")}</legend>
        <label>
          {t("Question the debtor must answer (optional)")}
          <input value={f.question} onChange={set("question")} {...described("verification.question")} />
          {err("verification.question")}
        </label>
        <label>
          {t("Expected answer (stored hashed)")}
          <input value={f.answer} onChange={set("answer")} {...described("verification.answer")} />
          {err("verification.answer")}
        </label>
      </fieldset>
      {all["(root)"] && <p className="error">{all["(root)"]}</p>}
      {action.error && !Object.keys(serverErrors).length && (
        <p className="error" role="alert">
          {serverMessage(action.error)}
        </p>
      )}
      {Object.keys(all).length > 0 && (
        <p className="error" role="alert">
          {t("Please correct the highlighted fields.")}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={action.busy}>
        {t("Create the case")}
      </button>
    </form>
  );
}
