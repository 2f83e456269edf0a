// My account: change my own password (my other sessions end; this one stays).
import { type FormEvent, useState } from "react";
import { request } from "../api.js";
import { ErrorText } from "../components/common.js";
import { useAction } from "../hooks.js";
import { t } from "../i18n.js";
import { useSession } from "../session.js";

export function AccountPage() {
  const session = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await action.run(() =>
      request("POST", "/api/me/password", { body: { currentPassword: current, newPassword: next } }).then(
        () => true,
      ),
    );
    if (ok) {
      setCurrent("");
      setNext("");
      setDone(true);
    }
  };
  return (
    <section className="page">
      <h1>{t("My account")}</h1>
      <p>{session.user?.email}</p>
      <form className="card filters" onSubmit={submit} aria-label={t("Change my password")}>
        <h2>{t("Change my password")}</h2>
        <label>
          {t("Current password")}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {t("New password (12 characters or more)")}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {t("Change the password")}
        </button>
        <ErrorText error={action.error} />
        {done && (
          <p className="ok" role="status">
            {t("Password changed. Your other sessions have ended.")}
          </p>
        )}
      </form>
    </section>
  );
}
